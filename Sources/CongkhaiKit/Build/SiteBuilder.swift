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
            let figures = prepared.figures(on: options.buildDate)
            let plan = prepared.plan(figures)
            SiteLinks.check(prepared.content, plan: plan.adding(prepared.media, log: log), log: log)
            if !log.hasErrors {
                lintTheme(prepared, figures: figures, plan: plan, options: options, log: log)
            }
        }
        return CheckReport(
            diagnostics: log.all,
            scheduled: prepared?.content.scheduled.map(ScheduledArticle.init) ?? [])
    }

    /// Builds the site into `options.outputPath`, or fails leaving it untouched. The build reads as
    /// a list: find what changed since the last build, then one of three ways to bring the output
    /// up to date (`bodyEdit`, `incremental`, `full`), each writing its pages through
    /// `BuildRun.write`.
    public static func build(
        _ options: BuildOptions, progress: @escaping Progress = { _ in }
    ) -> Result<BuildReport, BuildFailure> {
        var options = options
        // A --unit build is small, and its links depend on what it writes: always whole.
        if !options.units.isEmpty { options.useCache = false }
        // A build replaces its whole output folder: never one that holds the sources.
        let misplaced = OutputPlacement.problems(options)
        guard misplaced.isEmpty else { return .failure(BuildFailure(misplaced)) }
        // One build per output at a time: held until this build returns.
        let lock: OutputLock
        do {
            lock = try OutputLock(
                output: URL(fileURLWithPath: options.outputPath), wait: options.waitForLock
            ) {
                progress(.waitingForLock(holder: $0))
            }
        } catch {
            var failure = BuildFailure([lockDiagnostic(error, output: options.outputPath)])
            if case .busy = error { failure.outputBusy = true }
            return .failure(failure)
        }
        defer { lock.release() }
        let run = BuildRun(options: options, progress: progress)
        let directory = ContentDirectory(path: options.contentPath)
        let inventory = run.timed("scan sources") {
            SourceInventory.scan(content: directory, templates: options.templatesPath)
        }
        let cache = run.timed("read cache") { CacheSession(options: options, inventory: inventory) }
        // Only article bodies changed: their own pages are rewritten, and nothing else is loaded.
        if let edits = BodyEditUpdate.plan(options, content: directory, session: cache, run: run) {
            return bodyEdit(edits, cache: cache, run: run)
        }
        if UnchangedBuild.isUnchanged(options, cache: cache, run: run) {
            return run.report(
                pages: 0, bytes: 0, kind: .incremental, scheduled: cache.previousScheduled)
        }
        guard let site = prepareSite(options, inventory: inventory, cache: cache, run: run) else {
            return run.failure()
        }
        if let update = run.timed(
            "compare with the last build",
            {
                cache.previous.flatMap {
                    IncrementalUpdate.plan(
                        pages: site.pages, fingerprints: site.fingerprints, cache: $0,
                        output: options.outputPath)
                }
            })
        {
            return incremental(update, site: site, cache: cache, run: run)
        }
        return full(site, cache: cache, run: run)
    }

    /// Loads, validates and computes, then reports compliance and targets. Fails on content errors.
    public static func report(
        _ options: BuildOptions
    ) -> Result<(ComplianceReport, [Diagnostic]), BuildFailure> {
        let log = DiagnosticLog()
        guard let prepared = prepare(options, log: log), !log.hasErrors else {
            return .failure(BuildFailure(log.all))
        }
        let figures = prepared.figures(on: options.buildDate)
        return .success(
            (
                ComplianceReport(
                    content: prepared.content, figures: figures, buildDate: options.buildDate),
                log.all
            ))
    }

    /// The site's own templates, checked against the data of the pages that use them
    /// (`ThemeLint`). Only when the site has templates of its own: the default theme is tested.
    static func lintTheme(
        _ prepared: Prepared, figures: SiteFigures, plan: SitePlan, options: BuildOptions,
        log: DiagnosticLog
    ) {
        guard prepared.theme.origins.values.contains(where: { !$0.hasPrefix("(default theme)") })
        else { return }
        let environment = RenderEnvironment(
            content: prepared.content, figures: figures, plan: plan, buildDate: options.buildDate)
        ThemeLint(
            renderer: PageRenderer(environment: environment, theme: prepared.theme),
            pages: plan.pages, log: log
        ).run()
    }

    struct Prepared {
        var loaded: LoadedContent
        var content: SiteContent
        var theme: Theme
        /// The files the markdown points at, resolved and checked (photos not made yet).
        var media: MediaCatalog

        /// The figures as of `buildDate`: what `check`, `report` and `build` compute alike.
        func figures(on buildDate: CalendarDay) -> SiteFigures {
            SiteFigures(
                tables: content.tables, targets: content.targets, content: content,
                buildDate: buildDate)
        }

        /// Every page of the site, before the files the markdown points at are added.
        func plan(_ figures: SiteFigures) -> SitePlan {
            PagePlanner.plan(content, figures: figures, assets: theme.assets.keys.sorted())
        }
    }

    /// Load and validate content, and parse the theme: everything `check` covers.
    static func prepare(
        _ options: BuildOptions, log: DiagnosticLog, reuse: LoadReuse = LoadReuse()
    ) -> Prepared? {
        let directory = ContentDirectory(path: options.contentPath)
        let units = Set(options.units)
        let loaded = ContentLoader.load(directory, log: log, reuse: reuse, units: units)
        var content = ContentValidator.validate(
            loaded, includeDrafts: options.includeDrafts, buildDate: options.buildDate,
            includeFuture: options.includeFuture, log: log)
        ContentValidator.validateUnitSelection(options.units, in: content, log: log)
        if !units.isEmpty {
            // The selected units' articles and their neighbours, whose cards their pages show, in full.
            let own = content.articles.indices.filter {
                content.articles[$0].unitID.map(units.contains) ?? false
            }
            let shown = Set(own.flatMap { [$0 - 1, $0, $0 + 1] }).filter(
                content.articles.indices.contains)
            content.articles = ArticleLoader.completing(
                content.articles, at: shown.sorted(), content: directory, log: log)
        }
        let theme = Theme.load(directory: options.templatesPath, log: log)
        let media = MediaPlanner.plan(content, directory: directory, log: log)
        return Prepared(loaded: loaded, content: content, theme: theme, media: media)
    }
}

extension SiteBuilder {
    /// The output's lock could not be had: busy under `--no-wait`, or no lock file.
    static func lockDiagnostic(_ failure: OutputLock.Failure, output: String) -> Diagnostic {
        switch failure {
        case .busy(let holder?):
            return .error(
                SourceLocation(file: output),
                "another build (process \(String(holder))) is writing this output; not waiting (--no-wait)"
            )
        case .busy(nil):
            return .error(
                SourceLocation(file: output),
                "another build is writing this output; not waiting (--no-wait)")
        case .unavailable(let path, let reason):
            return .error(
                SourceLocation(file: output), "cannot lock the output (\(path)): \(reason)")
        }
    }
}
