import CongkhaiCore

/// What every page's data is built from: the content, the plan, and the build's own facts.
package struct RenderEnvironment: Sendable {
    package let content: SiteContent
    package let figures: SiteFigures
    package let plan: SitePlan
    package let buildDate: CalendarDay
    /// The sections shown in the main navigation: (label, URL).
    package let navigation: [(label: String, url: String)]
    /// What every page shows of the site (`site` in templates): made once, not for every page.
    /// Text, numbers and booleans only, never changed after `init`.
    nonisolated(unsafe) let siteData: Context
    let fragments: FragmentCache
    /// The search index, made by the first of its files to be rendered.
    let searchCell = SearchIndexCell()
    /// The files the markdown points at, published, and the photos made from them.
    package var media = MediaCatalog()
    /// Draws the social cards; a build's keeps them in the build cache.
    package var cards = CardPainter(cacheDirectory: nil)

    /// The first segment of a URL path as a section URL: `/tin-tuc/abc/` → `/tin-tuc/`, `/` → `/`.
    static func section(of url: String) -> String {
        let path = url.utf8.drop { $0 == 0x2F }
        guard let end = path.firstIndex(of: 0x2F) else {
            return path.isEmpty ? "/" : "/" + String(Substring(path)) + "/"
        }
        return "/" + String(Substring(path[..<end])) + "/"
    }

    /// Every section the main navigation may show, in order: (label, URL).
    static let sections: [(label: String, url: String)] = [
        ("Trang chủ", Routes.home), ("Tin tức", Routes.news), ("Đơn vị", Routes.units),
        ("Thống kê", Routes.statistics),
        ("Công khai", Routes.compliance), ("Kế hoạch", Routes.plan),
        ("Dữ liệu mở", Routes.openData),
    ]

    /// The sections a plan has pages in: statistics and compliance only when there are figures.
    static func navigationURLs(of plan: SitePlan) -> [String] {
        let present = Set(plan.pages.map { section(of: $0.url) })
        return sections.map(\.url).filter(present.contains)
    }

    /// `navigation`: the sections' URLs, when known from elsewhere than `plan` (a page rendered alone).
    package init(
        content: SiteContent, figures: SiteFigures, plan: SitePlan, buildDate: CalendarDay,
        navigation urls: [String]? = nil
    ) {
        self.content = content
        self.figures = figures
        self.plan = plan
        self.buildDate = buildDate
        fragments = FragmentCache()
        let shown = Set(urls ?? Self.navigationURLs(of: plan))
        navigation = Self.sections.filter { shown.contains($0.url) }
        let config = content.config
        siteData = [
            "title": config.title, "owner": config.owner, "language": config.language,
            "base_url": config.baseURL, "year": config.year,
            "illustrative": config.illustrativeData,
            "build_date": buildDate.vietnamese, "build_date_iso": buildDate.description,
        ]
    }

    var config: SiteConfig { content.config }
}

/// Mustache data is plain dictionaries and arrays: fast to look up and easy to read in templates.
typealias Context = [String: Any]

extension RenderEnvironment {
    /// Data every page template can use: `site`, `nav`, `page`, `breadcrumbs`.
    /// `image`: the page's social card (`og:image`), a site path and its text alternative; the
    /// site's own card when nil. `type`: `og:type`.
    func pageContext(
        title: String, url: String, description: String? = nil,
        breadcrumbs: [(String, String)] = [], extra: Context = [:],
        image: (path: String, alt: String)? = nil, type: String = "website"
    ) -> Context {
        let section = Self.section(of: url)
        // The same for every page of a section: made once per section.
        let navKey = section + (url == "/" ? "home" : "")
        let navData = fragments.navigation.value(for: navKey) {
            navigation.map { item -> Context in
                [
                    "label": item.label, "url": item.url,
                    "current": item.url == section || (item.url == "/" && url == "/"),
                ]
            }
        }
        var context: Context = [
            "site": siteData,
            "nav": navData,
            "page": [
                "title": title, "url": url, "canonical": config.absoluteURL(url),
                "description": description ?? config.title, "is_home": url == "/",
                "og_type": type, "og_image": config.absoluteURL(image?.path ?? Routes.siteCard),
                "og_image_alt": image?.alt ?? "\(config.title) – \(config.owner)",
            ] as Context,
        ]
        // Header and footer depend only on the section and the site: rendered once, shared.
        context["fragment"] =
            [
                "header": fragments.shared("header", key: navKey) {
                    ["site": siteData, "nav": navData]
                },
                "footer": fragments.shared("footer", key: "") { ["site": siteData] },
            ] as Context
        if let current = breadcrumbs.last {
            // The links up to the page, then the page itself: two lookups a link, where a `last`
            // flag on every crumb cost four (every page shows a trail).
            let trail = [("Trang chủ", "/")] + breadcrumbs.dropLast()
            context["breadcrumbs"] =
                [
                    "trail": trail.map { ["label": $0.0, "url": $0.1] as Context },
                    "current": current.0,
                ] as Context
        }
        for (key, value) in extra { context[key] = value }
        return context
    }

    func unitLink(_ id: String?, on day: CalendarDay) -> Context? {
        guard let id, let unit = content.unit(id) else { return nil }
        return [
            "id": unit.id, "name": unit.name(on: day), "short": unit.shortName(on: day),
            "url": Routes.unit(unit.id),
        ]
    }

    /// An article as list pages show it, with `html`: its `article-card` template rendered once.
    func card(_ index: Int) -> Context {
        var data = cardData(index)
        data["html"] = cardHTML(index)
        return data
    }

    /// The article's `article-card` template, rendered once per build.
    func cardHTML(_ index: Int) -> String {
        fragments.card(index) { cardData(index) }
    }

    /// A card in a list: made field by field as the template asks. A list usually shows only its
    /// `html`, and a national site's lists hold a million cards.
    func listedCard(_ index: Int) -> ListedCard { ListedCard(index: index, environment: self) }

    /// The cards of a list, rendered and joined: what a list shows, in one lookup. Going through
    /// `{{#articles}}{{{html}}}{{/articles}}` costs a Mustache lookup and a context push per card,
    /// and a national site's lists show several million cards.
    func cardsHTML(_ indexes: some Sequence<Int>) -> String {
        var html = ""
        for index in indexes { html += cardHTML(index) }
        if html.utf8.last == 0x0A { html.removeLast() }  // the including template ends the line
        return html
    }

    func cardData(_ index: Int) -> Context {
        let article = content.articles[index]
        let day = article.date.vietnamDay
        var card: Context = [
            "title": article.title, "url": Routes.article(article), "summary": article.summary,
            "date": day.vietnamese, "date_iso": article.date.rfc3339, "draft": article.draft,
            "category": [
                "name": article.category.name, "url": Routes.category(article.category.id),
            ] as Context,
        ]
        if let unit = unitLink(article.unitID, on: day) { card["unit"] = unit }
        if let (file, stored) = media.firstPhoto(
            of: article.source.file, references: article.references)
        {
            // The card's thumbnail: the smallest size; decorative beside the title it illustrates.
            let small = stored.rendered.sizes[0]
            card["image"] =
                [
                    "url": file.photoURL(width: small.width, webp: false),
                    "webp": file.photoURL(width: small.width, webp: true),
                    "width": small.width, "height": small.height,
                ] as Context
        }
        // Only a `--future` preview renders an article before its day: marked so.
        if day > buildDate { card["scheduled_on"] = day.vietnamese }
        return card
    }

    /// One page of a paginated article list, with its pager.
    func listing(_ indexes: some RandomAccessCollection<Int>, page: Int, base: String) -> Context {
        let pagination = Pagination(total: indexes.count, size: config.newsPerPage)
        let shown = pagination.range(ofPage: page).map {
            indexes[indexes.index(indexes.startIndex, offsetBy: $0)]
        }
        var context: Context = [
            "articles": shown.map { listedCard($0) }, "articles_html": cardsHTML(shown),
            "article_count": VietnameseNumber.integer(indexes.count),
            "empty": indexes.isEmpty,
        ]
        if pagination.pageCount > 1 {
            // Shaped for few lookups: the links before and after the current page as lists, and
            // every name present (false when absent). A list of entries that each said whether
            // it was a gap, the current page or a link cost about fifty lookups a pager.
            let window = Pagination.window(around: page, count: pagination.pageCount)
            func link(_ n: Int) -> Context { ["number": n, "url": Routes.page(n, of: base)] }
            let pager: Context = [
                "current": page, "count": pagination.pageCount,
                "first": window.first.map { link($0) as Any } ?? false,
                "gap_before": window.gapBefore,
                "before": window.before.map(link), "after": window.after.map(link),
                "gap_after": window.gapAfter, "last": window.last.map { link($0) as Any } ?? false,
                "previous_url": page > 1 ? Routes.page(page - 1, of: base) as Any : false,
                "next_url": page < pagination.pageCount
                    ? Routes.page(page + 1, of: base) as Any : false,
            ]
            context["pager"] = pager
        }
        return context
    }
}
