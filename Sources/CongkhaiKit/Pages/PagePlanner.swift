import CongkhaiCore

/// The plan-pages stage: decides every file of the site and its URL, before anything is rendered.
package struct SitePlan: Sendable {
    package var pages: [PlannedPage]
    package var news: NewsIndex
}

package enum PagePlanner {
    package static func plan(_ content: SiteContent, figures: SiteFigures, assets: [String]) -> SitePlan {
        let news = NewsIndex(content.articles, listedOn: content.listedOn)
        let perPage = content.config.newsPerPage
        var pages: [PlannedPage] = []

        func add(_ url: String, _ kind: PageKind, sitemap: Bool = true) {
            // URLs are built from validated slugs and ids, so a nil path is a programming error.
            guard let path = OutputPath(urlPath: url) else { preconditionFailure("unsafe output path \(url)") }
            pages.append(PlannedPage(path: path, url: url, kind: kind, inSitemap: sitemap && url.hasSuffix("/")))
        }
        func addList(base: String, count: Int, _ kind: (Int) -> PageKind) {
            let pagination = Pagination(total: count, size: perPage)
            for page in 1...pagination.pageCount { add(Pagination.url(base: base, page: page), kind(page)) }
        }

        add("/", .home)
        addList(base: "/tin-tuc/", count: news.listed.count) { .newsList(page: $0) }
        for (i, article) in content.articles.enumerated() { add(article.path, .article(index: i)) }
        for category in Category.all {
            addList(base: "/tin-tuc/chuyen-muc/\(category.id)/", count: news.byCategory[category.id]?.count ?? 0) {
                .category(id: category.id, page: $0)
            }
        }
        add("/tin-tuc/the/", .tagIndex)
        for slug in news.sortedTagSlugs {
            addList(base: "/tin-tuc/the/\(slug)/", count: news.byTag[slug]?.count ?? 0) { .tag(slug: slug, page: $0) }
        }
        add("/tin-tuc/feed.xml", .newsFeed)
        add("/don-vi/", .unitIndex)
        for unit in content.units {
            add("/don-vi/\(unit.id)/", .unit(id: unit.id))
            add("/don-vi/\(unit.id)/feed.xml", .unitFeed(id: unit.id))
        }
        if !figures.datasets.isEmpty {
            add("/thong-ke/", .statisticsIndex)
            for span in figures.statisticsSpans { add("/thong-ke/\(span.key)/", .statistics(span: span)) }
            add("/cong-khai/", .compliance)
        }
        add("/du-lieu/", .openData)
        for data in figures.datasets {
            add("/du-lieu/\(data.schema.id).csv", .datasetFile(id: data.schema.id, format: .csv))
            add("/du-lieu/\(data.schema.id).json", .datasetFile(id: data.schema.id, format: .json))
        }
        if !figures.datasets.isEmpty {
            add("/du-lieu/chi-so.csv", .figuresFile(format: .csv))
            add("/du-lieu/chi-so.json", .figuresFile(format: .json))
        }
        add("/du-lieu/datapackage.json", .dataPackage)
        let searchable = SearchSource.all(content, spans: figures.statisticsSpans, hasFigures: !figures.datasets.isEmpty).count
        add("/tim-kiem/", .search)
        for n in 0..<SearchIndex.shardCount(documents: searchable) { add("/tim-kiem/chi-muc/\(n).json", .searchShard(n)) }
        for n in 0..<SearchIndex.chunkCount(documents: searchable) { add("/tim-kiem/tai-lieu/\(n).json", .searchDocuments(n)) }
        add("/ke-hoach/", .planIndex)
        for (i, page) in content.planPages.enumerated() { add(page.path, .plan(index: i)) }
        for asset in assets { add("/assets/\(asset)", .asset(name: asset)) }
        add("/404.html", .notFound, sitemap: false)
        add("/robots.txt", .robots)
        add("/sitemap.xml", .sitemap)
        return SitePlan(pages: pages, news: news)
    }
}

extension SitePlan {
    /// Only the pages of `units`: each unit's page and feed, its articles, and the theme's assets
    /// and 404 page, exactly as a full build writes them (for a unit that publishes on its own site).
    package func restricted(to units: Set<String>, content: SiteContent) -> SitePlan {
        var plan = self
        let shown = Set(content.articles.filter { $0.unitID.map(units.contains) ?? false }.map(\.path))
        plan.pages = pages.filter { page in
            switch page.kind {
            case .unit(let id), .unitFeed(let id): return units.contains(id)
            case .article(let index): return content.articles[index].unitID.map(units.contains) ?? false
            case .asset, .notFound: return true
            // The files of its articles, and the shared ones under /media/.
            case .file: return page.url.hasPrefix("/media/") || shown.contains(MediaPlanner.articleFolder(of: page.url))
            default: return false
            }
        }
        return plan
    }
}
