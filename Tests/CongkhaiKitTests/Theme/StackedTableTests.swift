import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// The phone layout of figure tables comes from CSS and labels on one real table: every stacked
/// table keeps its caption, header scopes and `role="table"` (CSS changes its `display`; the HTML
/// standard forbids explicit roles on its rows and cells), and every figure cell carries the label
/// its stacked card shows. Every page prints its address and date at its foot.
@Suite struct StackedTableTests {
    @Test func everyStackedTableIsARealLabelledTable() throws {
        let output = try RealSite.built().output
        let pages = treeContents(output).keys.filter { $0.hasSuffix(".html") }
        let table = try NSRegularExpression(
            pattern: #"<table class="figures stack[^"]*" role="table">(.*?)</table>"#,
            options: .dotMatchesLineSeparators)
        let cell = try NSRegularExpression(pattern: #"<td([^>]*)>"#)
        let header = try NSRegularExpression(pattern: #"<th( [^>]*)?>"#)
        var stacked = 0, problems: [String] = []
        for page in pages.sorted() {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            // The embed (`nhung/`) is printed by the unit's own site, inside its pages.
            if page != "404.html" && !page.hasSuffix("/nhung/index.html") {
                let canonical =
                    "https://cchc.govap.hochiminhcity.gov.vn/"
                    + page.replacingOccurrences(of: "index.html", with: "")
                if !html.contains(
                    #"<p class="print-foot">\#(canonical) · Cập nhật ngày 20/11/2021</p>"#)
                {
                    problems.append("\(page): no print foot")
                }
            }
            for match in table.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                stacked += 1
                let body = String(html[Range(match.range(at: 1), in: html)!])
                if !body.contains("<caption>") { problems.append("\(page): table without caption") }
                for attributes in captures(cell, body) where !attributes.contains("data-label=") {
                    if !(attributes.contains("colspan") || attributes.contains("empty")) {
                        problems.append("\(page): <td\(attributes)> without data-label")
                    }
                }
                for attributes in captures(header, body) {
                    if !attributes.contains("scope=") {
                        problems.append("\(page): <th\(attributes)> without scope")
                    }
                }
            }
        }
        #expect(stacked >= 100, "stacked tables found: \(stacked)")
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    private func captures(_ regex: NSRegularExpression, _ text: String) -> [String] {
        regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            Range($0.range(at: 1), in: text).map { String(text[$0]) } ?? ""
        }
    }
}
