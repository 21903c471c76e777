import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// Articles dated after the build date wait for it; `expires:` takes a notice off the lists.
@Suite struct SchedulingTests {
    static let files = TestSite.minimal.merging([
        "Content/news/sau.md": TestSite.article("Thông báo lịch tiếp dân", date: "2021-11-29"),
        "Content/news/het-han.md": TestSite.article(
            "Thông báo tạm ngưng tiếp nhận", date: "2021-10-01",
            extra: "expires: 2021-11-15\ntags: [\"tạm ngưng\"]\n"),
        "Content/news/con-han.md": TestSite.article(
            "Thông báo còn hạn", date: "2021-10-02", extra: "expires: 2021-11-20\n"),
    ]) { $1 }

    @Test func anArticleAfterTheBuildDateWaitsAndIsListedAsScheduled() throws {
        let site = try TestSite(files: Self.files)
        let report = SiteBuilder.inspect(site.options())
        #expect(report.diagnostics.isEmpty)
        #expect(
            report.scheduled.map(\.description) == [
                site.path("Content/news/sau.md")
                    + ": \"Thông báo lịch tiếp dân\" sẽ đăng ngày 29/11/2021"
            ])
        guard case .success(let built) = site.build() else { Issue.record("build failed"); return }
        #expect(built.scheduled.map(\.title) == ["Thông báo lịch tiếp dân"])
        #expect(!site.exists("Public/tin-tuc/thong-bao-lich-tiep-dan/index.html"))
        #expect(site.read("Public/tin-tuc/index.html")?.contains("lịch tiếp dân") == false)
        #expect(site.read("Public/tin-tuc/feed.xml")?.contains("lịch tiếp dân") == false)
        #expect(site.read("Public/sitemap.xml")?.contains("thong-bao-lich-tiep-dan") == false)
    }

    /// A body edit loads nothing but the edited article, yet lists what waits as the full build did,
    /// from the cache on disk and from the one `serve` keeps in memory.
    @Test(arguments: [false, true])
    func aBodyEditStillListsTheScheduledArticles(inMemory: Bool) throws {
        // A summary of its own: the card, which a body edit must leave alone, does not quote the body.
        let summary = "summary: \"Tóm tắt\"\n"
        let site = try TestSite(
            files: Self.files.merging(["Content/news/a.md": TestSite.article(extra: summary)]) {
                $1
            })
        var options = site.options()
        if inMemory { options.cacheStore = BuildCacheStore() }
        guard case .success(let first) = SiteBuilder.build(options) else {
            Issue.record("build failed"); return
        }
        try site.write(
            "Content/news/a.md", TestSite.article(extra: summary, body: "Nội dung đã sửa."))
        guard case .success(let edited) = SiteBuilder.build(options) else {
            Issue.record("rebuild failed"); return
        }
        #expect(edited.kind == .bodyEdit)
        #expect(edited.scheduled == first.scheduled)
        #expect(edited.scheduled.map(\.title) == ["Thông báo lịch tiếp dân"])
    }

    @Test func theFirstBuildOnItsDayPublishesIt() throws {
        let site = try TestSite(files: Self.files)
        guard try site.expectSuccess(site.build()) else { return }
        // The daily build, on the article's day, with the cache of the day before.
        var later = site.options()
        later.buildDate = CalendarDay(year: 2021, month: 11, day: 29)
        guard try site.expectSuccess(SiteBuilder.build(later)) else { return }
        #expect(
            site.read("Public/tin-tuc/thong-bao-lich-tiep-dan/index.html")?.contains(
                "Thông báo lịch tiếp dân") == true)
        #expect(site.read("Public/tin-tuc/feed.xml")?.contains("thong-bao-lich-tiep-dan") == true)
        // What the cached build wrote is what a clean build writes.
        var clean = later
        clean.useCache = false
        clean.outputPath = site.path("Clean")
        guard try site.expectSuccess(SiteBuilder.build(clean)) else { return }
        #expect(
            treeContents(site.root.appendingPathComponent("Public"))
                == treeContents(site.root.appendingPathComponent("Clean")))
    }

    @Test func futureBuildsThemMarked() throws {
        let site = try TestSite(files: Self.files)
        var options = site.options()
        options.includeFuture = true
        guard case .success(let report) = SiteBuilder.build(options) else {
            Issue.record("build failed"); return
        }
        #expect(report.scheduled.isEmpty)
        let page = site.read("Public/tin-tuc/thong-bao-lich-tiep-dan/index.html") ?? ""
        #expect(page.contains("Sẽ đăng ngày 29/11/2021"))
        #expect(site.read("Public/tin-tuc/index.html")?.contains("Sẽ đăng ngày 29/11/2021") == true)
    }

    @Test func anExpiredNoticeLeavesListsAndFeedsButItsPageStaysMarked() throws {
        let site = try TestSite(files: Self.files)
        guard try site.expectSuccess(site.build()) else { return }
        let page = site.read("Public/tin-tuc/thong-bao-tam-ngung-tiep-nhan/index.html") ?? ""
        #expect(page.contains("Đã hết hiệu lực"))
        #expect(page.contains("15/11/2021"))
        for listing in [
            "Public/tin-tuc/index.html", "Public/tin-tuc/feed.xml", "Public/index.html",
            "Public/tin-tuc/chuyen-muc/thong-bao/index.html",
        ] {
            #expect(
                site.read(listing)?.contains("tam-ngung-tiep-nhan") == false,
                "\(listing) still lists it")
        }
        // Its only tag has no listed article left: no tag page.
        #expect(!site.exists("Public/tin-tuc/the/tam-ngung/index.html"))
        // Still in force on its last day.
        #expect(site.read("Public/tin-tuc/index.html")?.contains("thong-bao-con-han") == true)
        #expect(
            site.read("Public/tin-tuc/thong-bao-con-han/index.html")?.contains("Đã hết hiệu lực")
                == false)
    }

    @Test func aBadExpiryDateIsAnErrorWhereItIsWritten() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Content/news/b.md": TestSite.article("Hai", extra: "expires: 31/12/2021\n")
            ]) { $1 })
        #expect(
            site.check() == [
                "Content/news/b.md:5:10: error: bad expiry date \"31/12/2021\"\n    note: write YYYY-MM-DD, e.g. expires: 2021-12-31"
            ])
    }
}
