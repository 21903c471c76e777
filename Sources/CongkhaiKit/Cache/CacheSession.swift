import CongkhaiCore
import Foundation

/// The build cache as one build sees it: what the last build left (if it can be trusted), what the
/// loader may reuse from it, and the new cache to leave for the next build.
///
/// Only the manifest and the stamps are read up front. A body edit (`BodyEditUpdate`) then reads
/// just the shards it needs; any other build reads every record (`previous`).
final class CacheSession {
    let options: BuildOptions
    let inventory: SourceInventory
    let files: CacheFiles
    private let optionsDigest: UInt64
    /// The inputs of the metric tables: unchanged means the cached tables still hold.
    private let metricsDigest: UInt64
    /// The last build's manifest and stamps, or nil (none, damaged, other version or options, `--no-cache`).
    private let manifest: CacheFiles.Manifest?
    let previousStamps: SourceInventory?
    /// The cache kept in memory by `serve`, when there is one.
    private let memory: BuildCache?

    init(options: BuildOptions, inventory: SourceInventory) {
        self.options = options
        self.inventory = inventory
        files = CacheFiles(forOutput: options.outputPath, directory: options.cacheDirectory)
        optionsDigest = CacheSession.digest(options)
        metricsDigest = inventory.digest(prefixes: [
            SourceInventory.content(MetricsLoader.folder, folder: true),
            SourceInventory.content(DatasetDeclarationLoader.fileName),
            SourceInventory.content(UnitsLoader.unitsFile),
            SourceInventory.content(UnitsLoader.fieldsFile),
        ])
        // A link leading outside the site's folders: no reuse, so that the loaders report it.
        guard options.useCache, inventory.escapingLinks.isEmpty else {
            manifest = nil; previousStamps = nil; memory = nil; return
        }
        if let store = options.cacheStore {
            let digest = optionsDigest
            memory = store.current.flatMap { $0.optionsDigest == digest ? $0 : nil }
            manifest = nil
            previousStamps = memory?.inventory
        } else {
            memory = nil
            let manifest = files.readManifest(optionsDigest: optionsDigest)
            let stamps = manifest.flatMap(files.readStamps)
            self.manifest = stamps == nil ? nil : manifest
            previousStamps = stamps
        }
    }

    /// Whether the last build reported nothing at all, and its navigation.
    var previousWasClean: Bool { memory?.clean ?? manifest?.clean ?? false }

    /// The articles the last build listed as scheduled (its build date is this one's).
    var previousScheduled: [ScheduledArticle] { memory?.scheduled ?? manifest?.scheduled ?? [] }
    var previousNavigation: [String]? { memory?.navigation ?? manifest?.navigation }

    // MARK: Record by record (body edits)

    private var articleShards: [Int: [String: BuildCache.ArticleRecord]] = [:]
    private var pageShards: [Int: [String: BuildCache.PageRecord]] = [:]

    /// The last build's record of an article (content-relative path), reading its shard if needed.
    func articleRecord(_ path: String) -> BuildCache.ArticleRecord? {
        if let memory { return memory.articles[path] }
        return record(path, in: &articleShards, read: files.readArticles)
    }

    func pageRecord(_ path: String) -> BuildCache.PageRecord? {
        if let memory { return memory.pages[path] }
        return record(path, in: &pageShards, read: files.readPages)
    }

    private func record<Record>(
        _ path: String, in shards: inout [Int: [String: Record]],
        read: (Int, CacheFiles.Manifest) -> [String: Record]?
    ) -> Record? {
        guard let manifest else { return nil }
        let i = CacheFiles.shard(of: path)
        if shards[i] == nil { shards[i] = read(i, manifest) }
        return shards[i]?[path]
    }

    /// Leaves the cache after a body edit: the new stamps, and the given records replacing the old.
    func saveBodyEdits(
        articles: [String: BuildCache.ArticleRecord], pages: [String: BuildCache.PageRecord]
    ) {
        if var cache = memory, let store = options.cacheStore {
            cache.inventory = inventory
            for (path, record) in articles { cache.articles[path] = record }
            for (path, record) in pages { cache.pages[path] = record }
            store.keep(cache)
            return
        }
        guard let manifest, let touchedArticles = Self.patched(articleShards, with: articles),
            let touchedPages = Self.patched(pageShards, with: pages)
        else { return }
        try? files.write(
            manifest: manifest, stamps: inventory, articleShards: touchedArticles,
            pageShards: touchedPages,
            previous: manifest)
    }

    /// The shards `records` fall in, read earlier and with those records replaced; nil when one
    /// was not read (then the cache is left as it was, and the next build reads every shard).
    private static func patched<Record>(
        _ shards: [Int: [String: Record]], with records: [String: Record]
    ) -> [Int: [String: Record]]? {
        var touched: [Int: [String: Record]] = [:]
        for (path, record) in records {
            let i = CacheFiles.shard(of: path)
            guard var shard = touched[i] ?? shards[i] else { return nil }
            shard[path] = record
            touched[i] = shard
        }
        return touched
    }

    // MARK: Everything (all other builds)

    /// The last build's whole cache, or nil. Read once, on first use.
    private(set) lazy var previous: BuildCache? = {
        if let memory { return memory }
        guard let manifest, let previousStamps else { return nil }
        return files.readAll(manifest, stamps: previousStamps)
    }()

    /// Articles whose file is unchanged, and metric tables whose inputs are unchanged.
    func reuse() -> LoadReuse {
        guard let cache = previous else { return LoadReuse() }
        let inventory = self.inventory
        var reuse = LoadReuse(article: { path in
            let key = SourceInventory.content(path)
            return cache.inventory.stamps[key] == inventory.stamps[key]
                ? cache.articles[path]?.article : nil
        })
        reuse.newsFiles = inventory.files(
            under: SourceInventory.content(ArticleLoader.folder, folder: true),
            extensions: ArticleLoader.extensions)
        guard cache.metricsDigest == metricsDigest && cache.metricsDigest != 0 else { return reuse }
        if memory != nil {
            reuse.tables = { _ in cache.tables }
        } else {
            // Decoded with the schemas the load stage has just read (datasets.yml is unchanged).
            let files = self.files, digest = metricsDigest
            reuse.tables = { schemas in files.readTables(digest: digest, schemas: schemas) }
        }
        return reuse
    }

    /// Leaves the cache for the next build: only what loaded without any diagnostic is kept,
    /// so a cached file never hides a warning.
    func save(
        loaded: LoadedContent, content: SiteContent, navigation: [String], clean: Bool,
        pages: [String: BuildCache.PageRecord]
    ) {
        guard options.useCache else { return }
        // Each article's neighbours in the column, whose cards its page shows.
        var pathOf: [ObjectIdentifier: String] = [:]
        pathOf.reserveCapacity(loaded.cacheableArticles.count)
        for (path, article) in loaded.cacheableArticles { pathOf[ObjectIdentifier(article)] = path }
        var neighbours: [ObjectIdentifier: (String?, String?)] = [:]
        let published = content.articles
        for (i, article) in published.enumerated() {
            neighbours[ObjectIdentifier(article)] = (
                i > 0 ? pathOf[ObjectIdentifier(published[i - 1])] : nil,
                i + 1 < published.count ? pathOf[ObjectIdentifier(published[i + 1])] : nil
            )
        }
        var articles: [String: BuildCache.ArticleRecord] = [:]
        articles.reserveCapacity(loaded.cacheableArticles.count)
        for (path, article) in loaded.cacheableArticles {
            let (newer, older) = neighbours[ObjectIdentifier(article)] ?? (nil, nil)
            articles[path] = BuildCache.ArticleRecord(article: article, newer: newer, older: older)
        }
        let cache = BuildCache(
            optionsDigest: optionsDigest, inventory: inventory, articles: articles,
            metricsDigest: content.metricsCacheable ? metricsDigest : 0,
            tables: content.metricsCacheable ? content.tables : [], pages: pages,
            clean: clean, navigation: navigation,
            scheduled: content.scheduled.map(ScheduledArticle.init))
        if let store = options.cacheStore {
            store.keep(cache)
        } else {
            // The previous manifest lists shards whose files may be kept, only if they were all read intact.
            try? files.write(
                cache, previous: previous == nil ? nil : manifest,
                tablesChanged: !loaded.metricsFromCache)
        }
    }

    /// The options that change output; a cache made with others is not used.
    static func digest(_ options: BuildOptions) -> UInt64 {
        var h = StableHasher()
        h.combine(URL(fileURLWithPath: options.contentPath).standardizedFileURL.path)
        h.combine(
            options.templatesPath.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? "")
        h.combine(options.includeDrafts)
        h.combine(options.includeFuture)
        h.combine(options.buildDate.description)
        for unit in options.units.sorted() { h.combine(unit) }
        h.combine(String(describing: BuildCache.formatVersion))
        h.combine(toolStamp)
        return h.value
    }

    /// The running program's size and modification time. Fingerprints cover a site's inputs, not
    /// the code that renders them: a rebuilt or upgraded congkhai may write pages differently, so
    /// its cache starts afresh.
    static let toolStamp: UInt64 = {
        var info = stat()
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        guard stat("/proc/self/exe", &info) == 0 || stat(path, &info) == 0 else { return 0 }
        var h = StableHasher()
        h.combine(Int(info.st_size))
        h.combine(Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
        return h.value
    }()
}
