import Foundation

/// What the last build knew: input stamps, parsed articles (without bodies), parsed metric rows,
/// and each output file's fingerprint. Lives beside the output, never inside it. A cache that is
/// missing, damaged, from another version or for other options is ignored and rebuilt.
public struct BuildCache: Sendable {
    static let magic = "congkhai-cache"
    static let formatVersion = 3

    public struct PageRecord: Sendable, Hashable {
        public var fingerprint: UInt64
        public var size: Int
    }

    /// Digest of the options that change output (content and templates folders, drafts, build date, units).
    public var optionsDigest: UInt64
    public var inventory: SourceInventory
    /// Content-relative path (`news/a.md`) → the article as parsed, with `bodyPending`.
    public var articles: [String: Article]
    /// Digest of the inputs the metric tables were parsed from, and the tables.
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

    public func write(to url: URL) throws {
        var w = BinaryWriter()
        w.write(Self.magic)
        w.write(Self.formatVersion)
        w.write(Int(truncatingIfNeeded: optionsDigest))
        w.write(inventory.stamps.count)
        for (path, stamp) in inventory.stamps.sorted(by: { $0.key < $1.key }) {
            w.write(path); w.write(stamp.size); w.write(stamp.modified)
        }
        w.write(articles.count)
        for (path, article) in articles.sorted(by: { $0.key < $1.key }) {
            w.write(path)
            Self.write(article, to: &w)
        }
        w.write(Int(truncatingIfNeeded: metricsDigest))
        w.write(tables.count)
        for table in tables {
            w.write(table.schema.id)
            w.write(table.files.count)
            for file in table.files { w.write(file) }
            w.write(table.rows.count)
            for row in table.rows {
                w.write(row.unit); w.write(row.field); w.write(row.period.key)
                w.write(row.values.count)
                for value in row.values { w.write(value) }
                w.write(row.location.file); w.write(row.location.line); w.write(row.location.column)
            }
        }
        w.write(pages.count)
        for (path, record) in pages.sorted(by: { $0.key < $1.key }) {
            w.write(path); w.write(Int(truncatingIfNeeded: record.fingerprint)); w.write(record.size)
        }
        // A checksum over everything before it: a damaged file is detected, never trusted.
        var hasher = StableHasher()
        hasher.combine(w.data)
        w.write(Int(truncatingIfNeeded: hasher.value))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try w.data.write(to: url, options: .atomic)
    }

    static func write(_ a: Article, to w: inout BinaryWriter) {
        w.write(a.source.file); w.write(a.title); w.write(a.date.epochSeconds); w.write(a.unitID)
        w.write(a.category.id)
        w.write(a.tags.count)
        for tag in a.tags { w.write(tag.name) }
        w.write(a.summary); w.write(a.slug); w.write(a.draft); w.write(a.bodyLine)
        w.write(a.unitLocation != nil)
        if let l = a.unitLocation { w.write(l.file); w.write(l.line); w.write(l.column) }
        w.write(a.slugLocation.file); w.write(a.slugLocation.line); w.write(a.slugLocation.column)
        w.write(Int(truncatingIfNeeded: a.bodyDigest))
    }

    // MARK: Reading

    /// Reads a cache, or nil when it is missing, damaged, of another format, or for other options.
    public static func read(from url: URL, optionsDigest: UInt64, schemas: [DatasetSchema]) -> BuildCache? {
        guard let data = FileManager.default.contents(atPath: url.path), data.count > 8 else { return nil }
        var hasher = StableHasher()
        hasher.combine(data.prefix(data.count - 8))
        var tail = BinaryReader(data.suffix(8))
        guard UInt64(bitPattern: Int64(tail.int())) == hasher.value else { return nil }
        var r = BinaryReader(data.prefix(data.count - 8))
        guard r.string() == magic, r.int() == formatVersion,
              UInt64(bitPattern: Int64(r.int())) == optionsDigest else { return nil }
        var stamps: [String: SourceStamp] = [:]
        for _ in 0..<r.count(minimumItemSize: 24) {
            let path = r.string()
            stamps[path] = SourceStamp(size: r.int(), modified: r.int())
        }
        var articles: [String: Article] = [:]
        for _ in 0..<r.count(minimumItemSize: 16) {
            let path = r.string()
            guard let article = readArticle(&r) else { return nil }
            articles[path] = article
        }
        let metricsDigest = UInt64(bitPattern: Int64(r.int()))
        var tables: [MetricTable] = []
        for _ in 0..<r.count(minimumItemSize: 8) {
            guard let schema = schemas.first(where: { $0.id == r.string() }) else { return nil }
            let files = (0..<r.count(minimumItemSize: 8)).map { _ in r.string() }
            var rows: [MetricRow] = []
            let rowCount = r.count(minimumItemSize: 16)
            rows.reserveCapacity(rowCount)
            for _ in 0..<rowCount {
                let unit = r.string(), field = r.optionalString()
                guard let period = Period(key: r.string()) else { return nil }
                let values = (0..<r.count(minimumItemSize: 1)).map { _ in r.optionalInt() }
                let location = SourceLocation(file: r.string(), line: r.int(), column: r.int())
                guard values.count == schema.columns.count else { return nil }
                rows.append(MetricRow(unit: unit, field: field, period: period, values: values, location: location))
            }
            tables.append(MetricTable(schema: schema, rows: rows, files: files))
        }
        var pages: [String: PageRecord] = [:]
        for _ in 0..<r.count(minimumItemSize: 24) {
            let path = r.string()
            pages[path] = PageRecord(fingerprint: UInt64(bitPattern: Int64(r.int())), size: r.int())
        }
        guard !r.failed, r.atEnd else { return nil }
        return BuildCache(optionsDigest: optionsDigest, inventory: SourceInventory(stamps: stamps), articles: articles,
                          metricsDigest: metricsDigest, tables: tables, pages: pages)
    }

    static func readArticle(_ r: inout BinaryReader) -> Article? {
        let file = r.string(), title = r.string(), epoch = r.int(), unit = r.optionalString()
        guard let category = Category.named(r.string()) else { return nil }
        let tags = (0..<r.count(minimumItemSize: 8)).map { _ in Tag(name: r.string()) }
        let summary = r.string(), slug = r.string(), draft = r.bool(), bodyLine = r.int()
        let unitLocation = r.bool() ? SourceLocation(file: r.string(), line: r.int(), column: r.int()) : nil
        let slugLocation = SourceLocation(file: r.string(), line: r.int(), column: r.int())
        let bodyDigest = UInt64(bitPattern: Int64(r.int()))
        guard !r.failed else { return nil }
        var article = Article(source: SourceLocation(file: file), title: title, date: Timestamp(epochSeconds: epoch),
                              unitID: unit, category: category, tags: tags, summary: summary, slug: slug, draft: draft,
                              body: "", bodyLine: bodyLine, unitLocation: unitLocation, slugLocation: slugLocation)
        article.bodyDigest = bodyDigest
        article.bodyPending = true
        return article
    }
}
