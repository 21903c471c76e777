import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// After each kind of edit, an incremental build (from the cache) gives exactly the files of a
/// clean build, and rewrites only what depends on the edit.
@Suite struct IncrementalBuildTests {
    static let dossiers =
        "unit,period,field,carried_over,received_online,received_offline,resolved_early,resolved_on_time,resolved_late,pending_in_time,pending_overdue\n"

    func makeSite() throws -> TestSite { try TestSite(files: Self.siteFiles()) }

    static func siteFiles() -> [String: String] {
        var files = TestSite.minimal
        files["Content/fields.yml"] = "- id: ho-tich\n  name: Hộ tịch\n"
        files["Content/targets.yml"] =
            "- id: dung-han\n  clause: \"I.5.1\"\n  title: Đúng hạn\n  indicator: dossiers.on_time_rate\n  op: \">=\"\n  value: 0.98\n"
        files["Content/metrics/dossiers/2021-09.csv"] =
            Self.dossiers + "phuong-1,2021-09,ho-tich,0,1,9,0,10,0,0,0\n"
        files["Content/metrics/dossiers/2021-10.csv"] =
            Self.dossiers + "phuong-1,2021-10,ho-tich,0,2,8,1,9,0,0,0\n"
        for i in 1...7 {
            files["Content/news/tin-\(i).md"] = Self.article(i, body: "Nội dung \(i).")
        }
        return files
    }

    /// The site with 73 more articles: enough pages that a change to the figures is an
    /// incremental build, not a whole one (beyond a quarter of the pages).
    static func siteFilesWithMorePages() -> [String: String] {
        var files = siteFiles()
        for i in 8...80 {
            files["Content/news/tin-\(i).md"] = TestSite.article(
                "Tin thêm \(i)", date: "2020-\(String(format: "%02d", i % 12 + 1))-10",
                extra: "tags: [\"thẻ \(i)\"]\n")
        }
        return files
    }

    static func article(_ i: Int, body: String) -> String {
        TestSite.article(
            "Tin số \(i)", date: "2021-0\(i)-10",
            extra: (i % 2 == 0 ? "unit: phuong-1\n" : "")
                + "tags: [\"thẻ \(i % 3)\"]\nsummary: \"Tóm tắt \(i)\"\n", body: body)
    }

    /// Builds incrementally into Public, and clean into Clean; returns (pages rewritten, total pages).
    func compare(
        _ site: TestSite, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> (Int, Int) {
        let (incremental, total) = try compareReport(site, sourceLocation: sourceLocation)
        return (incremental?.pagesWritten ?? 0, total)
    }

    /// As `compare`, returning the incremental build's report.
    func compareReport(
        _ site: TestSite, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> (BuildReport?, Int) {
        guard case .success(let incremental) = site.build() else {
            Issue.record("incremental build failed", sourceLocation: sourceLocation);
            return (nil, 0)
        }
        var clean = site.options(output: "Clean")
        clean.useCache = false
        guard case .success(let full) = SiteBuilder.build(clean) else {
            Issue.record("clean build failed", sourceLocation: sourceLocation); return (nil, 0)
        }
        let a = treeContents(site.root.appendingPathComponent("Public")),
            b = treeContents(site.root.appendingPathComponent("Clean"))
        #expect(
            Set(a.keys) == Set(b.keys),
            "files differ: \(Set(a.keys).symmetricDifference(b.keys).sorted())",
            sourceLocation: sourceLocation)
        for (path, data) in b where a[path] != data {
            Issue.record("\(path) differs from a clean build", sourceLocation: sourceLocation)
        }
        return (incremental, full.pagesWritten)
    }

    /// Each file under `folder` (relative path) with its inode: a file replaced has a new one.
    static func inodes(_ folder: URL) -> [String: Int] {
        var found: [String: Int] = [:]
        for (path, _) in treeContents(folder) {
            let attributes = try? FileManager.default.attributesOfItem(
                atPath: folder.appendingPathComponent(path).path)
            found[path] = (attributes?[.systemFileNumber] as? Int) ?? -1
        }
        return found
    }

    static func tookBodyEditPath(_ report: BuildReport?) -> Bool {
        report?.kind == .bodyEdit
    }

    @Test func aBodyEditRendersOnlyThatPageWithoutLoadingTheSite() throws {
        let site = try makeSite()
        _ = try compare(site)
        // The newest article (no newer neighbour), one in the middle, the oldest (no older one).
        for i in [7, 4, 1] {
            try site.write(
                "Content/news/tin-\(i).md",
                Self.article(i, body: "Nội dung mới \(i).\n\n## Mục\n\nĐoạn *hai*."))
            let (report, _) = try compareReport(site)
            #expect(report?.pagesWritten == 1)
            #expect(Self.tookBodyEditPath(report), "\(report?.stageTimings.map(\.stage) ?? [])")
        }
        // Two at once; then a full incremental build still agrees with the cache the body edits left.
        try site.write("Content/news/tin-2.md", Self.article(2, body: "Hai."))
        try site.write("Content/news/tin-3.md", Self.article(3, body: "Ba."))
        let (both, _) = try compareReport(site)
        #expect(both?.pagesWritten == 2 && Self.tookBodyEditPath(both))
        try site.write(
            "Content/news/tin-5.md",
            TestSite.article("Tin số năm", date: "2021-05-10", extra: "tags: [\"thẻ 2\"]\n"))
        let (full, _) = try compareReport(site)
        #expect(!Self.tookBodyEditPath(full), "a new title shows on other pages")
        #expect((full?.pagesWritten ?? 0) > 1)
    }

    @Test func aBodyEditKeepingItsLinksToPagesTakesTheFastPath() throws {
        let site = try makeSite()
        let linked = "Xem [đơn vị](/don-vi/phuong-1/) và [tin tức](/tin-tuc/)."
        try site.write("Content/news/tin-4.md", Self.article(4, body: linked))
        _ = try compare(site)
        // The same links, more text: checked by the last build against a plan that is unchanged.
        try site.write(
            "Content/news/tin-4.md", Self.article(4, body: linked + "\n\nĐoạn bổ sung."))
        let (kept, _) = try compareReport(site)
        #expect(kept?.pagesWritten == 1 && Self.tookBodyEditPath(kept))
        // A link it did not have is checked against the plan: the full path.
        try site.write(
            "Content/news/tin-4.md",
            Self.article(4, body: linked + "\n\nXem [các đơn vị](/don-vi/)."))
        #expect(!Self.tookBodyEditPath(try compareReport(site).0))
        // A link to a page the site does not have fails the build, as a clean build does.
        try site.write(
            "Content/news/tin-4.md", Self.article(4, body: linked + " [sai](/don-vi/khong-co/)"))
        guard case .failure(let failure) = site.build() else {
            Issue.record("a link to a missing page must fail the build")
            return
        }
        #expect(failure.diagnostics.contains { $0.message.contains("/don-vi/khong-co/") })
    }

    @Test func aBuildWithNothingChangedLoadsNothingAndAMissingFileIsWrittenAgain() throws {
        let site = try makeSite()
        _ = try compare(site)
        let (unchanged, _) = try compareReport(site)
        let stages = unchanged?.stageTimings.map(\.stage) ?? []
        #expect(unchanged?.pagesWritten == 0 && !stages.contains("load and validate"), "\(stages)")
        // A file of the output removed by hand: the build takes its usual path and writes it.
        try FileManager.default.removeItem(
            at: site.root.appendingPathComponent("Public/don-vi/phuong-1/index.html"))
        let (repaired, _) = try compareReport(site)
        #expect(repaired?.pagesWritten == 1)
        #expect(repaired?.stageTimings.map(\.stage).contains("load and validate") == true)
    }

    @Test func aFrontMatterEditTakesTheFullPath() throws {
        let site = try makeSite()
        _ = try compare(site)
        // A summary shows on lists; a new file is a new page; a template is shared.
        try site.write(
            "Content/news/tin-4.md",
            Self.article(4, body: "Nội dung 4.").replacingOccurrences(
                of: "Tóm tắt 4", with: "Tóm tắt mới"))
        #expect(!Self.tookBodyEditPath(try compareReport(site).0))
        try site.write("Content/news/tin-8.md", Self.article(8, body: "Tám."))
        #expect(!Self.tookBodyEditPath(try compareReport(site).0))
        try site.write(
            "Content/news/tin-8.md",
            Self.article(8, body: "Tám, sửa.").replacingOccurrences(
                of: "2021-08-10", with: "2021-08-11"))
        #expect(!Self.tookBodyEditPath(try compareReport(site).0))
    }

    @Test func editingOneArticleRewritesOnlyItsPages() throws {
        let site = try makeSite()
        _ = try compare(site)
        try site.write(
            "Content/news/tin-1.md",
            TestSite.article(
                "Tin số 1", date: "2021-01-10",
                extra: "tags: [\"thẻ 1\"]\nsummary: \"Tóm tắt 1\"\n", body: "Nội dung mới."))
        let (written, total) = try compare(site)
        #expect(written == 1, "only the article's own page: \(written) of \(total)")
        // A new title shows on lists, tags, feeds and its neighbours too, but not everywhere.
        try site.write(
            "Content/news/tin-1.md",
            TestSite.article("Tin số một", date: "2021-01-10", extra: "tags: [\"thẻ 1\"]\n"))
        let (again, _) = try compare(site)
        #expect(again > 1 && again < total)
    }

    @Test func editingAMetricFileRewritesTheFigurePages() throws {
        let site = try makeSite()
        _ = try compare(site)
        try site.write(
            "Content/metrics/dossiers/2021-10.csv",
            Self.dossiers + "phuong-1,2021-10,ho-tich,0,2,8,0,9,1,0,0\n")
        let (written, _) = try compare(site)
        #expect(written > 0)
    }

    @Test func editingATemplateRewritesThePagesThatUseIt() throws {
        let site = try makeSite()
        _ = try compare(site)
        try site.write("Templates/404.mustache", "<p>Không có trang này.</p>\n")
        let (written, _) = try compare(site)
        #expect(written == 1)
        try site.write(
            "Templates/tags.mustache", "{{#tags}}<a href=\"{{url}}\">{{name}}</a>{{/tags}}\n")
        let (tags, _) = try compare(site)
        #expect(tags == 1)
        // The footer is rendered once and included as {{{fragment.footer}}} by the layout: every page that uses it.
        try site.write("Templates/footer.mustache", "<footer><p>Chân trang mới.</p></footer>\n")
        let (footer, total) = try compare(site)
        #expect(footer > total / 2)
        // Cards are rendered once from `article-card` and reach lists as `{{{articles_html}}}`: every list shows the edit.
        try site.write(
            "Templates/article-card.mustache",
            "<li class=\"card\"><a href=\"{{url}}\">{{title}}</a></li>\n")
        let (cards, _) = try compare(site)
        #expect(cards > 1)
        #expect(
            (site.read("Public/tin-tuc/index.html") ?? "").contains(
                "<li class=\"card\"><a href=\"/tin-tuc/"))
    }

    /// Fingerprints cover the site's inputs, not congkhai's own code: a cache belongs to the program that wrote it.
    @Test func aCacheBelongsToTheProgramThatWroteIt() {
        #expect(
            CacheSession.toolStamp != 0,
            "the running program's size and time are part of the cache's key")
    }

    @Test func templatesAreScannedForTheirIncludes() {
        let source =
            "{{<layout}}{{$content}}{{> pager }}{{{fragment.header}}}{{title}}{{{html}}}{{/content}}{{/layout}}"
        #expect(PageFingerprints.references(in: source) == ["layout", "pager"])
        #expect(PageFingerprints.fragments(in: source) == ["header"])
    }

    @Test func editingUnitsDeletingAndRenaming() throws {
        let site = try makeSite()
        _ = try compare(site)
        try site.write(
            "Content/units.yml",
            TestSite.units.replacingOccurrences(of: "short: \"Phường 1\"", with: "short: \"P. 1\""))
        _ = try compare(site)
        try site.remove("Content/news/tin-3.md")
        _ = try compare(site)
        #expect(!site.exists("Public/tin-tuc/tin-so-3/index.html"))
        // Renaming the file changes nothing the reader sees; changing the slug moves the page.
        try FileManager.default.moveItem(
            atPath: site.path("Content/news/tin-4.md"), toPath: site.path("Content/news/bon.md"))
        _ = try compare(site)
        try site.write(
            "Content/news/bon.md",
            TestSite.article(
                "Tin số 4", date: "2021-04-10", extra: "unit: phuong-1\nslug: tin-bon\n"))
        _ = try compare(site)
        #expect(!site.exists("Public/tin-tuc/tin-so-4/index.html"))
        #expect(site.exists("Public/tin-tuc/tin-bon/index.html"))
    }

    @Test func aCorruptOrForeignCacheIsRebuiltNotTrusted() throws {
        let site = try makeSite()
        _ = try compare(site)
        func damage(_ name: String) throws {
            let folders = try FileManager.default.contentsOfDirectory(atPath: site.path(".cache"))
            // The output's own folder, beside the shared card store.
            let folder = try #require(folders.first { $0 != "cards" }, "no cache folder")
            let url = URL(fileURLWithPath: site.path(".cache/\(folder)/\(name)"))
            var bytes = try Data(contentsOf: url)
            bytes[bytes.count / 2] ^= 0xFF
            try bytes.write(to: url)
        }
        // Damaged metric tables (their inputs unchanged) are read again from the metric files.
        try damage("metrics")
        try site.write(
            "Content/news/tin-6.md",
            TestSite.article("Tin số 6", date: "2021-06-10", extra: "unit: phuong-1\n"))
        _ = try compare(site)
        // A damaged manifest, or any damaged shard: nothing of the cache is trusted.
        try damage("manifest")
        try site.write(
            "Content/news/tin-2.md",
            TestSite.article("Tin số 2", date: "2021-02-10", extra: "unit: phuong-1\n"))
        let (written, total) = try compare(site)
        #expect(written == total, "a damaged cache means a full build")
        // The shard that holds the edited article: the body edit cannot use it, nor can the full path.
        let shard = CacheFiles.shard(of: "news/tin-3.md")
        try damage(shard < 10 ? "articles-0\(shard)" : "articles-\(shard)")
        try site.write("Content/news/tin-3.md", Self.article(3, body: "Ba, sau khi hỏng."))
        let (again, all) = try compare(site)
        #expect(again == all, "a damaged shard means a full build")
        // A page edited by hand in the output is noticed (its size no longer matches) and rewritten.
        try site.write("Public/tin-tuc/tin-so-5/index.html", "sửa tay")
        _ = try compare(site)
    }

    @Test func aCacheKeptInMemoryWorksLikeTheFile() throws {
        let site = try makeSite()
        var options = site.options()
        options.cacheStore = BuildCacheStore()
        guard try site.expectSuccess(SiteBuilder.build(options)) else { return }
        try site.write(
            "Content/news/tin-6.md",
            TestSite.article("Tin số sáu", date: "2021-06-10", extra: "unit: phuong-1\n"))
        guard case .success(let report) = SiteBuilder.build(options) else {
            Issue.record("rebuild failed"); return
        }
        #expect(report.pagesWritten > 0)
        try site.write("Content/news/tin-5.md", Self.article(5, body: "Năm, trong bộ nhớ."))
        guard case .success(let bodyEdit) = SiteBuilder.build(options) else {
            Issue.record("rebuild failed"); return
        }
        #expect(bodyEdit.pagesWritten == 1 && Self.tookBodyEditPath(bodyEdit))
        // Drawn social cards are kept on disk like photos, shared by every output; nothing else is.
        let onDisk =
            (try? FileManager.default.contentsOfDirectory(atPath: site.path(".cache"))) ?? []
        #expect(onDisk.allSatisfy { $0 == "cards" }, "the page cache is written to disk: \(onDisk)")
        var clean = site.options(output: "Clean")
        clean.useCache = false
        guard try site.expectSuccess(SiteBuilder.build(clean)) else { return }
        #expect(
            treeContents(site.root.appendingPathComponent("Public"))
                == treeContents(site.root.appendingPathComponent("Clean")))
    }

    @Test func warningsRepeatOnEveryBuild() throws {
        let site = try makeSite()
        // October's carried-over count (5) differs from September's pending (0): a warning.
        try site.write(
            "Content/metrics/dossiers/2021-10.csv",
            Self.dossiers + "phuong-1,2021-10,ho-tich,5,2,8,1,14,0,0,0\n")
        try site.write(
            "Content/news/tin-1.md",
            TestSite.article("Tin số 1", date: "2021-01-10", extra: "tag: [\"x\"]\n"))
        for i in 1...3 {
            // The third build follows a body edit: the last build warned, so the site is read again.
            if i == 3 {
                try site.write("Content/news/tin-2.md", Self.article(2, body: "Hai, sửa."))
            }
            guard case .success(let report) = site.build() else {
                Issue.record("build failed"); return
            }
            #expect(report.diagnostics.warnings.count == 2, "\(report.diagnostics)")
        }
    }

    @Test func aFailedIncrementalBuildWritesNothing() throws {
        let site = try makeSite()
        _ = try compare(site)
        let before = treeContents(site.root.appendingPathComponent("Public"))
        try site.write("Content/news/tin-1.md", TestSite.article("Tin số 1", date: "2021-13-10"))
        guard case .failure = site.build() else { Issue.record("expected a failure"); return }
        #expect(treeContents(site.root.appendingPathComponent("Public")) == before)
    }

    /// The search index's files are fingerprinted by what they hold: a new title rewrites its
    /// document's chunk and the shards of the words it adds or drops, not the whole index.
    @Test func aTitleEditRewritesOnlyTheSearchFilesThatChanged() throws {
        var files = TestSite.minimal
        // 600 articles: more than 256 documents, so the index has several shards and 13 chunks.
        for i in 0..<600 {
            let date =
                "\(2019 + i / 336)-\(String(format: "%02d-%02d", i / 28 % 12 + 1, i % 28 + 1))"
            files["Content/news/tin-\(i).md"] = TestSite.article(
                "Tin số \(i) về hộ tịch và chứng thực", date: date,
                extra: "tags: [\"thẻ \(i % 5)\"]\nsummary: \"Tóm tắt tin \(i % 40)\"\n")
        }
        let site = try TestSite(files: files)
        _ = try compare(site)
        let search = site.root.appendingPathComponent("Public/tim-kiem")
        func inodes() -> [String: Int] {
            var found: [String: Int] = [:]
            for folder in ["chi-muc", "tai-lieu"] {
                let url = search.appendingPathComponent(folder)
                for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] {
                    let attributes = try? FileManager.default.attributesOfItem(
                        atPath: url.appendingPathComponent(name).path)
                    found[folder + "/" + name] = (attributes?[.systemFileNumber] as? Int) ?? -1
                }
            }
            return found
        }
        let before = inodes()
        #expect(before.keys.filter { $0.hasPrefix("chi-muc/") }.count == 4)
        #expect(before.keys.filter { $0.hasPrefix("tai-lieu/") }.count == 13)
        try site.write(
            "Content/news/tin-300.md",
            TestSite.article(
                "Tin số 300 về hộ tịch và đất đai", date: "2019-11-21",
                extra: "tags: [\"thẻ 0\"]\nsummary: \"Tóm tắt tin 20\"\n"))
        let (written, total) = try compare(site)
        let after = inodes()
        let rewritten = after.keys.filter { before[$0] != after[$0] }.sorted()
        // The article's chunk, and the shards of "chung", "thuc" (dropped), "dat", "dai" (added).
        #expect(rewritten.filter { $0.hasPrefix("tai-lieu/") }.count == 1, "\(rewritten)")
        let shards = rewritten.filter { $0.hasPrefix("chi-muc/") }.count
        #expect(shards >= 1 && shards <= 4, "\(rewritten)")
        #expect(written < total / 10, "\(written) of \(total) files")
    }

    /// A corrected row of one unit re-renders that unit's own pages (and the district's), not
    /// another unit's; a new month for one unit moves the periods every unit is read against.
    @Test func aCorrectedRowReRendersOnlyItsUnitsPages() throws {
        var files = Self.siteFilesWithMorePages()
        let october = "Content/metrics/dossiers/2021-10.csv"
        files[october] =
            Self.dossiers + "phuong-1,2021-10,ho-tich,0,2,8,1,9,0,0,0\n"
            + "van-phong,2021-10,ho-tich,0,1,3,0,3,1,0,0\n"
        let site = try TestSite(files: files)
        _ = try compare(site)
        func inodes() -> [String: Int] { Self.inodes(site.root.appendingPathComponent("Public")) }
        func rewritten(_ before: [String: Int]) -> [String] {
            inodes().filter { before[$0.key] != $0.value }.map(\.key).sorted()
        }
        // Văn phòng's late dossier was on time after all: 4 on time, 0 late.
        var before = inodes()
        try site.write(
            october,
            Self.dossiers + "phuong-1,2021-10,ho-tich,0,2,8,1,9,0,0,0\n"
                + "van-phong,2021-10,ho-tich,0,1,3,0,4,0,0,0\n")
        _ = try compare(site)
        var changed = rewritten(before)
        #expect(changed.contains("don-vi/van-phong/index.html"), "\(changed)")
        #expect(changed.contains("don-vi/van-phong/so-lieu.json"), "\(changed)")
        #expect(!changed.contains { $0.hasPrefix("don-vi/phuong-1/") }, "\(changed)")
        // November for Phường 1 only: Văn phòng is now behind, and its pages say so.
        before = inodes()
        try site.write(
            "Content/metrics/dossiers/2021-11.csv",
            Self.dossiers + "phuong-1,2021-11,ho-tich,0,1,9,0,10,0,0,0\n")
        _ = try compare(site)
        changed = rewritten(before)
        #expect(changed.contains("don-vi/van-phong/index.html"), "\(changed)")
        #expect(changed.contains("don-vi/phuong-1/index.html"), "\(changed)")
    }

    /// The index is made from titles, summaries, tags, units, the plan and the statistics spans:
    /// a build where none of them changed keeps its files without making it again.
    @Test func aFigureCorrectionKeepsTheSearchIndexWithoutMakingIt() throws {
        let site = try TestSite(files: Self.siteFilesWithMorePages())
        _ = try compare(site)
        func inodes() -> [String: Int] {
            Self.inodes(site.root.appendingPathComponent("Public/tim-kiem"))
        }
        let before = inodes()
        #expect(before.keys.contains("chi-muc/0.json") && before.keys.contains("tai-lieu/0.json"))
        try site.write(
            "Content/metrics/dossiers/2021-10.csv",
            Self.dossiers + "phuong-1,2021-10,ho-tich,0,2,8,2,8,0,0,0\n")
        let (corrected, _) = try compareReport(site)
        let stages = corrected?.stageTimings.map(\.stage) ?? []
        #expect(corrected?.kind != .bodyEdit && !stages.contains("search index"), "\(stages)")
        #expect(inodes() == before)
        // A new title is in the index: it is made again, and its files follow.
        try site.write(
            "Content/news/tin-3.md",
            Self.article(3, body: "Nội dung 3.").replacingOccurrences(
                of: "Tin số 3", with: "Tin số ba về đất đai"))
        let (retitled, _) = try compareReport(site)
        #expect(retitled?.stageTimings.map(\.stage).contains("search index") == true)
        #expect(inodes() != before)
    }

    /// Figure pages show which units published and when, not in which order a day's articles
    /// sort: a new title that moves an article among those of its day leaves them alone.
    @Test func aTitleThatReordersADaysArticlesLeavesTheFigurePages() throws {
        let site = try makeSite()
        let unit = "unit: phuong-1\n"
        try site.write(
            "Content/news/ngay-a.md",
            TestSite.article("A cùng ngày", date: "2021-06-20", extra: unit))
        try site.write(
            "Content/news/ngay-b.md",
            TestSite.article("B cùng ngày", date: "2021-06-20", extra: "unit: van-phong\n"))
        _ = try compare(site)
        func inode(_ path: String) -> Int? {
            (try? FileManager.default.attributesOfItem(atPath: site.path("Public/" + path)))?[
                .systemFileNumber] as? Int
        }
        let figurePages = ["cong-khai/index.html", "thong-ke/index.html", "du-lieu/chi-so.csv"]
        let before = figurePages.map(inode)
        #expect(!before.contains(nil))
        try site.write(
            "Content/news/ngay-a.md",
            TestSite.article("Z cùng ngày", date: "2021-06-20", extra: unit))
        let (written, total) = try compare(site)
        #expect(figurePages.map(inode) == before, "figure pages rewritten")
        #expect(written > 0 && written < total)
    }
}
