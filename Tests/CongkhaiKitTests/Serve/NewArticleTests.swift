import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit
@testable import CongkhaiPreview

extension ServeTests {
    @Suite struct NewArticleTests {
        let day = CalendarDay(year: 2021, month: 11, day: 20)

        @Test func theTextHasEveryFrontMatterKeyAndIsADraft() {
            let text = NewArticle.text(
                title: "Phường 5 \"một cửa\" số", date: day, unit: "phuong-1",
                category: "mo-hinh-hay")
            #expect(
                text == """
                    ---
                    title: "Phường 5 \\"một cửa\\" số"
                    date: 2021-11-20
                    unit: phuong-1
                    category: mo-hinh-hay   # tuyen-truyen | mo-hinh-hay | guong-dien-hinh | thong-bao
                    tags: []                    # e.g. ["một cửa", "dịch vụ công trực tuyến"]
                    # summary: "…"              # optional; else the first paragraph
                    draft: true                 # built only with --drafts; set to false to publish
                    ---

                    Viết nội dung bài ở đây, bằng markdown: đoạn văn, **chữ đậm**, danh sách, [liên kết](https://…).

                    """)
            let withoutUnit = NewArticle.text(title: "Tin", date: day)
            #expect(withoutUnit.contains("\n# unit: "))
            #expect(withoutUnit.contains("\ncategory: tuyen-truyen "))
        }

        @Test func thePathIsTheYearFolderAndTheDatedSlug() {
            #expect(
                NewArticle.relativePath(title: "Đẩy mạnh Dịch vụ công trực tuyến!", date: day)
                    == "news/2021/2021-11-20-day-manh-dich-vu-cong-truc-tuyen.md")
        }

        @Test func theWrittenArticleLoadsCleanlyAndBuildsWithDrafts() throws {
            let site = try TestSite()
            let result = NewArticle.create(
                title: "Tiêu đề: \"mới\" #1", date: day, unit: "van-phong",
                contentPath: site.path("Content"))
            let path = try result.get()
            #expect(path == site.path("Content") + "/news/2021/2021-11-20-tieu-de-moi-1.md")
            #expect(site.check().isEmpty)
            let build = SiteBuilder.build(site.options(drafts: true))
            guard try site.expectSuccess(build) else { return }
            let page = try #require(site.read("Public/tin-tuc/tieu-de-moi-1/index.html"))
            #expect(
                page.contains("Tiêu đề: &quot;mới&quot; #1") || page.contains("Tiêu đề: \"mới\" #1")
            )
            // Without --drafts it is left out.
            guard try site.expectSuccess(SiteBuilder.build(site.options())) else { return }
            #expect(!site.exists("Public/tin-tuc/tieu-de-moi-1/index.html"))
        }

        /// The placeholder is found by its bytes: where it starts, after text that begins like it.
        @Test func theByteSearchFindsTheFirstWholeMatch() {
            let needle = "Viết nội dung"
            #expect(ArticleLoader.byteOffset(of: needle, in: needle) == 0)
            #expect(
                ArticleLoader.byteOffset(of: needle, in: "Việt\nViết nội\nViết nội dung.") == 20)
            #expect(ArticleLoader.byteOffset(of: needle, in: "Viết nội dun") == nil)
            #expect(ArticleLoader.byteOffset(of: needle, in: "") == nil)
            #expect(ArticleLoader.byteOffset(of: "", in: "Viết") == nil)
        }

        @Test func anArticlePublishedWithItsPlaceholderLineIsAWarning() throws {
            let site = try TestSite()
            let path = try NewArticle.create(
                title: "Tin mẫu", date: day, contentPath: site.path("Content")
            ).get()
            let file = "Content/news/2021/2021-11-20-tin-mau.md"
            #expect(path.hasSuffix("2021-11-20-tin-mau.md"))
            // A draft may keep it.
            #expect(site.check() == [])
            // Published as it was made: the editor is told, at the line.
            let text = try #require(site.read(file))
            try site.write(
                file, text.replacingOccurrences(of: "draft: true ", with: "draft: false "))
            let line =
                text.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.hasPrefix("Viết nội dung bài ở đây") }! + 1
            #expect(
                site.check() == [
                    "\(file):\(line):1: warning: the article still has the placeholder line written by `congkhai new`\n    note: write the article in its place, or keep `draft: true` until it is written"
                ])
            // Written: nothing to say.
            try site.write(
                file,
                text.replacingOccurrences(of: "draft: true ", with: "draft: false ")
                    .replacingOccurrences(of: NewArticle.placeholder, with: "Nội dung thật."))
            #expect(site.check() == [])
        }

        @Test func anExistingFileIsNeverOverwritten() throws {
            let site = try TestSite()
            let first = try NewArticle.create(
                title: "Tin", date: day, contentPath: site.path("Content")
            ).get()
            try site.write("Content/news/2021/2021-11-20-tin.md", "mine")
            guard
                case .failure(let failure) = NewArticle.create(
                    title: "Tin", date: day, contentPath: site.path("Content"))
            else {
                Issue.record("the second call wrote over the file")
                return
            }
            #expect(failure.description.contains("already exists"))
            #expect(site.read("Content/news/2021/2021-11-20-tin.md") == "mine")
            _ = first
        }

        @Test func unknownUnitsCategoriesAndEmptyTitlesAreRefused() throws {
            let site = try TestSite()
            let content = site.path("Content")
            guard
                case .failure(let unit) = NewArticle.create(
                    title: "Tin", date: day, unit: "phuong-2", contentPath: content)
            else {
                Issue.record("an unknown unit was accepted")
                return
            }
            #expect(unit.description.contains("error: unknown unit \"phuong-2\""))
            #expect(unit.description.contains("did you mean \"phuong-1\"?"))
            guard
                case .failure(let category) = NewArticle.create(
                    title: "Tin", date: day, category: "thongbao", contentPath: content)
            else {
                Issue.record("an unknown category was accepted")
                return
            }
            #expect(category.description.contains("did you mean \"thong-bao\"?"))
            guard
                case .failure(let title) = NewArticle.create(
                    title: "?!", date: day, contentPath: content)
            else {
                Issue.record("a title without letters was accepted")
                return
            }
            #expect(title.description.contains("no letters or digits"))
            #expect(!site.exists("Content/news/2021"))
        }

        @Test func aBrokenUnitsFileIsReportedWithItsPlace() throws {
            let site = try TestSite(
                files: TestSite.minimal.merging(["Content/units.yml": "- id: [oops\n"]) { $1 })
            guard
                case .failure(let failure) = NewArticle.create(
                    title: "Tin", date: day, unit: "phuong-1", contentPath: site.path("Content"))
            else {
                Issue.record("a broken units.yml was not reported")
                return
            }
            #expect(failure.description.contains("units.yml:"))
        }
    }
}
