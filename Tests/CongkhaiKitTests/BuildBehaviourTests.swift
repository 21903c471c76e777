import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// What users rely on: determinism, atomic publishing, confinement, escaping.
@Suite struct BuildBehaviourTests {
    @Test func sameInputsGiveByteIdenticalOutput() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Content/news/b.md": TestSite.article(
                    "Hai", date: "2021-04-01",
                    extra: "tags: [\"một cửa\", \"hài lòng\"]\nunit: phuong-1\n"),
                "Content/news/c.md": TestSite.article(
                    "Ba", date: "2021-05-01T08:00:00+07:00", extra: "tags: [\"một cửa\"]\n"),
            ]) { $1 })
        guard try site.expectSuccess(site.build(output: "one")),
            try site.expectSuccess(site.build(output: "two"))
        else { return }
        let one = treeContents(site.root.appendingPathComponent("one"))
        let two = treeContents(site.root.appendingPathComponent("two"))
        #expect(one.count > 20)
        #expect(one == two)
    }

    @Test func failedBuildLeavesThePublishedSiteUntouched() throws {
        let site = try TestSite()
        guard try site.expectSuccess(site.build()) else { return }
        let before = treeContents(site.root.appendingPathComponent("Public"))
        try site.write("Content/news/b.md", TestSite.article("Hỏng", date: "2021-13-01"))
        #expect(!site.buildErrors().isEmpty)
        #expect(treeContents(site.root.appendingPathComponent("Public")) == before)
        // No staging folder is left behind either.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
            $0.contains("staging")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func anOutputThatHoldsTheSourcesIsRefusedAndNothingIsTouched() throws {
        let site = try TestSite()
        try FileManager.default.createDirectory(
            atPath: site.path("Templates"), withIntermediateDirectories: true)
        let before = treeContents(site.root)
        // `--output Content`, an output inside the content, one that holds it, the templates:
        // a build swaps its whole output, so each would replace the district's files.
        let cases: [(output: String, error: String)] = [
            (
                "Content",
                "--output: error: the output folder Content holds the content folder Content"
            ),
            ("Content/news", "the output folder Content/news is inside the content folder Content"),
            (".", "the output folder . holds the content folder Content"),
            ("Templates", "the output folder Templates holds the templates folder Templates"),
            (
                "Templates/x",
                "the output folder Templates/x is inside the templates folder Templates"
            ),
        ]
        for (output, error) in cases {
            let result = site.build(output: output)
            guard case .failure(let failure) = result else {
                Issue.record("a build into \(output) succeeded")
                continue
            }
            let lines = failure.diagnostics.map {
                $0.description.replacingOccurrences(of: site.root.path + "/", with: "")
                    .replacingOccurrences(of: site.root.path, with: ".")
            }
            #expect(lines.contains { $0.contains(error) }, "\(output): \(lines)")
            #expect(treeContents(site.root) == before, "\(output) changed the site's files")
        }
        // Relative paths and symbolic links are seen through.
        try FileManager.default.createSymbolicLink(
            atPath: site.path("link"), withDestinationPath: site.path("Content"))
        #expect(!site.buildErrors(output: "link").isEmpty)
        #expect(!site.buildErrors(output: "link/../Content").isEmpty)
        // The working folder: an output that holds it is refused.
        let working = OutputPlacement.problems(
            BuildOptions(
                contentPath: site.path("Content"), templatesPath: nil,
                outputPath: FileManager.default.currentDirectoryPath + "/..",
                includeDrafts: false, buildDate: CalendarDay(year: 2021, month: 11, day: 20)))
        #expect(working.contains { $0.message.contains("holds the working folder") })
        // A cache inside the output would be published.
        var cached = site.options()
        cached.cacheDirectory = site.path("Public/.cache")
        guard case .failure(let failure) = SiteBuilder.build(cached) else {
            Issue.record("a build with its cache inside the output succeeded")
            return
        }
        #expect(
            failure.diagnostics.map(\.message) == [
                "the build cache \(site.path("Public/.cache")) would be inside the output folder \(site.path("Public"))"
            ])
        #expect(!site.exists("Public"))
        // Beside the sources, an output of its own still builds.
        guard try site.expectSuccess(site.build(output: "site")) else { return }
        #expect(site.exists("site/index.html"))
    }

    @Test func successfulBuildReplacesOldFiles() throws {
        let site = try TestSite()
        guard try site.expectSuccess(site.build()) else { return }
        try site.write("Public/stray.html", "old")
        var clean = site.options()
        clean.useCache = false  // a clean build replaces the whole folder
        guard try site.expectSuccess(SiteBuilder.build(clean)) else { return }
        #expect(!site.exists("Public/stray.html"))
        #expect(site.exists("Public/tin-tuc/tin-thu/index.html"))
    }

    @Test func nothingIsWrittenOutsideTheOutput() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Content/news/b.md": TestSite.article(
                    "../../../tmp/x", extra: "tags: [\"../../etc\", \"/etc/passwd\"]\n"),
                "Content/plan/..md": "---\ntitle: Kế hoạch\n---\nx\n",
            ]) { $1 })
        guard try site.expectSuccess(site.build(output: "site/Public")) else { return }
        let everything = treeContents(site.root)
        // The build cache goes where the options say (here the test's .cache), never where content says.
        // Beside the output, only its lock file (one build per output at a time).
        let outside = everything.keys.filter {
            !$0.hasPrefix("site/Public/") && !$0.hasPrefix("Content/") && !$0.hasPrefix(".cache/")
                && $0 != "site/.Public.lock"
        }
        #expect(outside.isEmpty, "written outside the output: \(outside)")
        #expect(site.exists("site/Public/tin-tuc/tmp-x/index.html"))
        #expect(site.exists("site/Public/tin-tuc/the/etc-passwd/index.html"))
        #expect(OutputPath(components: ["..", "x"]) == nil)
        #expect(OutputPath(urlPath: "/a/../b/") == nil)
    }

    @Test func scriptsAndJavascriptLinksNeverReachAPage() throws {
        let body = """
            <script>alert(1)</script>

            [bấm](javascript:alert(1)) [ảnh](data:text/html;base64,PHNjcmlwdD4=) <img src=x onerror=alert(1)>

            <a href="javascript:alert(2)">x</a>
            """
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Content/news/a.md": TestSite.article(
                    "<script>alert('t')</script>",
                    extra: "summary: \"<img src=x onerror=alert(1)>\"\ntags: [\"<b>đậm</b>\"]\n",
                    body: body)
            ]) { $1 })
        guard try site.expectSuccess(site.build()) else { return }
        for (path, data) in treeContents(site.root.appendingPathComponent("Public"))
        where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            // The theme's own search script (on /tim-kiem/ only) is the one script a page may load.
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(
                of: #"<script src="/assets/search.js" defer></script>"#, with: "")
            #expect(!text.contains("<script"), "\(path) has a script")
            #expect(!text.lowercased().contains("javascript:"), "\(path) has a javascript: link")
            #expect(!text.contains("<img src=x"), "\(path) has raw HTML")
            #expect(!text.contains("<b>"), "\(path) has raw HTML")
        }
        let article = site.read("Public/tin-tuc/script-alert-t-script/index.html") ?? ""
        #expect(article.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"))
    }

    @Test func rawHTMLOnlyWhenTheSiteOptsIn() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Content/site.yml": TestSite.site + "\nallow_raw_html: true\n",
                "Content/news/a.md": TestSite.article(body: "<figure>hình</figure>"),
            ]) { $1 })
        guard try site.expectSuccess(site.build()) else { return }
        #expect(
            site.read("Public/tin-tuc/tin-thu/index.html")?.contains("<figure>hình</figure>")
                == true)
    }

    @Test func draftsOnlyWithTheFlag() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Content/news/b.md": TestSite.article("Nháp", extra: "draft: true\n")
            ]) { $1 })
        guard try site.expectSuccess(site.build()) else { return }
        #expect(!site.exists("Public/tin-tuc/nhap/index.html"))
        guard try site.expectSuccess(site.build(drafts: true)) else { return }
        #expect(site.exists("Public/tin-tuc/nhap/index.html"))
    }

    @Test func aSitesTemplateOverridesTheDefaultThemeFileByFile() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Templates/404.mustache": "<p>riêng {{site.title}}</p>"
            ]) { $1 })
        guard try site.expectSuccess(site.build()) else { return }
        #expect(site.read("Public/404.html") == "<p>riêng Trang thử</p>")
        #expect(site.read("Public/index.html")?.contains("<!DOCTYPE html>") == true)
    }

    @Test func unitIsNamedAsItWasCalledOnTheArticlesDate() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Content/news/a.md": TestSite.article(
                    "Trước", date: "2021-06-30", extra: "unit: van-phong\n"),
                "Content/news/b.md": TestSite.article(
                    "Sau", date: "2021-07-01", extra: "unit: van-phong\n"),
            ]) { $1 })
        guard try site.expectSuccess(site.build()) else { return }
        #expect(
            site.read("Public/tin-tuc/truoc/index.html")?.contains("Văn phòng HĐND và UBND quận")
                == true)
        #expect(
            site.read("Public/tin-tuc/sau/index.html")?.contains(">Văn phòng UBND quận<") == true)
    }
}

@Suite struct UnitBuildTests {
    /// Builds the whole site into `full` and `units`' pages into `unit`; returns both trees.
    func fullAndUnitBuilds(
        _ site: TestSite, units: [String]
    ) throws -> (full: [String: Data], unit: [String: Data])? {
        guard try site.expectSuccess(site.build(output: "full")) else { return nil }
        var options = site.options(output: "unit")
        options.units = units
        guard try site.expectSuccess(SiteBuilder.build(options)) else { return nil }
        return (
            treeContents(site.root.appendingPathComponent("full")),
            treeContents(site.root.appendingPathComponent("unit"))
        )
    }

    /// Each file of the unit build is the full build's, its links made for the unit's own host
    /// (UnitLinks).
    func expectSamePages(
        _ full: [String: Data], _ unit: [String: Data],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let links = UnitLinks(
            written: Set(unit.keys), siteBase: "https://example.gov.vn/", unitBase: nil)
        for (path, data) in unit {
            #expect(
                full[path].map { links.rewrite($0, at: path) } == data,
                "\(path) differs from the full build", sourceLocation: sourceLocation)
        }
    }

    @Test func unitOutputEqualsTheUnitsPagesOfAFullBuild() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Content/news/b.md": TestSite.article(
                    "Phường 1 một", date: "2021-04-01",
                    extra: "unit: phuong-1\ntags: [\"một cửa\"]\n"),
                "Content/news/c.md": TestSite.article(
                    "Phường 1 hai", date: "2021-05-01", extra: "unit: phuong-1\n"),
                "Content/news/d.md": TestSite.article(
                    "Văn phòng", date: "2021-06-01", extra: "unit: van-phong\n"),
            ]) { $1 })
        guard let (full, unit) = try fullAndUnitBuilds(site, units: ["phuong-1"]) else { return }
        #expect(
            Set(unit.keys) == [
                "don-vi/phuong-1/index.html", "don-vi/phuong-1/feed.xml",
                "tin-tuc/phuong-1-mot/index.html",
                "tin-tuc/phuong-1-hai/index.html", "404.html", "assets/style.css",
                "assets/icon.svg",
                "assets/search.js", "don-vi/phuong-1/nhung/index.html",
                "don-vi/phuong-1/so-lieu.json",
                "don-vi/phuong-1/the-chia-se.png", "the-chia-se.png",
            ])
        expectSamePages(full, unit)
    }

    /// Other units' articles are read only to their front matter; the neighbours a unit's article
    /// pages show are then read in full, so even a theme showing their summaries gets a full build's pages.
    @Test func neighboursFromOtherUnitsShowInFull() throws {
        var files = TestSite.minimal
        for (i, unit) in ["van-phong", "phuong-1", "van-phong", "phuong-1", "van-phong"]
            .enumerated()
        {
            files["Content/news/t\(i).md"] = TestSite.article(
                "Tin \(i)", date: "2021-0\(i + 3)-01", extra: "unit: \(unit)\n",
                body: "Đoạn đầu của tin \(i), dùng làm tóm tắt.\n\nĐoạn hai.")
        }
        files["Templates/article.mustache"] =
            "{{<layout}}{{$content}}{{#article}}<h1>{{title}}</h1>{{{body}}}{{/article}}"
            + "{{#newer}}<p>{{title}}: {{summary}}</p>{{/newer}}{{#older}}<p>{{title}}: {{summary}}</p>{{/older}}{{/content}}{{/layout}}\n"
        let site = try TestSite(files: files)
        guard let (full, unit) = try fullAndUnitBuilds(site, units: ["phuong-1"]) else { return }
        #expect(
            unit.keys.filter { $0.hasPrefix("tin-tuc/") }.sorted() == [
                "tin-tuc/tin-1/index.html", "tin-tuc/tin-3/index.html",
            ])
        expectSamePages(full, unit)
        #expect(
            site.read("unit/tin-tuc/tin-1/index.html")?.contains(
                "Tin 2: Đoạn đầu của tin 2, dùng làm tóm tắt.") == true)
    }

    @Test func unknownUnitIsAnError() throws {
        let site = try TestSite()
        var options = site.options()
        options.units = ["phuong-2"]
        guard case .failure(let failure) = SiteBuilder.build(options) else {
            Issue.record("expected a failure"); return
        }
        #expect(
            failure.diagnostics.map(\.description) == [
                "--unit: error: unknown unit \"phuong-2\"\n    note: did you mean \"phuong-1\"?"
            ])
    }
}

@Suite struct InterruptedBuildTests {
    @Test func foldersLeftByAKilledBuildAreCleanedUp() throws {
        let site = try TestSite()
        try site.write(".Public.staging-99999/tin-tuc/x/index.html", "dở dang")
        try site.write(".Public.old-99999/index.html", "cũ")
        guard try site.expectSuccess(site.build()) else { return }
        let left = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
            $0.hasPrefix(".Public.")
        }
        #expect(left == [".Public.lock"])
    }
}

@Suite struct RankingTests {
    /// A national site has ten thousand units: beyond `ranking_rows` a period page ranks the best and
    /// the worst, and says how many are between (the open data lists them all).
    @Test func aLongRankingShowsTheBestAndTheWorst() throws {
        var files = TestSite.minimal
        files["Content/units.yml"] =
            TestSite.units
            + "\n- id: phuong-3\n  name: \"Ủy ban nhân dân Phường 3\"\n  kind: ward\n  short: \"Phường 3\"\n"
        files["Content/site.yml"] = TestSite.site + "\nranking_rows: 2\n"
        files["Content/fields.yml"] = "- id: ho-tich\n  name: Hộ tịch\n"
        files["Content/metrics/dossiers/2021-10.csv"] =
            IncrementalBuildTests.dossiers
            + "phuong-1,2021-10,ho-tich,0,2,8,0,10,0,0,0\nvan-phong,2021-10,ho-tich,0,2,8,0,8,2,0,0\nphuong-3,2021-10,ho-tich,0,2,8,0,9,1,0,0\n"
        let site = try TestSite(files: files)
        guard try site.expectSuccess(site.build()) else { return }
        let page = try #require(site.read("Public/thong-ke/2021-10/index.html"))
        let table = try #require(
            page.components(separatedBy: "<h2>Xếp hạng đơn vị").dropFirst().first)
        let ranking = try #require(
            table.components(separatedBy: "<tbody>").dropFirst().first?.components(
                separatedBy: "</tbody>"
            ).first)
        #expect(
            ranking.contains("<td class=\"num rank\" data-label=\"Hạng\">1</td>")
                && ranking.contains("Phường 1"))
        #expect(ranking.contains("… 1 đơn vị ở giữa bảng xếp hạng"))
        #expect(
            ranking.contains("<td class=\"num rank\" data-label=\"Hạng\">3</td>")
                && ranking.contains("Văn phòng"))
        #expect(
            !ranking.contains("Phường 3")
                && !ranking.contains("<td class=\"num rank\" data-label=\"Hạng\">2</td>"))
    }
}
