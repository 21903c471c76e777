import ArgumentParser
import CongkhaiCore
import CongkhaiKit
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
            The new site is written beside the output folder and swapped in only when the build succeeds: a failed build leaves the published site exactly as it was. The same content and build date always give byte-identical output.

            A second build reuses the cache in .congkhai-cache/ and rewrites only the pages whose inputs changed (each replaced by one rename); the result equals a clean build (--no-cache).
            """)

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Where the site is written.", valueName: "dir"))
    var output = "Public"

    @Option(
        name: .customLong("unit"),
        help: ArgumentHelp(
            "Build only this unit's pages: its transparency page, feed and articles (repeatable).",
            valueName: "id"))
    var units: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --unit: the address the unit's own site serves these pages at (its canonical links and feeds). Its pages and assets link to each other relatively, so they work under any host and sub-path; links to pages the build does not write go to the district site (base_url).",
            valueName: "url"))
    var baseURL: String?

    @Flag(
        name: .long, help: "Ignore the build cache: render every page and swap the whole folder in."
    )
    var noCache = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where the build cache lives (never inside the output).", valueName: "dir"))
    var cacheDir: String?

    @Flag(
        name: .long,
        help:
            "When another build is writing the same output, fail at once instead of waiting for it."
    )
    var noWait = false

    @Flag(name: .shortAndLong, help: "Print only errors and warnings.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print each stage's time.")
    var verbose = false

    func run() throws {
        var options = try site.buildOptions(output: output)
        options.units = units
        if let baseURL {
            guard !units.isEmpty else {
                throw ValidationError(
                    site.language.say(
                        "--base-url is for a --unit build: the whole site's address is base_url in site.yml"
                    ))
            }
            guard baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") else {
                throw ValidationError(
                    site.language.say(
                        "--base-url must be an absolute http(s) URL, not \"\(baseURL)\""))
            }
            options.unitBaseURL = baseURL
        }
        options.useCache = !noCache
        options.cacheDirectory = cacheDir
        options.waitForLock = !noWait
        let progress = ProgressLine(quiet: quiet)
        let language = site.language, output = output, console = Console.current
        let result = SiteBuilder.build(options) { event in
            if case .waitingForLock(let holder) = event {
                progress.finish()
                let who: DiagnosticText =
                    holder.map { "process \(String($0))" } ?? "another process"
                console.errorLine(
                    language.say("waiting for \(who), which is building into \(output)"))
            }
            progress.update(event)
        }
        progress.finish()
        switch result {
        case .success(let report):
            DiagnosticPrinter.print(report.diagnostics, in: site.language)
            let seconds = report.stageTimings.reduce(0) { $0 + $1.seconds }
            if verbose {
                for (stage, time) in report.stageTimings {
                    Console.current.line(String(format: "  %6.3f s  %@", time, stage))
                }
            }
            if quiet { return }
            ScheduledPrinter.print(report.scheduled, in: site.language)
            site.language.printLine(
                "built \(count: report.pagesWritten) files (\(count: report.bytesWritten / 1024) KiB) into \(output) in \(seconds, decimals: 2) s"
            )
        case .failure(let failure) where failure.outputBusy:
            // One line: who holds the output, and that this build did not wait.
            for diagnostic in failure.diagnostics {
                Console.current.errorLine(diagnostic.rendered(in: site.language))
            }
            throw ExitCode.failure
        case .failure(let failure):
            DiagnosticPrinter.print(failure.diagnostics, in: site.language)
            site.language.printError("build failed: \(output) was left unchanged")
            throw ExitCode.failure
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate every content file and template; write nothing.",
        discussion:
            "Exit status 1 when there is an error (or any warning with --strict), 0 otherwise.")

    @OptionGroup var site: SiteOptions

    func run() throws {
        let options = try site.buildOptions(output: "Public")
        let report = SiteBuilder.inspect(options)
        let diagnostics = report.diagnostics
        DiagnosticPrinter.print(diagnostics, in: site.language)
        ScheduledPrinter.print(report.scheduled, in: site.language)
        if options.fails(diagnostics) { throw ExitCode.failure }
        site.language.printLine("content is valid")
    }
}
