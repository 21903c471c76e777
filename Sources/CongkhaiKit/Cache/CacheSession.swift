import Foundation

/// The build cache as one build sees it: what the last build left (if it can be trusted), what the
/// loader may reuse from it, and the new cache to leave for the next build.
struct CacheSession {
    let options: BuildOptions
    let inventory: SourceInventory
    /// The last build's cache, or nil (none, damaged, other version or options, or `--no-cache`).
    let previous: BuildCache?
    private let location: URL
    private let optionsDigest: UInt64
    /// The inputs of the metric tables: unchanged means the cached tables still hold.
    private let metricsDigest: UInt64

    private let content: ContentDirectory

    init(options: BuildOptions, content: ContentDirectory, inventory: SourceInventory) {
        self.options = options
        self.content = content
        self.inventory = inventory
        location = BuildCache.location(forOutput: options.outputPath, directory: options.cacheDirectory)
        optionsDigest = CacheSession.digest(options)
        metricsDigest = inventory.digest(prefixes: ["content/metrics/", "content/datasets.yml", "content/units.yml", "content/fields.yml"])
        guard options.useCache else { previous = nil; return }
        if let store = options.cacheStore {
            let digest = optionsDigest
            previous = store.current.flatMap { $0.optionsDigest == digest ? $0 : nil }
        } else {
            previous = BuildCache.read(from: location, optionsDigest: optionsDigest)
        }
    }

    /// Articles whose file is unchanged, and metric tables whose inputs are unchanged.
    var reuse: LoadReuse {
        guard let cache = previous else { return LoadReuse() }
        let inventory = self.inventory
        var reuse = LoadReuse(article: { path in
            let key = "content/" + path
            return cache.inventory.stamps[key] == inventory.stamps[key] ? cache.articles[path] : nil
        })
        reuse.newsFiles = inventory.files(under: "content/news/", extensions: ["md", "markdown"])
        guard cache.metricsDigest == metricsDigest && cache.metricsDigest != 0 else { return reuse }
        if options.cacheStore != nil {
            reuse.tables = cache.tables
        } else {
            // Declared schemas, read quietly: needed to decode the cached rows (the load stage reports their problems).
            let schemas = BuiltInDatasets.all + DatasetDeclarationLoader.load(content, unitIDs: [], log: DiagnosticLog())
            reuse.tables = BuildCache.readTables(beside: location, digest: metricsDigest, schemas: schemas)
        }
        return reuse
    }

    /// Leaves the cache for the next build: only what loaded without any diagnostic is kept,
    /// so a cached file never hides a warning.
    func save(loaded: LoadedContent, content: SiteContent, pages: [String: BuildCache.PageRecord]) {
        guard options.useCache else { return }
        let cache = BuildCache(optionsDigest: optionsDigest, inventory: inventory,
                               articles: Dictionary(loaded.cacheableArticles, uniquingKeysWith: { a, _ in a }),
                               metricsDigest: content.metricsCacheable ? metricsDigest : 0,
                               tables: content.metricsCacheable ? content.tables : [], pages: pages)
        if let store = options.cacheStore {
            store.keep(cache)
        } else {
            try? cache.write(to: location, tablesChanged: !loaded.metricsFromCache)
        }
    }

    /// The options that change output; a cache made with others is not used.
    static func digest(_ options: BuildOptions) -> UInt64 {
        var h = StableHasher()
        h.combine(URL(fileURLWithPath: options.contentPath).standardizedFileURL.path)
        h.combine(options.templatesPath.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? "")
        h.combine(options.includeDrafts)
        h.combine(options.buildDate.description)
        for unit in options.units.sorted() { h.combine(unit) }
        h.combine(String(describing: BuildCache.formatVersion))
        return h.value
    }
}
