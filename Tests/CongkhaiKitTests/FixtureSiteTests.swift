import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// Builds the fixture sites under Fixtures/sites/ and compares them byte for byte with their
/// committed `expected/` output; a difference is shown as a line diff. After an intended change,
/// regenerate with `CONGKHAI_UPDATE_FIXTURES=1 swift test --filter FixtureSiteTests` (which
/// fails, saying what it rewrote), review `git diff`, and run the tests again without it.
@Suite struct FixtureSiteTests {
    static let buildDate = CalendarDay(year: 2021, month: 11, day: 20)

    @Test(arguments: ["basic"])
    func builtSiteMatchesExpectedOutput(_ name: String) throws {
        let folder = Repository.fixture("sites/\(name)")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "congkhai-fixture-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        // The default theme alone (no site templates), so the fixture also pins the compiled-in theme.
        var options = BuildOptions(
            contentPath: folder.appendingPathComponent("Content").path, templatesPath: nil,
            outputPath: output.path, buildDate: Self.buildDate, useCache: false)
        // Its photos are made in a cache of its own, not in the working folder's.
        options.cacheDirectory = output.path + "-cache"
        defer { try? FileManager.default.removeItem(atPath: output.path + "-cache") }
        if case .failure(let failure) = SiteBuilder.build(options) {
            Issue.record(
                "fixture \(name) failed to build:\n\(failure.diagnostics.map(\.description).joined(separator: "\n"))"
            )
            return
        }
        let built = treeContents(output)
        let expectedFolder = folder.appendingPathComponent("expected")
        if Fixtures.updating {
            try? FileManager.default.removeItem(at: expectedFolder)
            try FileManager.default.copyItem(at: output, to: expectedFolder)
            Fixtures.recordUpdate("sites/\(name)/expected")
            return
        }
        let expected = treeContents(expectedFolder)
        let missing = Set(expected.keys).subtracting(built.keys).sorted(),
            extra = Set(built.keys).subtracting(expected.keys).sorted()
        #expect(missing.isEmpty, "expected but not built: \(missing.joined(separator: ", "))")
        #expect(extra.isEmpty, "built but not expected: \(extra.joined(separator: ", "))")
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            guard let actual = built[path], actual != data else { continue }
            Issue.record(
                "\(path) differs from the expected output:\n\(Fixtures.diff(expected: data, actual: actual))"
            )
        }
    }

    @Test func compiledInThemeMatchesTemplatesFolder() throws {
        let templates = treeContents(Repository.root.appendingPathComponent("Templates"))
            .filter {
                ["mustache", "css", "svg", "txt", "js"].contains(($0.key as NSString).pathExtension)
            }
        #expect(Set(templates.keys) == Set(DefaultTheme.files.keys), "run scripts/embed-theme.py")
        for (path, data) in templates {
            #expect(
                DefaultTheme.files[path] == String(decoding: data, as: UTF8.self),
                "\(path): run scripts/embed-theme.py")
        }
    }

    /// swift-mustache counts the characters of every token an indented partial renders (to indent
    /// its lines): a unit page's tables cost 16% more that way. The theme keeps partial tags at column 0.
    @Test func defaultThemeIncludesPartialsUnindented() {
        for (path, text) in DefaultTheme.files where path.hasSuffix(".mustache") {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated()
            {
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
        let options = BuildOptions(
            contentPath: folder.appendingPathComponent("Content").path, templatesPath: nil,
            outputPath: "unused", buildDate: FixtureSiteTests.buildDate, useCache: false)
        guard case .success(let (report, _)) = SiteBuilder.report(options) else {
            Issue.record("report failed"); return
        }
        let text = report.render(format)
        let expected = folder.appendingPathComponent("expected-report.\(format.rawValue)")
        if Fixtures.updating {
            try text.write(to: expected, atomically: true, encoding: .utf8)
            Fixtures.recordUpdate("sites/basic/expected-report.\(format.rawValue)")
            return
        }
        let committed = try String(contentsOf: expected, encoding: .utf8)
        #expect(
            text == committed,
            "the \(format.rawValue) report differs:\n\(LineDiff.unified(expected: committed, actual: text))"
        )
    }
}

/// The update mode of the fixture tests, and how they show a difference.
enum Fixtures {
    /// `CONGKHAI_UPDATE_FIXTURES=1`: the tests write what they built as the new expected output.
    static var updating: Bool {
        ProcessInfo.processInfo.environment["CONGKHAI_UPDATE_FIXTURES"] == "1"
    }

    /// An update is recorded as a failure, so that the mode cannot pass silently: review the
    /// change with `git diff`, then run the tests again without the variable.
    static func recordUpdate(_ what: String) {
        Issue.record(
            "updated \(what) (CONGKHAI_UPDATE_FIXTURES=1): review `git diff`, then run the tests without it"
        )
    }

    /// A line diff for text, or the sizes and first differing byte for other files.
    static func diff(expected: Data, actual: Data) -> String {
        if let old = String(data: expected, encoding: .utf8),
            let new = String(data: actual, encoding: .utf8)
        {
            return LineDiff.unified(expected: old, actual: new)
        }
        let first =
            zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expected.count, actual.count)
        return
            "binary: \(expected.count) bytes expected, \(actual.count) built, first difference at byte \(first)"
    }
}
