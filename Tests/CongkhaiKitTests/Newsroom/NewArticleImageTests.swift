import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// `congkhai new article "…" --image FILE`: a page bundle with the photo beside it.
@Suite struct NewArticleImageTests {
    let day = CalendarDay(year: 2021, month: 11, day: 20)

    @Test func thePhotoIsCopiedBesideTheArticleWithItsImageLine() throws {
        let site = try TestSite()
        try site.write("IMG_0042.JPG", MediaTests.photo)
        let path = try NewArticle.create(
            title: "Hội nghị sơ kết", date: day, image: site.path("IMG_0042.JPG"),
            alt: "Quang cảnh hội nghị [sơ kết]", contentPath: site.path("Content")
        ).get()
        #expect(path == site.path("Content") + "/news/2021/2021-11-20-hoi-nghi-so-ket/index.md")
        #expect(
            FileManager.default.contents(
                atPath: site.path("Content/news/2021/2021-11-20-hoi-nghi-so-ket/img-0042.jpg"))
                == MediaTests.photo)
        let text = try #require(site.read("Content/news/2021/2021-11-20-hoi-nghi-so-ket/index.md"))
        #expect(text.hasSuffix("![Quang cảnh hội nghị \\[sơ kết\\]](img-0042.jpg)\n\n"))
        // Published with --drafts: the photo resized beside the page.
        var options = site.options(drafts: true)
        options.includeDrafts = true
        guard try site.expectSuccess(SiteBuilder.build(options)) else { return }
        let page = site.read("Public/tin-tuc/hoi-nghi-so-ket/index.html") ?? ""
        #expect(page.contains("alt=\"Quang cảnh hội nghị [sơ kết]\""))
        #expect(site.exists("Public/tin-tuc/hoi-nghi-so-ket/img-0042-480.webp"))
    }

    @Test func withoutAltTextCheckAsksForIt() throws {
        let site = try TestSite()
        try site.write("anh.png", MediaTests.photo)
        _ = try NewArticle.create(
            title: "Quầy một cửa", date: day, image: site.path("anh.png"),
            contentPath: site.path("Content")
        ).get()
        var options = site.options(drafts: true)
        options.includeDrafts = true
        let found = SiteBuilder.check(options).map(\.message)
        #expect(found == ["image \"anh.png\" has no alt text"])
    }

    @Test func aFileThatIsNotAPhotoIsRefusedAndNothingIsWritten() throws {
        let site = try TestSite()
        try site.write("ghi-chu.jpg", "không phải ảnh")
        let result = NewArticle.create(
            title: "Tin", date: day, image: site.path("ghi-chu.jpg"),
            contentPath: site.path("Content"))
        guard case .failure(let failure) = result else {
            Issue.record("a text file was accepted as a photo"); return
        }
        #expect(
            failure.description.hasPrefix(
                "error: cannot read \(site.path("ghi-chu.jpg")) as a photo:"))
        #expect(!site.exists("Content/news/2021"))
    }
}
