import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// A unit's embed (`/don-vi/<id>/nhung/`) and its JSON show the figures of the unit's page: the
/// year to date as its target table, the latest period recomputed here from the metric files.
@Suite struct UnitEmbedTests {
    @Test func theEmbedShowsTheFiguresOfTheUnitPage() throws {
        let output = try RealSite.built().output
        let unitDir = output.appendingPathComponent("don-vi/phuong-5")
        let page = try String(
            contentsOf: unitDir.appendingPathComponent("index.html"), encoding: .utf8)
        let embedData = try Data(contentsOf: unitDir.appendingPathComponent("nhung/index.html"))
        let embed = String(decoding: embedData, as: UTF8.self)
        #expect(embedData.count < 30_000)
        #expect(
            !embed.contains("<script") && !embed.contains("<nav") && !embed.contains("stylesheet"))
        #expect(
            page.contains(
                "<textarea id=\"ma-nhung\" readonly rows=\"4\">&lt;iframe src=&quot;https://cchc.govap.hochiminhcity.gov.vn/don-vi/phuong-5/nhung/&quot;"
            ))

        let json = try #require(
            JSONSerialization.jsonObject(
                with: Data(contentsOf: unitDir.appendingPathComponent("so-lieu.json")))
                as? [String: Any])
        let figures = try #require(json["figures"] as? [[String: Any]])
        let clauses = figures.compactMap { $0["clause"] as? String }
        for wanted in ["I.4.1", "I.5.1", "I.5.2", "I.7.1"] { #expect(clauses.contains(wanted)) }
        for figure in figures {
            let title = try #require(figure["title"] as? String)
            let year = try #require(figure["year_to_date"] as? [String: Any])
            let text = try #require(year["text"] as? String)
            // The unit page's target table row for the same target shows the same figure, its parts and verdict.
            let row = try #require(
                page.components(separatedBy: "</span> \(title)").dropFirst().first?.components(
                    separatedBy: "</tr>"
                ).first)
            var shown = "data-label=\"Kết quả\">\(text)"
            if let n = year["numerator"] as? Int, let d = year["denominator"] as? Int {
                shown +=
                    "<br><span class=\"note\">\(VietnameseNumber.integer(n))/\(VietnameseNumber.integer(d))</span>"
            }
            #expect(row.contains(shown), "\(title): \(shown)")
            #expect(row.contains(try #require(year["status_label"] as? String)))
            #expect(embed.contains("<span class=\"v\">\(text)</span>"))
        }

        // The latest period's satisfaction rate, recomputed from the file: (very + satisfied) / responses.
        let csv = try String(
            contentsOf: Repository.root.appendingPathComponent(
                "Content/metrics/satisfaction/2021-10.csv"), encoding: .utf8)
        var good = 0, all = 0
        for line in csv.split(separator: "\n") where line.hasPrefix("phuong-5,2021-10,") {
            let cells = line.split(separator: ",").map {
                Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            }
            good += cells[3] + cells[4]; all += cells[3] + cells[4] + cells[5]
        }
        let satisfaction = try #require(
            figures.first { $0["clause"] as? String == "I.4.1" }?["latest"] as? [String: Any])
        #expect(
            satisfaction["numerator"] as? Int == good && satisfaction["denominator"] as? Int == all)
        #expect(satisfaction["period"] as? String == "2021-10")
        #expect(embed.contains("\(good)/\(all) · Tháng 10/2021"))
        // Every rate says what it is out of, as the unit's page does.
        for (clause, denominator) in [
            ("I.4.1", "lượt đánh giá"), ("I.5.1", "hồ sơ đã giải quyết"),
            ("I.7.1", "phản ánh, kiến nghị phải xử lý"),
        ] {
            let row = embed.components(separatedBy: "(mục \(clause);").dropFirst().first?
                .components(separatedBy: "</th>").first
            #expect(row?.contains("Mẫu số: \(denominator)") == true, "\(clause)")
            #expect(page.contains("Mẫu số: \(denominator)"), "\(clause)")
        }
    }

    @Test func aUnitBuildWritesItsEmbedAndJSON() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "congkhai-embed-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(atPath: output.path + "-cache")
        }
        var options = RealSite.options(output: output)
        options.units = ["phuong-5"]
        if case .failure(let failure) = SiteBuilder.build(options) {
            throw RealSite.Failed(diagnostics: failure.diagnostics)
        }
        let files = Set(treeContents(output).keys)
        #expect(
            files.contains("don-vi/phuong-5/nhung/index.html")
                && files.contains("don-vi/phuong-5/so-lieu.json"))
        #expect(!files.contains("don-vi/phuong-1/nhung/index.html"))
    }
}
