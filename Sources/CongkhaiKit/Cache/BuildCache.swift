import Foundation

/// What the last build knew: input stamps, parsed articles (without bodies), parsed metric rows,
/// and each output file's fingerprint. Lives beside the output, never inside it. A cache that is
/// missing, damaged, from another version or for other options is ignored and rebuilt.
public struct BuildCache: Sendable {
    static let magic = "congkhai-cache"
    static let formatVersion = 6

    public struct PageRecord: Sendable, Hashable {
        public var fingerprint: UInt64
        public var size: Int
    }

    /// Digest of the options that change output (content and templates folders, drafts, build date, units).
    public var optionsDigest: UInt64
    public var inventory: SourceInventory
    /// Content-relative path (`news/a.md`) → the article as parsed, with `bodyPending`.
    public var articles: [String: Article]
    /// Digest of the inputs the metric tables were parsed from (0: none cached), and the tables:
    /// kept in their own file, read only when those inputs are unchanged.
    public var metricsDigest: UInt64
    public var tables: [MetricTable]
    /// Output-relative path → fingerprint and size.
    public var pages: [String: PageRecord]

    /// The cache file for an output folder, in `directory` (default `.congkhai-cache` in the working
    /// folder, like `.build`): never inside the output, so it is never published.
    public static func location(forOutput output: String, directory: String?) -> URL {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        let name = Slug.make(url.path).isEmpty ? "root" : Slug.make(url.path)
        return URL(fileURLWithPath: directory ?? ".congkhai-cache", isDirectory: true).appendingPathComponent(name + ".cache")
    }

    // MARK: Writing

    /// Writes the manifest (stamps, articles, page records) to `url`, and the metric tables beside
    /// it (`.metrics`) only when `tablesChanged`: an article edit never rewrites unchanged tables.
    public func write(to url: URL, tablesChanged: Bool) throws {
        var w = BinaryWriter()
        w.write(Self.magic)
        w.write(Self.formatVersion)
        w.write(optionsDigest)
        w.write(inventory.stamps.count)
        // In the dictionaries' own order: the cache is never published, and sorting would cost more
        // than the rest of the write.
        for (path, stamp) in inventory.stamps {
            w.write(path); w.write(stamp.size); w.write(stamp.modified)
        }
        w.write(articles.count)
        for (path, article) in articles {
            w.write(path)
            Self.write(article, to: &w)
        }
        w.write(metricsDigest)
        w.write(pages.count)
        for (path, record) in pages {
            w.write(path); w.write(record.fingerprint); w.write(record.size)
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if tablesChanged && metricsDigest != 0 {
            var t = BinaryWriter()
            t.write(Self.magic)
            t.write(Self.formatVersion)
            t.write(metricsDigest)
            MetricTableCoding.write(tables, to: &t)
            t.seal()
            try t.write(atomicallyTo: Self.tablesLocation(url))
        }
        w.seal()
        try w.write(atomicallyTo: url)
    }

    static func tablesLocation(_ url: URL) -> URL { url.deletingPathExtension().appendingPathExtension("metrics") }

    static func write(_ a: Article, to w: inout BinaryWriter) {
        w.write(a.source.file); w.write(a.title); w.write(a.date.epochSeconds); w.write(a.unitID)
        w.write(a.category.id)
        w.write(a.tags.count)
        for tag in a.tags { w.write(tag.name) }
        w.write(a.summary); w.write(a.slug); w.write(a.draft); w.write(a.bodyLine)
        // Both places are in the article's own file: only line and column are kept.
        w.write(a.unitLocation != nil)
        if let l = a.unitLocation { w.write(l.line); w.write(l.column) }
        w.write(a.slugLocation.line); w.write(a.slugLocation.column)
        w.write(a.bodyDigest)
    }

    // MARK: Reading

    /// Reads a cache's manifest, or nil when it is missing, damaged, of another format, or for
    /// other options. Its tables are read apart, with `readTables`, and only when needed.
    public static func read(from url: URL, optionsDigest: UInt64) -> BuildCache? {
        guard var r = BinaryReader.unsealing(contentsOf: url), r.string() == magic, r.int() == formatVersion, r.uint64() == optionsDigest else { return nil }
        var stamps: [String: SourceStamp] = [:]
        let stampCount = r.count(minimumItemSize: 3)
        stamps.reserveCapacity(stampCount)
        for _ in 0..<stampCount {
            let path = r.string()
            stamps[path] = SourceStamp(size: r.int(), modified: r.int())
        }
        var articles: [String: Article] = [:]
        let articleCount = r.count(minimumItemSize: 16)
        articles.reserveCapacity(articleCount)
        for _ in 0..<articleCount {
            let path = r.string()
            guard let article = readArticle(&r) else { return nil }
            articles[path] = article
        }
        let metricsDigest = r.uint64()
        var pages: [String: PageRecord] = [:]
        let pageCount = r.count(minimumItemSize: 10)
        pages.reserveCapacity(pageCount)
        for _ in 0..<pageCount {
            let path = r.string()
            pages[path] = PageRecord(fingerprint: r.uint64(), size: r.int())
        }
        guard !r.failed, r.atEnd else { return nil }
        return BuildCache(optionsDigest: optionsDigest, inventory: SourceInventory(stamps: stamps), articles: articles,
                          metricsDigest: metricsDigest, tables: [], pages: pages)
    }

    /// The tables cached beside the manifest at `url`, when they were parsed from inputs with `digest`.
    public static func readTables(beside url: URL, digest: UInt64, schemas: [DatasetSchema]) -> [MetricTable]? {
        guard digest != 0, var r = BinaryReader.unsealing(contentsOf: tablesLocation(url)), r.string() == magic, r.int() == formatVersion,
              r.uint64() == digest, let tables = MetricTableCoding.read(&r, schemas: schemas), r.atEnd else { return nil }
        return tables
    }

    static func readArticle(_ r: inout BinaryReader) -> Article? {
        let file = r.string(), title = r.string(), epoch = r.int(), unit = r.optionalString()
        guard let category = Category.named(r.string()) else { return nil }
        let tags = (0..<r.count(minimumItemSize: 1)).map { _ in Tag(name: r.string()) }
        let summary = r.string(), slug = r.string(), draft = r.bool(), bodyLine = r.int()
        let unitLocation = r.bool() ? SourceLocation(file: file, line: r.int(), column: r.int()) : nil
        let slugLocation = SourceLocation(file: file, line: r.int(), column: r.int())
        let bodyDigest = r.uint64()
        guard !r.failed else { return nil }
        return Article(source: SourceLocation(file: file), title: title, date: Timestamp(epochSeconds: epoch),
                       unitID: unit, category: category, tags: tags, summary: summary, slug: slug, draft: draft,
                       body: "", bodyLine: bodyLine, unitLocation: unitLocation, slugLocation: slugLocation,
                       bodyDigest: bodyDigest, bodyPending: true)
    }
}

/// Keeps the last build's cache in memory for a long-running process (`serve`): a rebuild then
/// neither reads nor writes the cache file.
public final class BuildCacheStore: @unchecked Sendable {
    private var cache: BuildCache?
    private let lock = NSLock()

    public init() {}

    var current: BuildCache? {
        lock.lock(); defer { lock.unlock() }
        return cache
    }

    func keep(_ cache: BuildCache) {
        lock.lock(); defer { lock.unlock() }
        self.cache = cache
    }
}
