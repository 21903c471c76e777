import CongkhaiCommands
import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// The `congkhai` command line, run in process through `Congkhai.execute` with its output captured:
/// exit statuses, `--strict`, `--help`, and what is printed where.
@Suite struct CommandLineTests {
    /// What one run printed, and its exit status.
    struct Run {
        var status: Int32
        var out: String
        var err: String
    }

    final class Capture: @unchecked Sendable {
        private let lock = NSLock()
        private var out = "", err = ""
        func add(out text: String) { lock.lock(); out += text; lock.unlock() }
        func add(err text: String) { lock.lock(); err += text; lock.unlock() }
        var texts: (String, String) { lock.lock(); defer { lock.unlock() }; return (out, err) }
    }

    /// Runs `congkhai arguments…` as from a pipe (no terminal, so no progress line) unless told otherwise.
    static func run(_ arguments: [String], terminal: Bool = false) -> Run {
        let capture = Capture()
        let console = Console(
            out: { capture.add(out: $0) }, err: { capture.add(err: $0) }, showsProgress: terminal)
        let status = Congkhai.execute(arguments + ["--lang", "en"], console: console)
        let (out, err) = capture.texts
        return Run(status: status, out: out, err: err)
    }

    static let date = ["--build-date", "2021-11-20"]

    /// A site whose only problem is a warning: an unknown front-matter key.
    static func siteWithAWarning() throws -> TestSite {
        try TestSite(
            files: TestSite.minimal.merging([
                "Content/news/a.md": TestSite.article(extra: "tag: [\"x\"]\n")
            ]) { $1 })
    }

    static func siteOptions(_ site: TestSite) -> [String] {
        ["--content", site.path("Content"), "--templates", site.path("Templates")] + date
    }

    @Test func helpIsPrintedOnStandardOutputWithStatusZero() {
        let help = Self.run(["--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("USAGE: congkhai <subcommand>"))
        #expect(
            help.out.contains("build") && help.out.contains("check") && help.out.contains("report"))
        #expect(help.err.isEmpty)
        let buildHelp = Self.run(["build", "--help"])
        #expect(buildHelp.status == 0 && buildHelp.out.contains("--strict"))
    }

    @Test func aBadArgumentIsAUsageErrorOnStandardError() {
        let run = Self.run(["build", "--build-date", "20/11/2021"])
        #expect(run.status == 64)  // EX_USAGE, as swift-argument-parser reports a validation error
        #expect(run.err.contains("--build-date must be YYYY-MM-DD"))
        #expect(run.out.isEmpty)
    }

    @Test func checkPassesWithWarningsUnlessStrict() throws {
        let site = try Self.siteWithAWarning()
        let relaxed = Self.run(["check"] + Self.siteOptions(site))
        #expect(relaxed.status == 0)
        #expect(relaxed.err.contains("warning: unknown key `tag` in front matter"))
        #expect(relaxed.out.contains("content is valid"))
        let strict = Self.run(["check", "--strict"] + Self.siteOptions(site))
        #expect(strict.status == 1)
        #expect(strict.err.contains("warning: unknown key `tag`"))
        #expect(!strict.out.contains("content is valid"))
    }

    @Test func checkFailsOnAnError() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging(["Content/news/a.md": "no front matter\n"]) { $1 })
        let run = Self.run(["check"] + Self.siteOptions(site))
        #expect(run.status == 1)
        #expect(run.err.contains("Content/news/a.md:1:1: error: missing front matter"))
        #expect(run.err.contains("1 error(s), 0 warning(s)"))
    }

    @Test func buildWritesWithWarningsAndFailsWithStrictLeavingTheOutputAlone() throws {
        let site = try Self.siteWithAWarning()
        let output = ["--output", site.path("Public"), "--no-cache"]
        let strict = Self.run(["build", "--strict"] + Self.siteOptions(site) + output)
        #expect(strict.status == 1)
        #expect(strict.err.contains("build failed"))
        #expect(!site.exists("Public"))
        let relaxed = Self.run(["build"] + Self.siteOptions(site) + output)
        #expect(relaxed.status == 0)
        #expect(relaxed.out.contains("built "))
        #expect(site.exists("Public/index.html"))
    }

    @Test func buildFailsOnAnErrorWithItsPlace() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging(["Content/news/a.md": "no front matter\n"]) { $1 })
        let run = Self.run(["build", "--output", site.path("Public")] + Self.siteOptions(site))
        #expect(run.status == 1)
        #expect(run.err.contains("Content/news/a.md:1:1: error: missing front matter"))
        #expect(!site.exists("Public"))
    }

    /// The fixture site misses targets and has a unit behind: `report` says so, and fails only with `--strict`.
    @Test func reportFailsOnlyWithStrictWhenTargetsAreMissed() {
        let content = Repository.fixture("sites/basic/Content").path
        let arguments = ["report", "--content", content, "--templates", "none"] + Self.date
        let relaxed = Self.run(arguments)
        #expect(relaxed.status == 0)
        #expect(relaxed.out.contains("✘ I.5.2"))
        let strict = Self.run(arguments + ["--strict"])
        #expect(strict.status == 1)
        #expect(strict.out == relaxed.out)
        let json = Self.run(arguments + ["--format", "json"])
        #expect(json.status == 0 && json.out.hasPrefix("{"))
    }

    /// Piped, in CI or on a dumb terminal there is no progress line: only the lines a log should keep.
    @Test func noProgressLineWhenPiped() throws {
        #expect(!Console.showsProgress(stderrIsTerminal: false, environment: [:]))
        #expect(!Console.showsProgress(stderrIsTerminal: true, environment: ["CI": "true"]))
        #expect(!Console.showsProgress(stderrIsTerminal: true, environment: ["TERM": "dumb"]))
        #expect(
            Console.showsProgress(stderrIsTerminal: true, environment: ["TERM": "xterm-256color"]))
        let site = try TestSite()
        let run = Self.run(
            ["build", "--output", site.path("Public"), "--no-cache"] + Self.siteOptions(site))
        #expect(run.status == 0)
        #expect(!run.err.contains("\u{1B}[2K") && !run.err.contains("\r"))
        #expect(run.err.isEmpty)
    }
}
