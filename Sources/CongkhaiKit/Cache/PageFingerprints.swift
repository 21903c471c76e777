import CongkhaiCore
import Foundation

/// A fingerprint per page: a stable hash of everything its output depends on. Pages whose
/// fingerprint and file are unchanged since the last build are not rendered again.
struct PageFingerprints {
    let environment: RenderEnvironment
    let theme: Theme
    /// Inputs every page shows: site.yml, units and fields, the build date, the navigation.
    let siteDigest: UInt64
    /// Inputs of the figures: metric files, datasets, targets, units, and the news column's activity.
    let figuresDigest: UInt64
    /// The plan's pages (their files).
    let planDigest: UInt64
    /// What a unit's own pages (page, embed, `so-lieu.json`, card) show, by unit: its rows, its
    /// articles' dates, and what is shared (site, declarations, each dataset's periods). A
    /// corrected row of one unit re-renders that unit's pages, not every unit's.
    private let unitDigests: [String: UInt64]
    private let cardDigests: [UInt64]
    /// Everything the search index is made from: the site (units' names on the build date,
    /// fields), the plan's files, the statistics spans and every article's card, in order. It is
    /// the index page's fingerprint, so the last build's record of that page says whether the
    /// index can have changed.
    let searchInputs: UInt64
    /// The last build's fingerprints of the index's files, when `searchInputs` is what it was:
    /// those files are kept without making the index (`SiteBuilder.prepareSite`).
    var keptSearch: [String: UInt64] = [:]
    private var templateDigests: [String: UInt64] = [:]

    init(
        environment: RenderEnvironment, theme: Theme, inventory: SourceInventory,
        options: BuildOptions
    ) {
        self.environment = environment
        self.theme = theme
        var site = StableHasher()
        site.combine(
            inventory.digest(
                prefixes: [SiteConfigLoader.file, UnitsLoader.unitsFile, UnitsLoader.fieldsFile].map
                { SourceInventory.content($0) }))
        site.combine(options.buildDate.description)
        for item in environment.navigation { site.combine(item.url) }
        siteDigest = site.value

        var figures = StableHasher()
        figures.combine(
            inventory.digest(prefixes: [
                SourceInventory.content(MetricsLoader.folder, folder: true),
                SourceInventory.content(DatasetDeclarationLoader.fileName),
                SourceInventory.content(TargetsLoader.file),
            ]))
        figures.combine(siteDigest)
        // Which units published and when, in an order of their own: a new title that moves an
        // article among those of its day (articles sort by date, then slug) changes no figure.
        var activity: [(unit: String, seconds: Int)] = []
        for article in environment.content.articles {
            if let unit = article.unitID { activity.append((unit, article.date.epochSeconds)) }
        }
        activity.sort { $0.unit != $1.unit ? $0.unit < $1.unit : $0.seconds < $1.seconds }
        for (unit, seconds) in activity {
            figures.combine(unit)
            figures.combine(seconds)
        }
        figuresDigest = figures.value
        unitDigests = Self.unitDigests(environment, inventory: inventory, site: siteDigest)
        planDigest = inventory.digest(prefixes: [
            SourceInventory.content(PlanLoader.folder, folder: true)
        ])

        cardDigests = environment.content.articles.map { article in
            var h = StableHasher()
            h.combine(article.title); h.combine(article.slug); h.combine(article.date.epochSeconds)
            h.combine(article.unitID ?? ""); h.combine(article.category.id);
            h.combine(article.summary); h.combine(article.draft)
            for tag in article.tags { h.combine(tag.name) }
            h.combine(article.expires?.description ?? "")
            // Its thumbnail, from the first photo.
            if let (file, stored) = environment.media.firstPhoto(
                of: article.source.file, references: article.references)
            {
                h.combine(file.url); h.combine(stored.folder)
                for size in stored.rendered.sizes { h.combine(size.width); h.combine(size.height) }
            }
            return h.value
        }
        var search = StableHasher()
        search.combine(siteDigest); search.combine(planDigest)
        search.combine(environment.figures.datasets.isEmpty)
        for span in environment.figures.statisticsSpans { search.combine(span.key) }
        search.combine(cardDigests.count)
        for digest in cardDigests { search.combine(digest) }
        searchInputs = search.value
        for name in theme.sources.keys { templateDigests[name] = closureDigest(name) }
    }

    /// Each unit's digest (`unitDigests`). The shared part: the site, the datasets' and targets'
    /// declarations, each dataset's spans and latest period (the periods a unit's tables and
    /// compliance are read against) and the month articles are counted in.
    private static func unitDigests(
        _ environment: RenderEnvironment, inventory: SourceInventory, site: UInt64
    ) -> [String: UInt64] {
        let figures = environment.figures
        var shared = StableHasher()
        shared.combine(site)
        shared.combine(
            inventory.digest(prefixes: [
                SourceInventory.content(DatasetDeclarationLoader.fileName),
                SourceInventory.content(TargetsLoader.file),
            ]))
        for data in figures.datasets {
            shared.combine(data.schema.id)
            for span in data.spans { shared.combine(span.key) }
            shared.combine(data.latestPeriod?.key ?? "")
        }
        shared.combine(figures.compliance.newsMonth.key)
        var dates: [String: [Int]] = [:]
        for article in environment.content.articles {
            if let unit = article.unitID {
                dates[unit, default: []].append(article.date.epochSeconds)
            }
        }
        var digests: [String: UInt64] = [:]
        for unit in environment.content.units {
            var h = shared
            h.combine(unit.id)
            for data in figures.datasets { data.combine(unit: unit.id, into: &h) }
            for seconds in (dates[unit.id] ?? []).sorted() { h.combine(seconds) }
            digests[unit.id] = h.value
        }
        return digests
    }

    /// A template's source and every partial or parent it includes, recursively.
    private func closureDigest(_ name: String) -> UInt64 {
        var seen = Set<String>(), queue = [name], hasher = StableHasher()
        while let next = queue.popLast() {
            guard seen.insert(next).inserted, let source = theme.sources[next] else { continue }
            hasher.combine(next)
            hasher.combine(source)
            queue.append(contentsOf: Self.references(in: source))
            // `{{{fragment.X}}}` includes template X, rendered once.
            queue.append(contentsOf: Self.fragments(in: source))
        }
        return hasher.value
    }

    /// Names in `{{{fragment.NAME}}}`.
    static func fragments(in source: String) -> [String] {
        // `{{{fragment.X}}}`: the tag between the first `{{` and `}}` is `{fragment.X`.
        tags(in: source).compactMap { tag in
            guard tag.hasPrefix("{fragment.") else { return nil }
            return String(tag.dropFirst("{fragment.".count))
        }
    }

    /// Names after `{{>` and `{{<` in a template.
    static func references(in source: String) -> [String] {
        tags(in: source).compactMap { tag in
            guard tag.hasPrefix(">") || tag.hasPrefix("<") else { return nil }
            return tag.dropFirst().trimmingCharacters(in: .whitespaces)
        }
    }

    /// The text between each `{{` and the next `}}`, found on bytes (templates are scanned for
    /// every build, and Foundation's string search is slow).
    static func tags(in source: String) -> [String] {
        var found: [String] = []
        var source = source
        source.withUTF8 { bytes in
            var i = 0
            while i + 1 < bytes.count {
                guard bytes[i] == 0x7B, bytes[i + 1] == 0x7B else { i += 1; continue }
                var j = i + 2
                while j + 1 < bytes.count && !(bytes[j] == 0x7D && bytes[j + 1] == 0x7D) { j += 1 }
                guard j + 1 < bytes.count else { break }
                found.append(
                    String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[(i + 2)..<j]), as: UTF8.self))
                i = j + 2
            }
        }
        return found
    }

    /// What a body shows of its files: each one's URL, size in bytes and, for a photo, its sizes.
    private func mediaDigest(_ file: String, into h: inout StableHasher) {
        guard let table = environment.media.references[file] else { return }
        for target in table.keys.sorted() {
            let media = table[target]!
            h.combine(target); h.combine(media.url); h.combine(media.bytes)
            if let stored = environment.media.photos[media.source] {
                h.combine(stored.folder)
                for size in stored.rendered.sizes { h.combine(size.width); h.combine(size.height) }
            }
        }
    }

    func fingerprint(_ page: PlannedPage, renderer: PageRenderer) -> UInt64 {
        var h = StableHasher()
        h.combine(page.path.relative)
        let content = environment.content, news = environment.plan.news,
            perPage = content.config.newsPerPage
        // A page that shows cards shows them as `article-card` renders them (their `html`, or a list's
        // `articles_html`), whichever name its template uses: the card template is part of every card.
        let cardTemplate = templateDigests["article-card"] ?? 0
        func cards(_ indexes: some Sequence<Int>) {
            h.combine(cardTemplate); for i in indexes { h.combine(cardDigests[i]) }
        }
        func listing(_ indexes: some RandomAccessCollection<Int>, _ n: Int) {
            h.combine(cardTemplate); h.combine(indexes.count); h.combine(n)
            for position in Pagination(total: indexes.count, size: perPage).range(ofPage: n) {
                h.combine(
                    cardDigests[indexes[indexes.index(indexes.startIndex, offsetBy: position)]])
            }
        }
        if case .asset(let name) = page.kind {
            h.combine(theme.assets[name] ?? Data())
            return h.value
        }
        if case .file(let source) = page.kind {
            // A photo's sizes live under its content hash; a document is known by its stamp.
            var info = stat()
            if stat(source, &info) == 0 {
                h.combine(source)
                h.combine(Int(info.st_size))
                h.combine(Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
            }
            return h.value
        }
        let template = renderer.templateName(page.kind)
        h.combine(templateDigests[template] ?? 0)
        h.combine(siteDigest)
        switch page.kind {
        case .home:
            h.combine(figuresDigest); cards(news.listed.prefix(ShownArticles.onHome))
        case .newsList(let n): listing(news.listed, n)
        case .article(let i):
            cards([i]); h.combine(content.articles[i].bodyDigest)
            mediaDigest(content.articles[i].source.file, into: &h)
            if i > 0 { cards([i - 1]) }
            if i + 1 < content.articles.count { cards([i + 1]) }
        case .category(let id, let n): listing(news.byCategory[id] ?? [], n)
        case .tag(let slug, let n):
            h.combine(news.tagNames[slug] ?? ""); listing(news.byTag[slug] ?? [], n)
        case .tagIndex:
            for slug in news.sortedTagSlugs {
                h.combine(slug); h.combine(news.tagNames[slug] ?? "");
                h.combine(news.byTag[slug]?.count ?? 0)
            }
        case .unitIndex:
            h.combine(figuresDigest)
        case .unit(let id):
            h.combine(unitDigests[id] ?? figuresDigest); listing(news.byUnit[id] ?? [], 1)
        case .newsFeed: cards(news.listed.prefix(ShownArticles.inFeed))
        case .unitFeed(let id): cards((news.byUnit[id] ?? []).prefix(ShownArticles.inFeed))
        case .planIndex, .plan:
            h.combine(planDigest); h.combine(figuresDigest)
            if case .plan(let i) = page.kind {
                mediaDigest(content.planPages[i].source.file, into: &h)
            }
        case .unitEmbed(let id), .unitFigures(let id), .unitCard(let id):
            h.combine(unitDigests[id] ?? figuresDigest)
        case .siteCard:
            h.combine(figuresDigest)
        case .statisticsIndex, .statistics, .compliance, .openData, .datasetFile, .figuresFile,
            .dataPackage:
            h.combine(figuresDigest)
        case .sitemap:
            for other in environment.plan.pages where other.inSitemap { h.combine(other.url) }
        // The index's files by what they hold (the index is made before the fingerprints): an
        // edit rewrites the chunk of its document and the shards of the words it adds or drops.
        case .search: h.combine(searchInputs)
        case .searchShard(let n):
            if let kept = keptSearch[page.path.relative] { return kept }
            h.combine(environment.searchIndex.shardDigest(n))
        case .searchDocuments(let n):
            if let kept = keptSearch[page.path.relative] { return kept }
            h.combine(environment.searchIndex.chunkDigest(n))
        case .robots, .notFound, .asset, .file: break
        }
        return h.value
    }
}
