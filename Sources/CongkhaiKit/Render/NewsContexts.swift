import CongkhaiCore

/// Data for the news column's pages and feeds.
extension RenderEnvironment {
    func homeContext() -> Context {
        let latest = plan.news.listed.prefix(ShownArticles.onHome).map { listedCard($0) }
        let units = Unit.Kind.allCases.map { kind -> Context in
            [
                "label": kind.label,
                "units": content.units.filter { $0.kind == kind }.map { unitSummary($0) },
            ]
        }
        var extra: Context = [
            "latest": latest, "latest_html": cardsHTML(latest.map(\.index)),
            "has_latest": !latest.isEmpty, "unit_groups": units,
            "unit_count": content.units.count,
        ]
        let tiles = headlineTiles()
        if !tiles.isEmpty {
            extra["headline"] = ["tiles": tiles, "span": headlineSpan?.label ?? ""] as Context
            if let trend = onTimeTrend(unit: nil, id: "xu-huong-quan") { extra["trend"] = trend }
        }
        return pageContext(
            title: config.title, url: Routes.home,
            description: "\(config.title): số liệu, kế hoạch và tin tức cải cách hành chính",
            extra: extra)
    }

    func newsListContext(page: Int, url: String) -> Context {
        let title =
            page > 1 ? "Tin tức cải cách hành chính – trang \(page)" : "Tin tức cải cách hành chính"
        return pageContext(
            title: title, url: url, description: "Chuyên mục tuyên truyền cải cách hành chính",
            breadcrumbs: [("Tin tức", Routes.news)],
            extra: listing(plan.news.listed, page: page, base: Routes.news)
                .merging([
                    "heading": "Tin tức cải cách hành chính",
                    "categories": categoryLinks(current: nil),
                    "feed_url": Routes.newsFeed,
                ]) { a, _ in a })
    }

    func categoryContext(_ id: String, page: Int, url: String) -> Context {
        let category = Category.named(id)!
        let base = Routes.category(id)
        let heading = "Chuyên mục: \(category.name)"
        return pageContext(
            title: page > 1 ? "\(heading) – trang \(page)" : heading, url: url,
            breadcrumbs: [("Tin tức", Routes.news), (category.name, base)],
            extra: listing(plan.news.byCategory[id] ?? [], page: page, base: base)
                .merging(["heading": heading, "categories": categoryLinks(current: id)]) { a, _ in a
                })
    }

    func tagContext(_ slug: String, page: Int, url: String) -> Context {
        let name = plan.news.tagNames[slug] ?? slug
        let base = Routes.tag(slug)
        let heading = "Thẻ: \(name)"
        return pageContext(
            title: page > 1 ? "\(heading) – trang \(page)" : heading, url: url,
            breadcrumbs: [("Tin tức", Routes.news), ("Thẻ", Routes.tags), (name, base)],
            extra: listing(plan.news.byTag[slug] ?? [], page: page, base: base)
                .merging(["heading": heading]) { a, _ in a })
    }

    func tagIndexContext() -> Context {
        let tags = plan.news.sortedTagSlugs.map { slug -> Context in
            [
                "name": plan.news.tagNames[slug] ?? slug, "url": Routes.tag(slug),
                "count": plan.news.byTag[slug]?.count ?? 0,
            ]
        }
        return pageContext(
            title: "Các thẻ của chuyên mục", url: Routes.tags,
            breadcrumbs: [("Tin tức", Routes.news), ("Thẻ", Routes.tags)],
            extra: ["tags": tags, "empty": tags.isEmpty])
    }

    func articleContext(_ index: Int) -> Context {
        let article = content.articles[index]
        var data = card(index)
        if let files = media.references[article.source.file] {
            data["body"] = MediaMarkdown.bodyHTML(
                ofFileAt: article.source.file, allowRawHTML: config.allowRawHTML, files: files,
                photos: media.photos)
        } else {
            data["body"] = Markdown.bodyHTML(
                ofFileAt: article.source.file, allowRawHTML: config.allowRawHTML)
        }
        data["tags"] = article.tags.map {
            ["name": $0.name, "url": Routes.tag($0.slug)] as Context
        }
        data["has_tags"] = !article.tags.isEmpty
        if let expires = article.expires, article.hasExpired(on: buildDate) {
            data["expired_on"] = expires.vietnamese
        }
        var extra: Context = ["article": data]
        // Articles are newest first: the previous index is the newer one.
        if index > 0 { extra["newer"] = listedCard(index - 1) }
        if index + 1 < content.articles.count { extra["older"] = listedCard(index + 1) }
        return pageContext(
            title: article.title, url: Routes.article(article), description: article.summary,
            breadcrumbs: [("Tin tức", Routes.news), (article.title, Routes.article(article))],
            extra: extra,
            image: socialImage(of: article), type: "article")
    }

    /// The article's first photo as its social card (`og:image`), cropped to 1200×630.
    func socialImage(of article: Article) -> (path: String, alt: String)? {
        guard
            let (file, _) = media.firstPhoto(
                of: article.source.file, references: article.references)
        else { return nil }
        return (file.cardURL, article.title)
    }

    func categoryLinks(current: String?) -> [Context] {
        Category.all.map {
            ["name": $0.name, "url": Routes.category($0.id), "current": $0.id == current]
        }
    }

    // MARK: Feeds

    func newsFeedContext() -> Context {
        feed(
            title: "\(config.title) – Tin tức", url: Routes.newsFeed, pageURL: Routes.news,
            indexes: plan.news.listed)
    }

    func unitFeedContext(_ id: String) -> Context {
        let unit = content.unit(id)!
        return feed(
            title: "\(unit.name(on: buildDate)) – Tin cải cách hành chính",
            url: Routes.unitFeed(id),
            pageURL: Routes.unit(id), indexes: plan.news.byUnit[id] ?? [])
    }

    /// Atom 1.0: ids are the pages' absolute URLs; `updated` is the newest entry's date, so the
    /// feed changes only when its entries do.
    func feed(title: String, url: String, pageURL: String, indexes: [Int]) -> Context {
        let entries = indexes.prefix(ShownArticles.inFeed).map { i -> Context in
            let article = content.articles[i]
            var entry: Context = [
                "title": article.title, "url": config.absoluteURL(Routes.article(article)),
                "updated": article.date.rfc3339,
                "summary": article.summary, "category": article.category.name,
            ]
            if let unit = unitLink(article.unitID, on: article.date.vietnamDay) {
                entry["author"] = unit["name"]
            }
            return entry
        }
        let updated =
            indexes.first.map { content.articles[$0].date.rfc3339 }
            ?? Timestamp(day: buildDate).rfc3339
        return [
            "title": title, "id": config.absoluteURL(url), "self_url": config.absoluteURL(url),
            "page_url": config.absoluteURL(pageURL), "updated": updated, "entries": entries,
            "owner": config.owner, "language": config.language,
        ]
    }

    func sitemapContext() -> Context {
        [
            "urls": plan.pages.filter(\.inSitemap).map {
                ["loc": config.absoluteURL($0.url)] as Context
            }
        ]
    }
}
