import Foundation
import Testing
@testable import CongkhaiCore
@testable import CongkhaiKit

/// Builds the fixture sites under Fixtures/sites/ and compares them byte for byte with their
/// committed `expected/` output. After an intended change, regenerate with
/// `CONGKHAI_UPDATE_FIXTURES=1 swift test --filter FixtureSiteTests` and review the diff.
@Suite struct FixtureSiteTests {
    static let buildDate = CalendarDay(year: 2021, month: 11, day: 20)

    @Test(arguments: ["basic"])
    func builtSiteMatchesExpectedOutput(_ name: String) throws {
        let folder = Repository.fixture("sites/\(name)")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-fixture-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        // The default theme alone (no site templates), so the fixture also pins the compiled-in theme.
        var options = BuildOptions(contentPath: folder.appendingPathComponent("Content").path, templatesPath: nil,
                                   outputPath: output.path, buildDate: Self.buildDate, useCache: false)
        // Its photos are made in a cache of its own, not in the working folder's.
        options.cacheDirectory = output.path + "-cache"
        defer { try? FileManager.default.removeItem(atPath: output.path + "-cache") }
        guard case .success = SiteBuilder.build(options) else { Issue.record("fixture \(name) failed to build"); return }
        let built = treeContents(output)
        let expectedFolder = folder.appendingPathComponent("expected")
        if ProcessInfo.processInfo.environment["CONGKHAI_UPDATE_FIXTURES"] == "1" {
            try? FileManager.default.removeItem(at: expectedFolder)
            try FileManager.default.copyItem(at: output, to: expectedFolder)
            return
        }
        let expected = treeContents(expectedFolder)
        #expect(Set(built.keys) == Set(expected.keys))
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(built[path] == data, "\(path) differs from the expected output")
        }
    }

    @Test func compiledInThemeMatchesTemplatesFolder() throws {
        let templates = treeContents(Repository.root.appendingPathComponent("Templates"))
            .filter { ["mustache", "css", "svg", "txt"].contains(($0.key as NSString).pathExtension) }
        #expect(Set(templates.keys) == Set(DefaultTheme.files.keys), "run scripts/embed-theme.py")
        for (path, data) in templates {
            #expect(DefaultTheme.files[path] == String(decoding: data, as: UTF8.self), "\(path): run scripts/embed-theme.py")
        }
    }

    /// swift-mustache counts the characters of every token an indented partial renders (to indent
    /// its lines): a unit page's tables cost 16% more that way. The theme keeps partial tags at column 0.
    @Test func defaultThemeIncludesPartialsUnindented() {
        for (path, text) in DefaultTheme.files where path.hasSuffix(".mustache") {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                if trimmed.hasPrefix("{{>"), trimmed.count != line.count {
                    Issue.record("\(path):\(number + 1): indented partial tag \(trimmed)")
                }
            }
        }
    }
}

/// `congkhai report` on the fixture site, compared whole with the committed text, JSON and markdown.
@Suite struct ReportFixtureTests {
    @Test(arguments: ComplianceReport.Format.allCases)
    func reportMatchesExpected(_ format: ComplianceReport.Format) throws {
        let folder = Repository.fixture("sites/basic")
        let options = BuildOptions(contentPath: folder.appendingPathComponent("Content").path, templatesPath: nil,
                                   outputPath: "unused", buildDate: FixtureSiteTests.buildDate, useCache: false)
        guard case .success(let (report, _)) = SiteBuilder.report(options) else { Issue.record("report failed"); return }
        let text = report.render(format)
        let expected = folder.appendingPathComponent("expected-report.\(format.rawValue)")
        if ProcessInfo.processInfo.environment["CONGKHAI_UPDATE_FIXTURES"] == "1" {
            try text.write(to: expected, atomically: true, encoding: .utf8)
            return
        }
        #expect(text == (try String(contentsOf: expected, encoding: .utf8)))
    }
}
