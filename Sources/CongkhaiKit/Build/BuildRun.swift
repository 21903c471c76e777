import CongkhaiCore
import Foundation

/// One build as it goes: its diagnostics, its stages' times, and the one routine that renders
/// pages and writes them to a destination, whichever way the build brings the output up to date.
final class BuildRun {
    let options: BuildOptions
    let progress: SiteBuilder.Progress
    let log = DiagnosticLog()
    private(set) var timings: [(String, Double)] = []
    /// Photos made by libvips in this build (the others came from the image cache).
    var photosProcessed = 0
    /// Social cards drawn by libvips in this build (the others came from the build cache).
    var cardsDrawn = 0

    init(options: BuildOptions, progress: @escaping SiteBuilder.Progress) {
        self.options = options
        self.progress = progress
    }

    /// Runs one stage, telling the progress display and recording its time.
    func timed<T>(_ stage: String, _ work: () -> T) -> T {
        progress(.stage(stage))
        let start = DispatchTime.now().uptimeNanoseconds
        let result = work()
        timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return result
    }

    /// Whether the build stops here: an error, or with `--strict` any warning (`BuildOptions.fails`).
    var failed: Bool { options.fails(log.all) }

    func failure() -> Result<BuildReport, BuildFailure> { .failure(BuildFailure(log.all)) }

    func report(
        pages: Int, bytes: Int, kind: BuildReport.Kind, scheduled: [ScheduledArticle] = []
    ) -> Result<BuildReport, BuildFailure> {
        .success(
            BuildReport(
                diagnostics: log.all, pagesWritten: pages, bytesWritten: bytes,
                stageTimings: timings,
                kind: kind, scheduled: scheduled,
                photosProcessed: photosProcessed, cardsDrawn: cardsDrawn))
    }

    /// Renders `pages` on all cores and writes each to `destination` as soon as it is rendered (a
    /// destination that streams never holds the site's HTML at once), then commits them when
    /// nothing failed, or discards them. Returns each page's size; nil when the build failed.
    /// `renderer(i)`: the renderer of page `i` (one for a whole site; an edited article's own).
    /// `links`: a `--unit` build's, made for the unit's own host as each page is written.
    func write(
        _ pages: [PlannedPage], renderer: (Int) -> PageRenderer, to destination: PageDestination,
        links: UnitLinks? = nil
    ) -> [Int]? {
        let sizes = renderAndWrite(pages, renderer: renderer, to: destination, links: links)
        guard !log.hasErrors else {
            destination.discard()
            return nil
        }
        do {
            try destination.commit()
        } catch {
            log.add(error.diagnostic)
            return nil
        }
        return sizes
    }

    private func renderAndWrite(
        _ pages: [PlannedPage], renderer: (Int) -> PageRenderer,
        to destination: PageDestination, links: UnitLinks?
    ) -> [Int] {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        // The heaviest files (open data, statistics, units) go first, so they overlap with the many
        // small pages instead of leaving one core working alone at the end.
        let order = pages.indices.sorted {
            (weight(pages[$0].kind), $0) < (weight(pages[$1].kind), $1)
        }
        // Each heavy page is a chunk of its own, so the cores share them; small pages go in chunks.
        let heavy = order.prefix { weight(pages[$0].kind) < lightWeight }.count
        let chunk = max(1, min(64, (pages.count - heavy) / (workers * 8) + 1))
        let bounds =
            Array(0..<heavy) + Array(stride(from: heavy, to: pages.count, by: chunk)) + [
                pages.count
            ]
        let chunks = bounds.count - 1
        let finished = PageCounter()
        let log = self.log, progress = self.progress
        var sizes = [Int](repeating: 0, count: pages.count)
        sizes.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSendable(buffer)
            withoutActuallyEscaping(renderer) { renderer in
                let renderer = UnsafeSendable(renderer)
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    for position in bounds[c]..<bounds[c + 1] {
                        let index = order[position]
                        let page = pages[index], pageRenderer = renderer.value(index)
                        do {
                            if let fill = pageRenderer.stream(page) {
                                slots.value[index] = try destination.write(
                                    to: page.path, streaming: fill)
                            } else {
                                var data = try pageRenderer.render(page)
                                if let links { data = links.rewrite(data, at: page.path.relative) }
                                try destination.write(data, to: page.path)
                                slots.value[index] = data.count
                            }
                        } catch let failure as PageRenderer.Failure {
                            log.add(pageRenderer.diagnostic(failure, page: page))
                        } catch let failure as OutputWriter.Failure {
                            log.add(failure.diagnostic)
                        } catch {
                            log.error(SourceLocation(file: page.path.relative), "\(error)")
                        }
                    }
                    progress(
                        .pages(done: finished.add(bounds[c + 1] - bounds[c]), total: pages.count))
                }
            }
        }
        return sizes
    }
}

extension BuildOptions {
    /// Whether these diagnostics fail a command: any error, or with `strict` any warning. The one
    /// place `--strict` is decided for `check` and `build`.
    public func fails(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.hasErrors || (strict && !diagnostics.isEmpty)
    }

    /// Whether a compliance report fails `report`: only with `strict`, when a unit has not
    /// published the latest period it owes or a target is missed.
    public func fails(_ report: ComplianceReport) -> Bool {
        strict && (!report.unitsBehind.isEmpty || !report.targetsMissed.isEmpty)
    }
}

/// Pages of a lower weight are rendered one per task; the rest in chunks.
let lightWeight = 4

/// Render order: lower first. Only the order of work changes, never the output.
func weight(_ kind: PageKind) -> Int {
    switch kind {
    case .figuresFile: return 0
    case .datasetFile: return 1
    case .statistics, .statisticsIndex, .compliance, .sitemap, .searchShard, .unitCard, .siteCard:
        return 2  // the sitemap lists every page
    case .unit, .home, .plan, .planIndex, .unitIndex: return 3
    case .newsList, .article, .category, .tag, .tagIndex, .openData, .dataPackage, .newsFeed,
        .unitFeed, .robots,
        .notFound, .asset, .file, .search, .searchDocuments, .unitEmbed, .unitFigures:
        return 4
    }
}

/// What a progress display is told.
public enum BuildProgress: Sendable, Equatable {
    /// Another process builds into the same output (its id, when known): this build waits for it.
    case waitingForLock(holder: Int32?)
    case stage(String)
    case pages(done: Int, total: Int)
}

/// The pages finished so far, counted from every core.
final class PageCounter: @unchecked Sendable {
    private var pages = 0
    private let lock = NSLock()
    /// Adds a finished chunk; returns the pages finished so far.
    func add(_ done: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        pages += done
        return pages
    }
}
