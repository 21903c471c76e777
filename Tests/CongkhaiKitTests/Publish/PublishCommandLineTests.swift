import CongkhaiCommands
import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// The command line of publishing: `--no-wait` while another build holds the output, and
/// `--base-url` for a unit's own host.
@Suite struct PublishCommandLineTests {
    typealias CLI = CommandLineTests

    @Test func noWaitPrintsOneLineAndExitsOne() throws {
        let site = try TestSite()
        let held = try OutputLock(output: URL(fileURLWithPath: site.path("Public")), wait: false)
        let run = CLI.run(
            [
                "build", "--output", site.path("Public"), "--no-wait", "--cache-dir",
                site.path(".cache"),
            ] + CLI.siteOptions(site))
        #expect(run.status == 1)
        #expect(
            run.err
                == "\(site.path("Public")):1:1: error: another build (process \(getpid())) is writing this output; not waiting (--no-wait)\n"
        )
        #expect(run.out.isEmpty)
        held.release()
    }

    @Test func baseURLIsForAUnitBuildAndMustBeAnAddress() throws {
        let site = try TestSite()
        let withoutUnit = CLI.run(
            ["build", "--output", site.path("Public"), "--base-url", "https://phuong1.example.vn/"]
                + CLI.siteOptions(site))
        #expect(withoutUnit.status == 64)
        #expect(withoutUnit.err.contains("--base-url is for a --unit build"))
        let notAnAddress = CLI.run(
            [
                "build", "--output", site.path("Public"), "--unit", "phuong-1", "--base-url",
                "phuong1.example.vn",
            ] + CLI.siteOptions(site))
        #expect(notAnAddress.status == 64)
        #expect(
            notAnAddress.err.contains(
                "--base-url must be an absolute http(s) URL, not \"phuong1.example.vn\""))
        let unit = CLI.run(
            [
                "build", "--output", site.path("Public"), "--unit", "phuong-1", "--base-url",
                "https://phuong1.example.vn/cchc/",
            ] + CLI.siteOptions(site))
        #expect(unit.status == 0)
        #expect(
            site.read("Public/don-vi/phuong-1/index.html")?.contains(
                #"href="https://phuong1.example.vn/cchc/don-vi/phuong-1/""#) == true)
    }
}
