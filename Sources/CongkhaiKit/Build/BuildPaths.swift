import CongkhaiCore
import Foundation

/// The three ways a build brings the output up to date. Each renders and writes through
/// `BuildRun.write`, reports a writer's failure as `OutputWriter.Failure.diagnostic`, and records
/// what it wrote in the cache.
extension SiteBuilder {
    /// The site loaded, validated, computed and planned: what `incremental` and `full` render.
    struct PreparedSite {
        var prepared: Prepared
        /// The pages this build writes (a `--unit` build's share of the plan).
        var pages: [PlannedPage]
        var environment: RenderEnvironment
        var renderer: PageRenderer
        /// Each page's fingerprint; empty without a cache (`--no-cache`), which alone uses them.
        var fingerprints: [UInt64]
    }

    /// Load → validate → compute → plan pages, and the pages' fingerprints. Nil when the content
    /// fails the build (an error, or a warning with `--strict`).
    static func prepareSite(
        _ options: BuildOptions, inventory: SourceInventory, cache: CacheSession,
        run: BuildRun
    ) -> PreparedSite? {
        let log = run.log
        guard
            let prepared = run.timed(
                "load and validate", { prepare(options, log: log, reuse: cache.reuse()) }),
            !run.failed
        else { return nil }
        var media = prepared.media
        let photos = media.files.filter { $0.kind == .photo }.map(\.source)
        run.timed("photos") {
            let outcome = ImageStore(cacheDirectory: options.cacheDirectory)
                .prepare(photos, directory: ContentDirectory(path: options.contentPath), log: log)
            media.photos = outcome.photos
            run.photosProcessed = outcome.processed
        }
        guard !run.failed else { return nil }
        let figures = run.timed("compute figures") { prepared.figures(on: options.buildDate) }
        let plan = run.timed("plan pages") { prepared.plan(figures).adding(media, log: log) }
        SiteLinks.check(prepared.content, plan: plan, log: log)
        guard !run.failed else { return nil }
        // Pages of a --unit build are rendered against the whole site's plan, so they equal a full build's.
        let pages =
            options.units.isEmpty
            ? plan.pages : plan.restricted(to: Set(options.units), content: prepared.content).pages
        var environment = RenderEnvironment(
            content: prepared.content, figures: figures, plan: plan, buildDate: options.buildDate)
        environment.media = media
        // Cards are kept in the build cache like photos, whatever --no-cache says of pages.
        environment.cards = CardPainter(cacheDirectory: options.cacheDirectory ?? ".congkhai-cache")
        let renderer = PageRenderer(environment: environment, theme: prepared.theme)
        var printer =
            options.useCache
            ? PageFingerprints(
                environment: environment, theme: prepared.theme, inventory: inventory,
                options: options) : nil
        // The search index, made whole before the pages (its files' fingerprints are what they
        // hold), unless the last build made it from the same inputs: then its files are kept.
        if let searchPage = pages.first(where: { $0.kind == .search }) {
            if let kept = printer.flatMap({
                keptSearchFingerprints(
                    pages, search: searchPage, printer: $0, renderer: renderer, cache: cache)
            }) {
                printer?.keptSearch = kept
            } else {
                run.timed("search index") { _ = environment.searchIndex }
            }
        }
        let fingerprints: [UInt64] =
            printer.map { printer in
                run.timed("fingerprint pages") {
                    pages.map { printer.fingerprint($0, renderer: renderer) }
                }
            } ?? []
        return PreparedSite(
            prepared: prepared, pages: pages, environment: environment, renderer: renderer,
            fingerprints: fingerprints)
    }

    /// The last build's fingerprints of the search index's files, when its index page's
    /// fingerprint (the index's inputs, `PageFingerprints.searchInputs`) is what it was and every
    /// file of the index has its record; else nil, and the index is made.
    private static func keptSearchFingerprints(
        _ pages: [PlannedPage], search: PlannedPage, printer: PageFingerprints,
        renderer: PageRenderer, cache: CacheSession
    ) -> [String: UInt64]? {
        guard let previous = cache.previous?.pages,
            previous[search.path.relative]?.fingerprint
                == printer.fingerprint(search, renderer: renderer)
        else { return nil }
        var kept: [String: UInt64] = [:]
        for page in pages {
            switch page.kind {
            case .searchShard, .searchDocuments:
                guard let record = previous[page.path.relative] else { return nil }
                kept[page.path.relative] = record.fingerprint
            default: continue
            }
        }
        return kept
    }

    /// Only edited articles' own pages, each rendered from the article and its two neighbours.
    static func bodyEdit(
        _ edits: [BodyEditUpdate.Edit], cache: CacheSession, run: BuildRun
    )
        -> Result<BuildReport, BuildFailure>
    {
        let pages = edits.map(\.page)
        let destination = InPlaceWriter(output: URL(fileURLWithPath: run.options.outputPath))
        let written = run.timed("write \(pages.count) pages") {
            run.write(pages, renderer: { edits[$0].renderer }, to: destination)
        }
        guard let sizes = written else { return run.failure() }
        run.timed("write cache") {
            cache.saveBodyEdits(
                articles: Dictionary(
                    edits.map { ($0.path, $0.record) }, uniquingKeysWith: { a, _ in a }),
                pages: Dictionary(
                    edits.indices.map {
                        (
                            pages[$0].path.relative,
                            BuildCache.PageRecord(
                                fingerprint: edits[$0].fingerprint,
                                size: sizes[$0])
                        )
                    },
                    uniquingKeysWith: { a, _ in a }))
        }
        // The build date is part of the cache's key, so the last build's scheduled list still holds.
        return run.report(
            pages: pages.count, bytes: sizes.reduce(0, +), kind: .bodyEdit,
            scheduled: cache.previousScheduled)
    }

    /// The pages whose fingerprint changed, replaced in the published output one rename each; the
    /// pages that no longer exist removed.
    static func incremental(
        _ update: IncrementalUpdate, site: PreparedSite, cache: CacheSession, run: BuildRun
    )
        -> Result<BuildReport, BuildFailure>
    {
        let pages = update.changed.map { site.pages[$0] }
        let destination = InPlaceWriter(output: update.output, removing: update.stale)
        let written = run.timed("render and write \(pages.count) changed pages") {
            run.write(pages, renderer: { _ in site.renderer }, to: destination)
        }
        run.cardsDrawn = site.environment.cards.drawn
        site.environment.cards.prune()
        guard let sizes = written else { return run.failure() }
        saveCache(update.records(sizes: sizes), site: site, cache: cache, run: run)
        return run.report(
            pages: pages.count, bytes: sizes.reduce(0, +), kind: .incremental,
            scheduled: site.prepared.content.scheduled.map(ScheduledArticle.init))
    }

    /// Every page into a staging folder beside the output, swapped in at the end.
    static func full(
        _ site: PreparedSite, cache: CacheSession, run: BuildRun
    ) -> Result<BuildReport, BuildFailure> {
        let destination: OutputWriter
        do {
            destination = try OutputWriter(output: URL(fileURLWithPath: run.options.outputPath))
        } catch {
            run.log.add(error.diagnostic)
            return run.failure()
        }
        let pages = site.pages
        // A --unit build's links are made for the unit's own host (Render/UnitLinks).
        let links =
            run.options.units.isEmpty
            ? nil
            : UnitLinks(
                written: Set(pages.map(\.path.relative)),
                siteBase: site.prepared.content.config.baseURL,
                unitBase: run.options.unitBaseURL)
        let written = run.timed("render and write \(pages.count) pages") {
            run.write(pages, renderer: { _ in site.renderer }, to: destination, links: links)
        }
        run.cardsDrawn = site.environment.cards.drawn
        site.environment.cards.prune()
        guard let sizes = written else { return run.failure() }
        if run.options.useCache {
            saveCache(
                Dictionary(
                    uniqueKeysWithValues: pages.indices.map {
                        (
                            pages[$0].path.relative,
                            BuildCache.PageRecord(
                                fingerprint: site.fingerprints[$0], size: sizes[$0])
                        )
                    }), site: site, cache: cache, run: run)
        }
        return run.report(
            pages: pages.count, bytes: sizes.reduce(0, +), kind: .full,
            scheduled: site.prepared.content.scheduled.map(ScheduledArticle.init))
    }

    private static func saveCache(
        _ records: [String: BuildCache.PageRecord], site: PreparedSite, cache: CacheSession,
        run: BuildRun
    ) {
        let clean = run.log.all.isEmpty
        run.timed("write cache") {
            cache.save(
                loaded: site.prepared.loaded, content: site.prepared.content,
                navigation: site.environment.navigation.map(\.url), clean: clean, pages: records)
        }
    }
}
