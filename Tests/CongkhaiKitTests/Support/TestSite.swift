import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// A throwaway site folder for one test: files written from a dictionary, removed at deinit.
final class TestSite {
    let root: URL

    init(files: [String: String] = TestSite.minimal) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "congkhai-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    func write(_ relative: String, _ data: Data) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(relative))
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func read(_ relative: String) -> String? {
        try? String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path(relative))
    }

    func options(
        output: String = "Public", drafts: Bool = false, strict: Bool = false
    ) -> BuildOptions {
        var options = BuildOptions(
            contentPath: path("Content"), templatesPath: path("Templates"),
            outputPath: path(output),
            includeDrafts: drafts, buildDate: CalendarDay(year: 2021, month: 11, day: 20),
            strict: strict)
        options.cacheDirectory = path(".cache")
        return options
    }

    /// Diagnostics of `check`, with this site's folder cut from file names (`Content/news/a.md:3:8: …`).
    func check() -> [String] {
        SiteBuilder.check(options()).map {
            $0.description.replacingOccurrences(of: root.path + "/", with: "")
        }
    }

    func build(output: String = "Public", drafts: Bool = false) -> Result<BuildReport, BuildFailure>
    {
        SiteBuilder.build(options(output: output, drafts: drafts))
    }

    /// Records the diagnostics as the test's issue when the build failed.
    func expectSuccess(
        _ result: Result<BuildReport, BuildFailure>,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Bool {
        if case .failure(let failure) = result {
            Issue.record(
                "build failed:\n\(failure.diagnostics.map(\.description).joined(separator: "\n"))",
                sourceLocation: sourceLocation)
            return false
        }
        return true
    }

    func buildErrors(output: String = "Public") -> [String] {
        guard case .failure(let failure) = build(output: output) else { return [] }
        return failure.diagnostics.map {
            $0.description.replacingOccurrences(of: root.path + "/", with: "")
        }
    }

    static let site = """
        title: "Trang thử"
        base_url: "https://example.gov.vn/"
        owner: "Ủy ban nhân dân quận"
        news_per_page: 2
        """

    static let units = """
        - id: phuong-1
          name: "Ủy ban nhân dân Phường 1"
          kind: ward
          short: "Phường 1"
        - id: van-phong
          name: "Văn phòng HĐND và UBND quận"
          kind: agency
          short: "Văn phòng HĐND và UBND"
          renamed:
            - { from: 2021-07-01, name: "Văn phòng UBND quận", short: "Văn phòng UBND" }
        """

    static func article(
        _ title: String = "Tin thử", date: String = "2021-03-15", extra: String = "",
        body: String = "Nội dung."
    ) -> String {
        "---\ntitle: \"\(title)\"\ndate: \(date)\ncategory: thong-bao\n\(extra)---\n\(body)\n"
    }

    static let minimal: [String: String] = [
        "Content/site.yml": site,
        "Content/units.yml": units,
        "Content/news/a.md": article(),
    ]
}

/// The repository's root, found from this file's place.
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func fixture(_ relative: String) -> URL {
        root.appendingPathComponent("Tests/CongkhaiKitTests/Fixtures").appendingPathComponent(
            relative)
    }
}

/// Every file under `folder` as relative path → bytes.
func treeContents(_ folder: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    let base = folder.standardizedFileURL.path
    guard
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    else { return [:] }
    for case let url as URL in enumerator {
        var isFolder: ObjCBool = false
        FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
        if isFolder.boolValue { continue }
        let path = url.standardizedFileURL.path
        files[String(path.dropFirst(base.count + 1))] = FileManager.default.contents(atPath: path)
    }
    return files
}

/// Foundation has a `Unit` (of measurement) too: in these tests, `Unit` is the site's.
typealias Unit = CongkhaiCore.Unit
