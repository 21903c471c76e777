import CongkhaiCore
import Foundation

/// The pipeline: load → validate → compute → plan pages → render → write. Each stage is a folder of its own;
/// data flows one way, and every stage reports problems as `Diagnostic`s rather than printing.
public enum SiteBuilder {
    /// Called as the build goes, for a progress display: the library itself never prints.
    public typealias Progress = @Sendable (BuildProgress) -> Void

    /// Validates everything and writes nothing.
    public static func check(_ options: BuildOptions) -> [Diagnostic] {
        inspect(options).diagnostics
    }

    /// Validates everything and writes nothing; lists the articles waiting for their day too.
    public static func inspect(_ options: BuildOptions) -> CheckReport {
        let log = DiagnosticLog()
        let prepared = prepare(options, log: log)
        if let prepared {
            // Links to pages of the site need the list of pages.
            let figures = SiteFigures(tables: prepared.content.tables, targets: prepared.content.targets, content: prepared.content,
                                      buildDate: options.buildDate)
            let plan = PagePlanner.plan(prepared.content, figures: figures, assets: prepared.theme.assets.keys.sorted())
            SiteLinks.check(prepared.content, plan: plan.adding(prepared.media, log: log), log: log)
        }
        return CheckReport(diagnostics: log.all, scheduled: prepared?.content.scheduled.map(ScheduledArticle.init) ?? [])
    }

    /// Builds the site into `options.outputPath`, or fails leaving it untouched.
    public static func build(_ options: BuildOptions, progress: Progress = { _ in }) -> Result<BuildReport, BuildFailure> {
        let log = DiagnosticLog()
        var timings: [(String, Double)] = []
        func timed<T>(_ stage: String, _ work: () -> T) -> T {
            progress(.stage(stage))
            let start = DispatchTime.now().uptimeNanoseconds
            let result = work()
            timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            return result
        }

        let contentDirectory = ContentDirectory(path: options.contentPath)
        let inventory = timed("scan sources") { SourceInventory.scan(content: contentDirectory, templates: options.templatesPath) }
        let cache = timed("read cache") { CacheSession(options: options, inventory: inventory) }

        // Only article bodies changed: their own pages are rewritten, and nothing else is loaded.
        if var report = BodyEditUpdate.run(options, content: contentDirectory, session: cache, timed: { timed($0, $1) }) {
            report.stageTimings = timings
            return report.diagnostics.isEmpty ? .success(report) : .failure(BuildFailure(report.diagnostics))
        }

        guard let prepared = timed("load and validate", { prepare(options, log: log, reuse: cache.reuse()) }),
              !log.hasErrors, !(options.strict && !log.all.isEmpty) else {
            return .failure(BuildFailure(log.all))
        }
        var media = prepared.media
        let photos = media.files.filter { $0.kind == .photo }.map(\.source)
        let processed = timed("photos") {
            let outcome = ImageStore(cacheDirectory: options.cacheDirectory).prepare(photos, directory: contentDirectory, log: log)
            media.photos = outcome.photos
            return outcome.processed
        }
        guard !log.hasErrors else { return .failure(BuildFailure(log.all)) }
        let figures = timed("compute figures") {
            SiteFigures(tables: prepared.content.tables, targets: prepared.content.targets, content: prepared.content,
                        buildDate: options.buildDate)
        }
        let plan = timed("plan pages") {
            PagePlanner.plan(prepared.content, figures: figures, assets: prepared.theme.assets.keys.sorted()).adding(media, log: log)
        }
        SiteLinks.check(prepared.content, plan: plan, log: log)
        guard !log.hasErrors, !(options.strict && !log.all.isEmpty) else { return .failure(BuildFailure(log.all)) }
        // Pages of a --unit build are rendered against the whole site's plan, so they equal a full build's.
        let pages = options.units.isEmpty ? plan.pages : plan.restricted(to: Set(options.units), content: prepared.content).pages
        var environment = RenderEnvironment(content: prepared.content, figures: figures, plan: plan, buildDate: options.buildDate)
        environment.media = media
        let renderer = PageRenderer(environment: environment, theme: prepared.theme)
        // Fingerprints serve only the cache: without one (`--no-cache`) they are not computed.
        let fingerprints: [UInt64] = !options.useCache ? [] : timed("fingerprint pages") {
            let printer = PageFingerprints(environment: environment, theme: prepared.theme, inventory: inventory, options: options)
            return pages.map { printer.fingerprint($0, renderer: renderer) }
        }
        func saveCache(_ records: [String: BuildCache.PageRecord]) {
            timed("write cache") {
                cache.save(loaded: prepared.loaded, content: prepared.content, navigation: environment.navigation.map(\.url),
                           clean: log.all.isEmpty, pages: records)
            }
        }

        // Incremental: rewrite only the pages whose fingerprint changed, in place, one atomic rename each.
        let update = timed("compare with the last build") {
            cache.previous.flatMap { IncrementalUpdate.plan(pages: pages, fingerprints: fingerprints, cache: $0, output: options.outputPath) }
        }
        if var update {
            let written = timed("render and write \(update.changed.count) changed pages") {
                update.apply(renderer: renderer, log: log)
            }
            guard let records = written else { return .failure(BuildFailure(log.all)) }
            saveCache(records)
            return .success(BuildReport(diagnostics: log.all, pagesWritten: update.changed.count,
                                        bytesWritten: update.bytesWritten, stageTimings: timings, kind: .incremental,
                                        scheduled: prepared.content.scheduled.map(ScheduledArticle.init), photosProcessed: processed))
        }

        // Full: every page into a staging folder, swapped in at the end.
        let writer: OutputWriter
        do {
            writer = try OutputWriter(output: URL(fileURLWithPath: options.outputPath))
        } catch {
            log.error(SourceLocation(file: options.outputPath), "\(error.text)")
            return .failure(BuildFailure(log.all))
        }
        let sizes = timed("render and write \(pages.count) pages") {
            renderAndWrite(pages, renderer: renderer, writer: writer, log: log, progress: progress)
        }
        guard !log.hasErrors else {
            writer.discard()
            return .failure(BuildFailure(log.all))
        }
        let published = timed("publish") { Result { () throws(OutputWriter.Failure) in try writer.publish() } }
        if case .failure(let failure) = published {
            log.error(SourceLocation(file: options.outputPath), "\(failure.text)")
            return .failure(BuildFailure(log.all))
        }
        if options.useCache { saveCache(Dictionary(uniqueKeysWithValues: pages.indices.map {
            (pages[$0].path.relative, BuildCache.PageRecord(fingerprint: fingerprints[$0], size: sizes[$0]))
        })) }
        return .success(BuildReport(diagnostics: log.all, pagesWritten: pages.count, bytesWritten: sizes.reduce(0, +),
                                    stageTimings: timings, scheduled: prepared.content.scheduled.map(ScheduledArticle.init),
                                    photosProcessed: processed))
    }

    /// Loads, validates and computes, then reports compliance and targets. Fails on content errors.
    public static func report(_ options: BuildOptions) -> Result<(ComplianceReport, [Diagnostic]), BuildFailure> {
        let log = DiagnosticLog()
        guard let prepared = prepare(options, log: log), !log.hasErrors else { return .failure(BuildFailure(log.all)) }
        let figures = SiteFigures(tables: prepared.content.tables, targets: prepared.content.targets,
                                  content: prepared.content, buildDate: options.buildDate)
        return .success((ComplianceReport(content: prepared.content, figures: figures, buildDate: options.buildDate), log.all))
    }

    struct Prepared {
        var loaded: LoadedContent
        var content: SiteContent
        var theme: Theme
        var media: MediaCatalog
    }

    /// Load and validate content, and parse the theme: everything `check` covers.
    static func prepare(_ options: BuildOptions, log: DiagnosticLog, reuse: LoadReuse = LoadReuse()) -> Prepared? {
        let directory = ContentDirectory(path: options.contentPath)
        let units = Set(options.units)
        let loaded = ContentLoader.load(directory, log: log, reuse: reuse, units: units)
        var content = ContentValidator.validate(loaded, includeDrafts: options.includeDrafts, buildDate: options.buildDate,
                                               includeFuture: options.includeFuture, log: log)
        ContentValidator.validateUnitSelection(options.units, in: content, log: log)
        if !units.isEmpty {
            // The selected units' articles and their neighbours, whose cards their pages show, in full.
            let own = content.articles.indices.filter { content.articles[$0].unitID.map(units.contains) ?? false }
            let shown = Set(own.flatMap { [$0 - 1, $0, $0 + 1] }).filter(content.articles.indices.contains)
            content.articles = ArticleLoader.completing(content.articles, at: shown.sorted(), content: directory, log: log)
        }
        let theme = Theme.load(directory: options.templatesPath, log: log)
        let media = MediaPlanner.plan(content, directory: directory, log: log)
        return Prepared(loaded: loaded, content: content, theme: theme, media: media)
    }

    /// Renders pages on all cores and writes each as soon as it is rendered, so the site's HTML is
    /// never held in memory at once.
    static func renderAndWrite(_ pages: [PlannedPage], renderer: PageRenderer, writer: OutputWriter,
                               log: DiagnosticLog, progress: Progress = { _ in }) -> [Int] {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        // The heaviest files (open data, statistics, units) go first, so they overlap with the many
        // small pages instead of leaving one core working alone at the end.
        let order = pages.indices.sorted { (weight(pages[$0].kind), $0) < (weight(pages[$1].kind), $1) }
        // Each heavy page is a chunk of its own, so the cores share them; small pages go in chunks.
        let heavy = order.prefix { weight(pages[$0].kind) < lightWeight }.count
        let chunk = max(1, min(64, (pages.count - heavy) / (workers * 8) + 1))
        let bounds = Array(0..<heavy) + Array(stride(from: heavy, to: pages.count, by: chunk)) + [pages.count]
        let chunks = bounds.count - 1
        let totals = ByteCounter()
        var sizes = [Int](repeating: 0, count: pages.count)
        sizes.withUnsafeMutableBufferPointer { buffer in
        let slots = UnsafeSendable(buffer)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var bytes = 0
            for position in bounds[c]..<bounds[c + 1] {
                let index = order[position]
                let page = pages[index]
                do {
                    let size: Int
                    if let fill = renderer.stream(page) {
                        size = try writer.write(to: page.path, streaming: fill)
                    } else {
                        let data = try renderer.render(page)
                        try writer.write(data, to: page.path)
                        size = data.count
                    }
                    slots.value[index] = size
                    bytes += size
                } catch let failure as PageRenderer.Failure {
                    log.add(renderer.diagnostic(failure, page: page))
                } catch let failure as OutputWriter.Failure {
                    log.error(SourceLocation(file: failure.path), "cannot write: \(failure.reason)")
                } catch {
                    log.error(SourceLocation(file: page.path.relative), "\(error)")
                }
            }
            let done = totals.add(bytes, pages: bounds[c + 1] - bounds[c])
            progress(.pages(done: done, total: pages.count))
        }
        }
        return sizes
    }
}

/// Pages of a lower weight are rendered one per task; the rest in chunks.
let lightWeight = 4

/// Render order: lower first. Only the order of work changes, never the output.
func weight(_ kind: PageKind) -> Int {
    switch kind {
    case .figuresFile: return 0
    case .datasetFile: return 1
    case .statistics, .statisticsIndex, .compliance, .sitemap, .searchShard: return 2  // the sitemap lists every page
    case .unit, .home, .plan, .planIndex, .unitIndex: return 3
    case .newsList, .article, .category, .tag, .tagIndex, .openData, .dataPackage, .newsFeed, .unitFeed, .robots,
         .notFound, .asset, .file, .search, .searchDocuments, .unitEmbed, .unitFigures:
        return 4
    }
}

/// What a progress display is told.
public enum BuildProgress: Sendable, Equatable {
    case stage(String)
    case pages(done: Int, total: Int)
}

final class ByteCounter: @unchecked Sendable {
    private var total = 0
    private var pages = 0
    private let lock = NSLock()
    /// Adds a finished chunk; returns the pages finished so far.
    func add(_ n: Int, pages done: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        total += n
        pages += done
        return pages
    }
    var value: Int { lock.lock(); defer { lock.unlock() }; return total }
}
