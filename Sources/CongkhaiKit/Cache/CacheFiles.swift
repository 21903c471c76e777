import CongkhaiCore
import Foundation

/// The build cache on disk: one folder per output folder (by default `.congkhai-cache/<output>/`
/// in the working folder, like `.build`; never inside the output, so never published).
///
/// Records are kept in shards by path, so an edit rewrites only the shards it touches. The
/// `manifest`, written last, holds each shard's checksum: a shard that is damaged, or left by
/// another build, does not match it and the whole cache is ignored.
struct CacheFiles {
    static let shardCount = 64
    let folder: URL

    init(forOutput output: String, directory: String?) {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        let name = Slug.make(url.path).isEmpty ? "root" : Slug.make(url.path)
        folder = URL(fileURLWithPath: directory ?? ".congkhai-cache", isDirectory: true)
            .appendingPathComponent(name, isDirectory: true)
    }

    struct Manifest: Sendable {
        var optionsDigest: UInt64
        var clean: Bool
        var metricsDigest: UInt64
        var navigation: [String]
        var scheduled: [ScheduledArticle] = []
        /// Checksums of the stamps file and of each shard file.
        var stamps: UInt64
        var articleShards: [UInt64]
        var pageShards: [UInt64]
    }

    static func shard(of path: String) -> Int { Int(StableHasher.hash(path) % UInt64(shardCount)) }

    private func file(_ name: String) -> URL { folder.appendingPathComponent(name) }
    private static func shardName(_ kind: String, _ i: Int) -> String {
        i < 10 ? "\(kind)-0\(i)" : "\(kind)-\(i)"
    }

    private static func header(_ kind: String, digest: UInt64 = 0) -> BinaryWriter {
        var w = BinaryWriter(capacity: 1 << 16)
        w.write(BuildCache.magic); w.write(BuildCache.formatVersion); w.write(kind); w.write(digest)
        return w
    }

    private func open(
        _ name: String, kind: String, checksum: UInt64?, digest: UInt64 = 0
    ) -> BinaryReader? {
        guard var r = BinaryReader.unsealing(contentsOf: file(name), expected: checksum),
            r.string() == BuildCache.magic, r.int() == BuildCache.formatVersion, r.string() == kind,
            r.uint64() == digest
        else { return nil }
        return r
    }

    // MARK: Reading

    func readManifest(optionsDigest: UInt64) -> Manifest? {
        guard var r = open("manifest", kind: "manifest", checksum: nil, digest: optionsDigest)
        else { return nil }
        let clean = r.bool(), metricsDigest = r.uint64()
        let navigation = (0..<r.count(minimumItemSize: 1)).map { _ in r.string() }
        let scheduled = (0..<r.count(minimumItemSize: 3)).compactMap { _ -> ScheduledArticle? in
            let file = r.string(), title = r.string()
            return CalendarDay(iso: r.string()).map {
                ScheduledArticle(file: file, title: title, day: $0)
            }
        }
        let stamps = r.uint64()
        let articles = (0..<Self.shardCount).map { _ in r.uint64() }
        let pages = (0..<Self.shardCount).map { _ in r.uint64() }
        guard !r.failed, r.atEnd else { return nil }
        return Manifest(
            optionsDigest: optionsDigest, clean: clean, metricsDigest: metricsDigest,
            navigation: navigation, scheduled: scheduled,
            stamps: stamps, articleShards: articles, pageShards: pages)
    }

    func readStamps(_ manifest: Manifest) -> SourceInventory? {
        guard var r = open("stamps", kind: "stamps", checksum: manifest.stamps) else { return nil }
        var stamps: [String: SourceStamp] = [:]
        let count = r.count(minimumItemSize: 3)
        stamps.reserveCapacity(count)
        for _ in 0..<count {
            let path = r.string()
            stamps[path] = SourceStamp(size: r.int(), modified: r.int())
        }
        guard !r.failed, r.atEnd else { return nil }
        return SourceInventory(stamps: stamps)
    }

    func readArticles(shard i: Int, _ manifest: Manifest) -> [String: BuildCache.ArticleRecord]? {
        readShard("articles", i, checksum: manifest.articleShards[i], minimumItemSize: 16) {
            BuildCache.readArticleRecord(&$0)
        }
    }

    func readPages(shard i: Int, _ manifest: Manifest) -> [String: BuildCache.PageRecord]? {
        readShard("pages", i, checksum: manifest.pageShards[i], minimumItemSize: 10) { r in
            BuildCache.PageRecord(fingerprint: r.uint64(), size: r.int())
        }
    }

    /// A shard's records by path, each decoded by `record`; nil when the file is missing, damaged
    /// or not the one the manifest names.
    private func readShard<Record>(
        _ kind: String, _ i: Int, checksum: UInt64, minimumItemSize: Int,
        record: (inout BinaryReader) -> Record?
    ) -> [String: Record]? {
        guard var r = open(Self.shardName(kind, i), kind: kind, checksum: checksum) else {
            return nil
        }
        var records: [String: Record] = [:]
        let count = r.count(minimumItemSize: minimumItemSize)
        records.reserveCapacity(count)
        for _ in 0..<count {
            let path = r.string()
            guard let value = record(&r) else { return nil }
            records[path] = value
        }
        guard !r.failed, r.atEnd else { return nil }
        return records
    }

    /// Every record (shards read on all cores); the tables are read apart, with `readTables`.
    func readAll(_ manifest: Manifest, stamps: SourceInventory) -> BuildCache? {
        var articleShards = [[String: BuildCache.ArticleRecord]?](
            repeating: nil, count: Self.shardCount)
        var pageShards = [[String: BuildCache.PageRecord]?](repeating: nil, count: Self.shardCount)
        articleShards.withUnsafeMutableBufferPointer { a in
            pageShards.withUnsafeMutableBufferPointer { p in
                let a = UnsafeSendable(a), p = UnsafeSendable(p)
                DispatchQueue.concurrentPerform(iterations: Self.shardCount) { i in
                    a.value[i] = readArticles(shard: i, manifest)
                    p.value[i] = readPages(shard: i, manifest)
                }
            }
        }
        var articles: [String: BuildCache.ArticleRecord] = [:],
            pages: [String: BuildCache.PageRecord] = [:]
        for shard in articleShards {
            guard let shard else { return nil }
            articles.merge(shard) { a, _ in a }
        }
        for shard in pageShards {
            guard let shard else { return nil }
            pages.merge(shard) { a, _ in a }
        }
        return BuildCache(
            optionsDigest: manifest.optionsDigest, inventory: stamps, articles: articles,
            metricsDigest: manifest.metricsDigest, tables: [], pages: pages, clean: manifest.clean,
            navigation: manifest.navigation, scheduled: manifest.scheduled)
    }

    /// The tables, when they were parsed from inputs with `digest`.
    func readTables(digest: UInt64, schemas: [DatasetSchema]) -> [MetricTable]? {
        guard digest != 0, var r = open("metrics", kind: "metrics", checksum: nil, digest: digest),
            let tables = MetricTableCoding.read(&r, schemas: schemas), r.atEnd
        else { return nil }
        return tables
    }

    // MARK: Writing

    /// Writes the whole cache. A shard whose checksum `previous` already lists is not rewritten;
    /// the tables are written only when `tablesChanged`.
    func write(_ cache: BuildCache, previous: Manifest?, tablesChanged: Bool) throws {
        var articleShards = [[String: BuildCache.ArticleRecord]](
            repeating: [:], count: Self.shardCount)
        for (path, record) in cache.articles { articleShards[Self.shard(of: path)][path] = record }
        var pageShards = [[String: BuildCache.PageRecord]](repeating: [:], count: Self.shardCount)
        for (path, record) in cache.pages { pageShards[Self.shard(of: path)][path] = record }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The metric tables (a hundred megabytes on a national site) are written beside the shards.
        let digest = cache.metricsDigest, tables = cache.tables, target = file("metrics")
        let writeTables: @Sendable () throws -> Void = {
            var w = Self.header("metrics", digest: digest)
            MetricTableCoding.write(tables, to: &w)
            w.seal()
            try w.write(atomicallyTo: target)
        }
        try write(
            manifest: Manifest(
                optionsDigest: cache.optionsDigest, clean: cache.clean,
                metricsDigest: cache.metricsDigest,
                navigation: cache.navigation, scheduled: cache.scheduled, stamps: 0,
                articleShards: [], pageShards: []),
            stamps: cache.inventory,
            articleShards: Dictionary(
                uniqueKeysWithValues: articleShards.enumerated().map { ($0, $1) }),
            pageShards: Dictionary(uniqueKeysWithValues: pageShards.enumerated().map { ($0, $1) }),
            previous: previous, alongside: tablesChanged && digest != 0 ? writeTables : nil)
    }

    /// Writes the stamps and the given shards (each whole), then the manifest naming them; the
    /// shards not given keep their files and checksums from `previous`.
    /// `alongside`: another file to write on the same cores, before the manifest.
    func write(
        manifest: Manifest, stamps: SourceInventory,
        articleShards: [Int: [String: BuildCache.ArticleRecord]],
        pageShards: [Int: [String: BuildCache.PageRecord]], previous: Manifest?,
        alongside: (@Sendable () throws -> Void)? = nil
    ) throws {
        var manifest = manifest
        manifest.articleShards =
            previous?.articleShards ?? Array(repeating: 0, count: Self.shardCount)
        manifest.pageShards = previous?.pageShards ?? Array(repeating: 0, count: Self.shardCount)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        // Every file is encoded and written on all cores, the largest first: on a national site
        // they hold hundreds of megabytes. The stamps change with every edit, so they are written
        // each time; shards only when their bytes changed.
        let shards =
            articleShards.map { Shard.articles($0.key, $0.value) }
            + pageShards.map { Shard.pages($0.key, $0.value) }
        var checksums = [Result<UInt64, Error>](repeating: .success(0), count: shards.count + 2)
        checksums.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: shards.count + 2) { j in
                switch j {
                case 0:
                    slots.value[j] = Result {
                        try alongside?(); return 0
                    }
                case 1:
                    var w = Self.header("stamps")
                    w.write(stamps.stamps.count)
                    for (path, stamp) in stamps.stamps {
                        w.write(path); w.write(stamp.size); w.write(stamp.modified)
                    }
                    slots.value[j] = Result { try store(&w, as: "stamps", unless: nil) }
                default:
                    let shard = shards[j - 2]
                    var w = shard.encoded()
                    slots.value[j] = Result {
                        try store(&w, as: shard.name, unless: shard.checksum(in: previous))
                    }
                }
            }
        }
        _ = try checksums[0].get()
        manifest.stamps = try checksums[1].get()
        for (shard, checksum) in zip(shards, checksums.dropFirst(2)) {
            switch shard {
            case .articles(let i, _): manifest.articleShards[i] = try checksum.get()
            case .pages(let i, _): manifest.pageShards[i] = try checksum.get()
            }
        }

        var m = Self.header("manifest", digest: manifest.optionsDigest)
        m.write(manifest.clean); m.write(manifest.metricsDigest)
        m.write(manifest.navigation.count)
        for url in manifest.navigation { m.write(url) }
        m.write(manifest.scheduled.count)
        for article in manifest.scheduled {
            m.write(article.file); m.write(article.title); m.write(article.day.description)
        }
        m.write(manifest.stamps)
        for checksum in manifest.articleShards { m.write(checksum) }
        for checksum in manifest.pageShards { m.write(checksum) }
        m.seal()
        try m.write(atomicallyTo: file("manifest"))
    }

    /// One shard file's records.
    private enum Shard {
        case articles(Int, [String: BuildCache.ArticleRecord])
        case pages(Int, [String: BuildCache.PageRecord])

        var name: String {
            switch self {
            case .articles(let i, _): return CacheFiles.shardName("articles", i)
            case .pages(let i, _): return CacheFiles.shardName("pages", i)
            }
        }

        /// The checksum `manifest` lists for this shard.
        func checksum(in manifest: Manifest?) -> UInt64? {
            switch self {
            case .articles(let i, _): return manifest?.articleShards[i]
            case .pages(let i, _): return manifest?.pageShards[i]
            }
        }

        /// Header and records, sorted by path so the same records give the same bytes.
        func encoded() -> BinaryWriter {
            switch self {
            case .articles(_, let records):
                var w = CacheFiles.header("articles")
                w.write(records.count)
                for path in records.keys.sorted() {
                    w.write(path)
                    BuildCache.write(records[path]!, to: &w)
                }
                return w
            case .pages(_, let records):
                var w = CacheFiles.header("pages")
                w.write(records.count)
                for path in records.keys.sorted() {
                    let record = records[path]!
                    w.write(path); w.write(record.fingerprint); w.write(record.size)
                }
                return w
            }
        }
    }

    /// Seals and writes a file, unless its checksum is `unchanged` (the file already holds these bytes).
    private func store(
        _ w: inout BinaryWriter, as name: String, unless unchanged: UInt64?
    ) throws -> UInt64 {
        let checksum = w.seal()
        if checksum != unchanged { try w.write(atomicallyTo: file(name)) }
        return checksum
    }
}
