import CongkhaiCore

/// The plan-pages stage: decides every file of the site and its URL, before anything is rendered.
package struct SitePlan: Sendable {
    package var pages: [PlannedPage]
    package var news: NewsIndex
}

package enum PagePlanner {
    package static func plan(
        _ content: SiteContent, figures: SiteFigures, assets: [String]
    ) -> SitePlan {
        let news = NewsIndex(content.articles, listedOn: content.listedOn)
        let perPage = content.config.newsPerPage
        var pages: [PlannedPage] = []

        func add(_ url: String, _ kind: PageKind, sitemap: Bool = true) {
            // URLs are built from validated slugs and ids, so a nil path is a programming error.
            guard let path = OutputPath(urlPath: url) else {
                preconditionFailure("unsafe output path \(url)")
            }
            pages.append(
                PlannedPage(
                    path: path, url: url, kind: kind, inSitemap: sitemap && url.hasSuffix("/")))
        }
        func addList(base: String, count: Int, _ kind: (Int) -> PageKind) {
            let pagination = Pagination(total: count, size: perPage)
            for page in 1...pagination.pageCount { add(Routes.page(page, of: base), kind(page)) }
        }

        add(Routes.home, .home)
        addList(base: Routes.news, count: news.listed.count) { .newsList(page: $0) }
        for (i, article) in content.articles.enumerated() {
            add(Routes.article(article), .article(index: i))
        }
        for category in Category.all {
            addList(
                base: Routes.category(category.id), count: news.byCategory[category.id]?.count ?? 0
            ) {
                .category(id: category.id, page: $0)
            }
        }
        add(Routes.tags, .tagIndex)
        for slug in news.sortedTagSlugs {
            addList(base: Routes.tag(slug), count: news.byTag[slug]?.count ?? 0) {
                .tag(slug: slug, page: $0)
            }
        }
        add(Routes.newsFeed, .newsFeed)
        add(Routes.units, .unitIndex)
        for unit in content.units {
            add(Routes.unit(unit.id), .unit(id: unit.id))
            add(Routes.unitFeed(unit.id), .unitFeed(id: unit.id))
            add(Routes.unitEmbed(unit.id), .unitEmbed(id: unit.id), sitemap: false)
            add(Routes.unitFigures(unit.id), .unitFigures(id: unit.id))
            add(Routes.unitCard(unit.id), .unitCard(id: unit.id))
        }
        if !figures.datasets.isEmpty {
            add(Routes.statistics, .statisticsIndex)
            for span in figures.statisticsSpans {
                add(Routes.statistics(span), .statistics(span: span))
            }
            add(Routes.compliance, .compliance)
        }
        add(Routes.openData, .openData)
        for data in figures.datasets {
            for format in [DataFormat.csv, .json] {
                add(
                    Routes.datasetFile(data.schema.id, format),
                    .datasetFile(id: data.schema.id, format: format))
            }
        }
        if !figures.datasets.isEmpty {
            for format in [DataFormat.csv, .json] {
                add(Routes.figuresFile(format), .figuresFile(format: format))
            }
        }
        add(Routes.dataPackage, .dataPackage)
        let searchable = SearchSource.all(
            content, spans: figures.statisticsSpans, hasFigures: !figures.datasets.isEmpty
        ).count
        add(Routes.search, .search)
        for n in 0..<SearchIndex.shardCount(documents: searchable) {
            add(Routes.searchShard(n), .searchShard(n))
        }
        for n in 0..<SearchIndex.chunkCount(documents: searchable) {
            add(Routes.searchDocuments(n), .searchDocuments(n))
        }
        add(Routes.plan, .planIndex)
        for (i, page) in content.planPages.enumerated() {
            add(Routes.planPage(page), .plan(index: i))
        }
        for asset in assets { add(Routes.asset(asset), .asset(name: asset)) }
        add(Routes.siteCard, .siteCard)
        add(Routes.notFound, .notFound, sitemap: false)
        add(Routes.robots, .robots)
        add(Routes.sitemap, .sitemap)
        return SitePlan(pages: pages, news: news)
    }
}

extension SitePlan {
    /// Only the pages of `units`: each unit's page and feed, its articles, and the theme's assets
    /// and 404 page, exactly as a full build writes them (for a unit that publishes on its own site).
    package func restricted(to units: Set<String>, content: SiteContent) -> SitePlan {
        var plan = self
        let shown = Set(
            content.articles.filter { $0.unitID.map(units.contains) ?? false }.map {
                Routes.article($0)
            })
        plan.pages = pages.filter { page in
            switch page.kind {
            case .unit(let id), .unitFeed(let id), .unitEmbed(let id), .unitFigures(let id),
                .unitCard(let id):
                return units.contains(id)
            case .article(let index):
                return content.articles[index].unitID.map(units.contains) ?? false
            case .asset, .notFound, .siteCard: return true
            // The files of its articles, and the shared ones under /media/.
            case .file:
                return page.url.hasPrefix(Routes.media)
                    || shown.contains(MediaPlanner.articleFolder(of: page.url))
            case .home, .newsList, .category, .tag, .tagIndex, .unitIndex, .statisticsIndex,
                .statistics, .compliance,
                .openData, .datasetFile, .figuresFile, .dataPackage, .planIndex, .plan, .newsFeed,
                .sitemap, .robots,
                .search, .searchShard, .searchDocuments:
                return false
            }
        }
        return plan
    }
}
