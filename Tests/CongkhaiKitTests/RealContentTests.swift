import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// Builds the district's real Content/ with the repository's Templates/, then checks that every
/// page the site promises exists and that every internal link and asset resolves.
@Suite struct RealContentTests {
    @Test func goVapSiteBuildsAndEveryInternalLinkResolves() throws {
        let (output, report) = try RealSite.built()
        #expect(report.diagnostics.errors.isEmpty)
        let files = Set(treeContents(output).keys)

        // Pages SPEC promises.
        var promised = [
            "index.html", "tin-tuc/index.html", "tin-tuc/feed.xml", "tin-tuc/the/index.html",
            "don-vi/index.html",
            "thong-ke/index.html", "thong-ke/2021/index.html", "thong-ke/2021-Q1/index.html",
            "thong-ke/2021-10/index.html",
            "ke-hoach/index.html", "cong-khai/index.html", "du-lieu/index.html",
            "du-lieu/datapackage.json",
            "du-lieu/dossiers.csv", "du-lieu/dossiers.json", "du-lieu/chi-so.csv",
            "sitemap.xml", "robots.txt", "404.html",
        ]
        promised += Category.all.map { "tin-tuc/chuyen-muc/\($0.id)/index.html" }
        let units = try String(
            contentsOf: Repository.root.appendingPathComponent("Content/units.yml"), encoding: .utf8
        )
        .split(separator: "\n").filter { $0.hasPrefix("- id: ") }.map { String($0.dropFirst(6)) }
        #expect(units.count == 34)
        promised += units.flatMap { ["don-vi/\($0)/index.html", "don-vi/\($0)/feed.xml"] }
        for page in promised { #expect(files.contains(page), "missing \(page)") }

        // Every href/src in every HTML page resolves to a file of the site.
        var broken: [String] = []
        let attribute = try NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        for page in files where page.hasSuffix(".html") {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            for match in attribute.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let link = String(html[Range(match.range(at: 1), in: html)!])
                guard !link.hasPrefix("http"), !link.hasPrefix("mailto:"), !link.hasPrefix("#")
                else { continue }
                // A static host ignores the query (`/tim-kiem/?q=…`) and the fragment.
                var path = link.split(separator: "#", maxSplits: 1).first.map(String.init) ?? link
                path =
                    path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first
                    .map(String.init) ?? path
                if !path.hasPrefix("/") {
                    path = "/" + (page as NSString).deletingLastPathComponent + "/" + path
                }
                var target = String(path.dropFirst())
                if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                if !files.contains(target) { broken.append("\(page) → \(link)") }
            }
        }
        #expect(broken.isEmpty, "broken internal links: \(broken.prefix(20))")
    }
}

/// The open data is described by a Frictionless Data Package whose schemas match the files.
@Suite struct OpenDataTests {
    @Test func dataPackageDescribesEveryCSVFile() throws {
        let folder = try RealSite.built().output.appendingPathComponent("du-lieu")
        let package =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent("datapackage.json")))
            as! [String: Any]
        #expect(package["profile"] as? String == "tabular-data-package")
        let resources = package["resources"] as! [[String: Any]]
        #expect(resources.count == 10)  // 4 built-in + 5 declared datasets + the computed figures
        for resource in resources {
            #expect(resource["profile"] as? String == "tabular-data-resource")
            let path = resource["path"] as! String
            let csv = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            let header =
                csv.split(separator: "\n").first.map { $0.split(separator: ",").map(String.init) }
                ?? []
            let fields = ((resource["schema"] as! [String: Any])["fields"] as! [[String: Any]]).map
            { $0["name"] as! String }
            #expect(header == fields, "\(path): header and schema differ")
            // Every JSON twin parses.
            if path != "chi-so.csv" {
                let json = folder.appendingPathComponent(
                    path.replacingOccurrences(of: ".csv", with: ".json"))
                #expect(
                    (try? JSONSerialization.jsonObject(with: Data(contentsOf: json))) != nil,
                    "\(json.lastPathComponent) is not JSON")
            }
        }
    }
}

@Suite struct PagePlanTests {
    @Test func everyPlannedFileIsUnique() throws {
        let options = RealSite.options(output: URL(fileURLWithPath: "unused"))
        let log = DiagnosticLog()
        let prepared = try #require(SiteBuilder.prepare(options, log: log))
        let figures = prepared.figures(on: options.buildDate)
        let plan = prepared.plan(figures)
        let paths = plan.pages.map(\.path.relative)
        let duplicates = Dictionary(grouping: paths, by: { $0 }).filter { $0.value.count > 1 }.keys
            .sorted()
        #expect(duplicates.isEmpty, "planned twice: \(duplicates)")
        #expect(
            figures.statisticsSpans.filter { $0.kind == .year }.map(\.label) == [
                "Năm 2021 (đến hết tháng 10)"
            ])
    }
}

/// The plan's section I shows, beside each measurable clause, the district's value and how many units meet it.
@Suite struct PlanProgressTests {
    @Test func everyMeasurableClauseHasItsProgressBesideIt() throws {
        let output = try RealSite.built().output
        let page = try String(
            contentsOf: output.appendingPathComponent("ke-hoach/muc-tieu/index.html"),
            encoding: .utf8)
        let targets = try String(
            contentsOf: Repository.root.appendingPathComponent("Content/targets.yml"),
            encoding: .utf8)
        let sectionI = targets.components(separatedBy: "clause: \"I.").count - 1
        #expect(
            page.components(separatedBy: "<aside class=\"clause-progress\"").count - 1 == sectionI)
        // I.5.1 sits right after its clause text, with the district's value and the units meeting it.
        let clause = try #require(page.range(of: "<strong>5.1.</strong>"))
        let after = String(page[clause.upperBound...].prefix(1500))
        #expect(after.contains("clause-progress"))
        #expect(after.contains("yêu cầu ≥ 98,0%"))
        #expect(after.contains("Đơn vị đạt: "))
    }
}

/// Open-data files are streamed to disk through a fixed buffer: the bytes must be those of the
/// file made whole, whatever the sizes of the appends and of the buffer.
@Suite struct ByteSinkTests {
    func fill(_ sink: ByteSink) {
        for i in 0..<500 {
            sink.append("dòng \(i),")
            sink.append(i * 7919)
            // some appends exceed the chunk
            sink.append(Array(repeating: UInt8(0x61 + i % 26), count: i % 97))
            sink.append(.perMille(i))
            sink.append(UInt8(0x0A))
        }
    }

    @Test func drainedChunksMakeTheWholeFile() {
        let whole = ByteSink()
        fill(whole)
        let size = whole.count
        let expected = whole.data()
        for chunk in [64, 100, 4096] {
            var drained: [UInt8] = []
            var calls = 0
            let sink = ByteSink(chunk: chunk) { bytes in
                drained.append(contentsOf: bytes)
                calls += 1
                return true
            }
            fill(sink)
            #expect(sink.finish())
            #expect(sink.written == size)
            #expect(Data(drained) == expected, "chunk \(chunk)")
            #expect(
                calls > size / max(chunk, 97) / 2,
                "the buffer was drained as it filled, not once at the end")
        }
    }

    @Test func aFailedDrainIsReported() {
        var calls = 0
        let sink = ByteSink(chunk: 64) { _ in
            calls += 1; return false
        }
        fill(sink)
        #expect(!sink.finish())
        #expect(calls == 1, "nothing more is drained after a failure")
    }
}
