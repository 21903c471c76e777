import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// Hostile sizes: a file larger than its limit in site.yml is refused before it is read, and a
/// metric file's line longer than `max_line_kb` is refused without keeping its cells; each with
/// a located error. (The 2 GB CSV, 200 MB markdown and 100 MB line of the issue were measured by
/// hand: README › Publishing from CI; these tests use the same limits made small.)
@Suite struct SizeLimitTests {
    static let header =
        "unit,period,field,carried_over,received_online,received_offline,resolved_early,resolved_on_time,resolved_late,pending_in_time,pending_overdue\n"
    static let row = "phuong-1,2021-03,ho-tich,0,1,1,1,1,0,0,0\n"

    func site(limits: String, files: [String: String]) throws -> TestSite {
        var all = TestSite.minimal
        all["Content/site.yml"] = TestSite.site + "\n" + limits
        all["Content/fields.yml"] =
            "- id: ho-tich\n  name: \"Hộ tịch\"\n- id: dat-dai\n  name: \"Đất đai\"\n"
        for (path, text) in files { all[path] = text }
        return try TestSite(files: all)
    }

    @Test func aMarkdownFileOverItsLimit() throws {
        let body = String(repeating: "Đoạn văn dài. ", count: 80_000)  // about 1,3 MB
        let site = try site(
            limits: "max_markdown_mb: 1\n",
            files: ["Content/news/dai.md": TestSite.article("Bài dài", body: body)])
        #expect(
            site.buildErrors() == [
                "Content/news/dai.md:1:1: error: file is too large (2 MB; the limit is 1 MB)\n    note: raise `max_markdown_mb` in site.yml if the file is meant to be this large"
            ])
        #expect(!site.exists("Public"))
        // Raised, the same file builds.
        try site.write("Content/site.yml", TestSite.site + "\nmax_markdown_mb: 2\n")
        #expect(try site.expectSuccess(site.build()))
    }

    @Test func aMetricFileOverItsLimit() throws {
        let csv = Self.header + String(repeating: Self.row, count: 30_000)  // about 1,2 MB
        let site = try site(
            limits: "max_csv_mb: 1\n", files: ["Content/metrics/dossiers/2021-03.csv": csv])
        #expect(
            site.check() == [
                "Content/metrics/dossiers/2021-03.csv:1:1: error: file is too large (2 MB; the limit is 1 MB)\n    note: raise `max_csv_mb` in site.yml if the file is meant to be this large"
            ])
    }

    @Test func aMetricLineOverItsLimitIsSkippedAndTheRestRead() throws {
        let long = String(repeating: "x", count: 3000) + ",2021-03,ho-tich,0,1,1,1,1,0,0,0\n"
        let commas = String(repeating: ",", count: 5000) + "\n"
        let site = try site(
            limits: "max_line_kb: 2\n",
            files: [
                "Content/metrics/dossiers/2021-03.csv": Self.header + long + commas
                    + Self.row.replacingOccurrences(of: "ho-tich", with: "dat-dai")
            ])
        #expect(
            site.check() == [
                "Content/metrics/dossiers/2021-03.csv:2:1: error: line is too long (3 KB; the limit is 2 KB)\n    note: raise `max_line_kb` in site.yml if the file is meant to have such lines",
                "Content/metrics/dossiers/2021-03.csv:3:1: error: line is too long (5 KB; the limit is 2 KB)\n    note: raise `max_line_kb` in site.yml if the file is meant to have such lines",
            ])
    }

    @Test func badLimits() throws {
        let site = try site(limits: "max_csv_mb: 0\nmax_line_kb: nhiều\n", files: [:])
        #expect(
            site.check() == [
                "Content/site.yml:5:13: error: `max_csv_mb` must be a whole number from 1",
                "Content/site.yml:6:14: error: `max_line_kb` must be a whole number, not \"nhiều\"",
            ])
    }

    @Test func theTokenizerStopsKeepingCellsAtTheLimit() {
        let text = Self.header + String(repeating: ",", count: 100_000) + "\n" + Self.row
        var copy = text
        let log = DiagnosticLog()
        let (lines, most) = copy.withUTF8 { bytes -> ([Int], Int) in
            var tokenizer = CSVTokenizer(bytes: bytes, file: "a.csv", log: log)
            tokenizer.maxRecordBytes = 1024
            var cells: [CSVTokenizer.Cell] = [], lines: [Int] = [], most = 0
            while let line = tokenizer.next(into: &cells) {
                lines.append(line); most = max(most, cells.count)
            }
            return (lines, most)
        }
        #expect(lines == [1, 2, 3])
        #expect(most <= 1100)
        #expect(
            log.all.map(\.description) == [
                "a.csv:2:1: error: line is too long (98 KB; the limit is 1 KB)\n    note: raise `max_line_kb` in site.yml if the file is meant to have such lines"
            ])
    }
}
