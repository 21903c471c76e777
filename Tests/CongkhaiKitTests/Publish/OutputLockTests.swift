import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// One build per output at a time: a second build waits for the first (and says for whom), or
/// fails at once with `--no-wait`; staging folders are removed only once their maker is gone.
@Suite struct OutputLockTests {
    @Test func twoBuildsIntoOneOutputAtOnceBothSucceedAndEqualACleanBuild() async throws {
        let site = try TestSite()
        let options = site.options()
        async let first = SiteBuilder.build(options)
        async let second = SiteBuilder.build(options)
        let results = await [first, second]
        for result in results { _ = try site.expectSuccess(result) }
        var clean = site.options(output: "Clean")
        clean.useCache = false
        _ = try site.expectSuccess(SiteBuilder.build(clean))
        #expect(
            treeContents(site.root.appendingPathComponent("Public"))
                == treeContents(site.root.appendingPathComponent("Clean")))
        // Nothing left beside the output but the lock file.
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
            $0.hasPrefix(".Public")
        }
        #expect(beside == [".Public.lock"])
    }

    @Test func aSecondBuildWaitsAndSaysForWhom() throws {
        let site = try TestSite()
        let held = try OutputLock(output: URL(fileURLWithPath: site.path("Public")), wait: false)
        let events = EventList()
        let done = DispatchSemaphore(value: 0)
        let options = site.options()
        nonisolated(unsafe) var result: Result<BuildReport, BuildFailure>?
        Thread.detachNewThread {
            result = SiteBuilder.build(options) { events.add($0) }
            done.signal()
        }
        // It waits while the lock is held, having said once who holds it.
        #expect(done.wait(timeout: .now() + 1) == .timedOut)
        #expect(
            events.all.filter { if case .waitingForLock = $0 { true } else { false } } == [
                .waitingForLock(holder: getpid())
            ])
        #expect(!site.exists("Public/index.html"))
        held.release()
        #expect(done.wait(timeout: .now() + 60) == .success)
        _ = try site.expectSuccess(try #require(result))
        #expect(site.exists("Public/index.html"))
    }

    @Test func noWaitFailsAtOnceWithOneLine() throws {
        let site = try TestSite()
        let held = try OutputLock(output: URL(fileURLWithPath: site.path("Public")), wait: false)
        var options = site.options()
        options.waitForLock = false
        guard case .failure(let failure) = SiteBuilder.build(options) else {
            Issue.record("built while locked"); return
        }
        #expect(failure.outputBusy)
        #expect(
            failure.diagnostics.map {
                $0.description.replacingOccurrences(of: site.root.path + "/", with: "")
            }
                == [
                    "Public:1:1: error: another build (process \(getpid())) is writing this output; not waiting (--no-wait)"
                ])
        #expect(!site.exists("Public"))
        held.release()
        _ = try site.expectSuccess(SiteBuilder.build(options))
    }

    @Test func stagingFoldersAreRemovedOnlyWhenTheirProcessIsGone() throws {
        let site = try TestSite()
        // A process that is running (a child that sleeps) and one that is gone (a child that exited).
        let running = Process(), gone = Process()
        for (process, seconds) in [(running, "30"), (gone, "0")] {
            process.executableURL = URL(fileURLWithPath: "/bin/sleep")
            process.arguments = [seconds]
            try process.run()
        }
        gone.waitUntilExit()
        defer { running.terminate() }
        try site.write(".Public.staging-\(running.processIdentifier)/index.html", "building")
        try site.write(
            ".Public.staging-\(gone.processIdentifier)/index.html", "left by a killed build")
        try site.write(".Public.old-\(gone.processIdentifier)/index.html", "left by a killed build")
        _ = try site.expectSuccess(site.build())
        #expect(site.exists(".Public.staging-\(running.processIdentifier)/index.html"))
        #expect(!site.exists(".Public.staging-\(gone.processIdentifier)"))
        #expect(!site.exists(".Public.old-\(gone.processIdentifier)"))
    }
}

final class EventList: @unchecked Sendable {
    private var items: [BuildProgress] = []
    private let lock = NSLock()
    func add(_ event: BuildProgress) { lock.lock(); items.append(event); lock.unlock() }
    var all: [BuildProgress] { lock.lock(); defer { lock.unlock() }; return items }
}
