import CongkhaiImages
import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// Photos and documents beside the markdown, as the communications office publishes them.
@Suite struct MediaTests {
    static let photo = try! Data(contentsOf: Repository.fixture("photos/phone-photo.jpg"))
    static let pdf = Data("%PDF-1.4\n% kế hoạch\n".utf8) + Data(repeating: 0x20, count: 1_250_000)

    static func newsroom() throws -> TestSite {
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Content/news/2021/hoi-nghi.md": TestSite.article(
                    "Hội nghị cải cách hành chính", date: "2021-11-10",
                    body: """
                        Quận tổ chức hội nghị.

                        ![Quang cảnh hội nghị](anh/hoi-nghi.jpg)

                        Xem [kế hoạch](<anh/Kế hoạch 2021.pdf>) và [trang Phường 1](/don-vi/phuong-1/).
                        """)
            ]) { $1 })
        try site.write("Content/news/2021/anh/hoi-nghi.jpg", photo)
        try site.write("Content/news/2021/anh/Kế hoạch 2021.pdf", pdf)
        return site
    }

    @Test func aPhotoIsPublishedUprightInSeveralWidthsWithoutItsMetadata() throws {
        let site = try Self.newsroom()
        guard try site.expectSuccess(site.build()) else { return }
        let folder = "Public/tin-tuc/hoi-nghi-cai-cach-hanh-chinh/anh/"
        // Stored 1200×900 with EXIF orientation 6: shown 900×1200. Never upscaled: 480 and its own 900.
        for name in [
            "hoi-nghi-480.webp", "hoi-nghi-480.jpg", "hoi-nghi-900.webp", "hoi-nghi-900.jpg",
            "hoi-nghi-og.jpg",
        ] {
            let data = try #require(
                FileManager.default.contents(atPath: site.path(folder + name)), "\(name) missing")
            // Neither EXIF (with its GPS position) nor XMP survives, in JPEG or WebP.
            for marker in ["Exif", "EXIF", "GPS", "http://ns.adobe.com/xap"] {
                #expect(data.range(of: Data(marker.utf8)) == nil, "\(name) carries \(marker)")
            }
        }
        #expect(
            try PhotoLibrary.size(ofFileAt: site.path(folder + "hoi-nghi-900.jpg")).get()
                == PixelSize(width: 900, height: 1200))
        #expect(
            try PhotoLibrary.size(ofFileAt: site.path(folder + "hoi-nghi-480.webp")).get()
                == PixelSize(width: 480, height: 640))
        #expect(
            try PhotoLibrary.size(ofFileAt: site.path(folder + "hoi-nghi-og.jpg")).get()
                == PixelSize(width: 1200, height: 630))
        #expect(
            !site.exists(folder + "hoi-nghi.jpg"),
            "the original, with its GPS position, is never published")

        let page = try #require(site.read("Public/tin-tuc/hoi-nghi-cai-cach-hanh-chinh/index.html"))
        #expect(
            page.contains(
                "<picture><source type=\"image/webp\" srcset=\"/tin-tuc/hoi-nghi-cai-cach-hanh-chinh/anh/hoi-nghi-480.webp 480w, /tin-tuc/hoi-nghi-cai-cach-hanh-chinh/anh/hoi-nghi-900.webp 900w\""
            ))
        #expect(
            page.contains(
                "width=\"900\" height=\"1200\" alt=\"Quang cảnh hội nghị\" decoding=\"async\""))
        #expect(
            page.contains(
                "<meta property=\"og:image\" content=\"https://example.gov.vn/tin-tuc/hoi-nghi-cai-cach-hanh-chinh/anh/hoi-nghi-og.jpg\">"
            ))
        // The card shows the first photo, on the lists.
        #expect(
            site.read("Public/tin-tuc/index.html")?.contains(
                "src=\"/tin-tuc/hoi-nghi-cai-cach-hanh-chinh/anh/hoi-nghi-480.jpg\" width=\"480\" height=\"640\" alt=\"\" loading=\"lazy\""
            ) == true)
    }

    @Test func anAttachmentIsPublishedByteForByteAndItsLinkSaysTypeAndSize() throws {
        let site = try Self.newsroom()
        guard try site.expectSuccess(site.build()) else { return }
        let published = "Public/tin-tuc/hoi-nghi-cai-cach-hanh-chinh/anh/ke-hoach-2021.pdf"
        #expect(FileManager.default.contents(atPath: site.path(published)) == Self.pdf)
        let page = site.read("Public/tin-tuc/hoi-nghi-cai-cach-hanh-chinh/index.html") ?? ""
        #expect(
            page.contains(
                "<a href=\"/tin-tuc/hoi-nghi-cai-cach-hanh-chinh/anh/ke-hoach-2021.pdf\">kế hoạch (PDF, 1,2 MB)</a>"
            ))
        #expect(page.contains("<a href=\"/don-vi/phuong-1/\">trang Phường 1</a>"))
    }

    @Test func aPageBundleAndTheSharedMediaFolder() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Content/news/2021-11-10-hoi-nghi/index.md": TestSite.article(
                    "Hội nghị", body: "![Hội nghị](anh.jpg)\n\n![Biểu trưng](/media/logo.svg)"),
                "Content/media/logo.svg":
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"32\"><rect width=\"64\" height=\"32\"/></svg>",
                "Content/plan/ke-hoach.md":
                    "---\ntitle: Kế hoạch\n---\nMẫu: [biểu mẫu](/media/mau.docx)\n",
                "Content/media/mau.docx": "PK docx",
            ]) { $1 })
        try site.write("Content/news/2021-11-10-hoi-nghi/anh.jpg", Self.photo)
        guard try site.expectSuccess(site.build()) else { return }
        #expect(site.exists("Public/tin-tuc/hoi-nghi/anh-480.webp"))
        #expect(site.read("Public/media/logo.svg")?.hasPrefix("<svg") == true)
        #expect(site.read("Public/media/mau.docx") == "PK docx")
        let page = site.read("Public/tin-tuc/hoi-nghi/index.html") ?? ""
        #expect(
            page.contains(
                "<img src=\"/media/logo.svg\" alt=\"Biểu trưng\" width=\"64\" height=\"32\" loading=\"lazy\">"
            ))
        #expect(
            site.read("Public/ke-hoach/ke-hoach/index.html")?.contains(
                "<a href=\"/media/mau.docx\">biểu mẫu (DOCX, 7 byte)</a>") == true)
    }

    @Test func eachProblemIsReportedWhereItIsWritten() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Content/news/loi.md": TestSite.article(
                    "Bài lỗi",
                    body: """
                        Ảnh: ![Ảnh thiếu](anh/khong-co.jpg) và ![](anh/hong.jpg)
                        Tệp [ngoài](../../../etc/passwd), trang [tin](/tin-tuc/tin-thuu/) và [đơn vị](/don-vi/phuong-2/).
                        Bản quét [lớn](quet.pdf). Ngoài: [Cổng](https://dichvucong.gov.vn/).
                        """),
                "Content/news/anh/hong.jpg": "không phải ảnh",
            ]) { $1 })
        let big = site.path("Content/news/quet.pdf")
        FileManager.default.createFile(atPath: big, contents: nil)
        try FileHandle(forWritingTo: URL(fileURLWithPath: big)).truncate(atOffset: 21 * 1024 * 1024)
        let found = site.check()
        let expected = [
            "Content/news/loi.md:6:6: error: file \"anh/khong-co.jpg\" not found\n    note: looked for Content/news/anh/khong-co.jpg: a relative path starts from the folder of this markdown file",
            "Content/news/loi.md:6:40: warning: image \"anh/hong.jpg\" has no alt text\n    note: people using a screen reader hear nothing for it: say what it shows, e.g. ![Quang cảnh hội nghị](anh/hong.jpg)",
            "Content/news/loi.md:7:5: error: \"../../../etc/passwd\" points outside the content folder\n    note: keep the files a page shows beside it, or in Content/media/ as /media/…",
            "Content/news/loi.md:7:41: error: link to /tin-tuc/tin-thuu/, a page this site does not have\n    note: did you mean /tin-tuc/tin-thu/?",
            "Content/news/loi.md:7:70: error: link to /don-vi/phuong-2/, a page this site does not have\n    note: did you mean /don-vi/phuong-1/?",
            "Content/news/loi.md:8:10: warning: \"quet.pdf\" is 21,0 MB, over 20 MB\n    note: publish a smaller copy: a phone photo 4000 pixels wide is about 5 MB, a scanned PDF at 150 dpi a few",
        ]
        for line in expected {
            #expect(
                found.contains(line), "missing: \(line)\nfound:\n\(found.joined(separator: "\n"))")
        }
        #expect(
            found.contains {
                $0.hasPrefix(
                    "Content/news/loi.md:6:40: error: cannot read \"anh/hong.jpg\" as an image:")
            })
        #expect(
            !found.contains { $0.contains("dichvucong") },
            "external links are not fetched nor checked")
        #expect(!site.buildErrors().isEmpty)
    }

    @Test func aSymbolicLinkLeadingOutOfTheContentFolderIsRefused() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Content/news/b.md": TestSite.article("Hai", body: "[tệp](mat-khau.txt)"),
                "secret.txt": "mật khẩu",
            ]) { $1 })
        try FileManager.default.createSymbolicLink(
            atPath: site.path("Content/news/mat-khau.txt"),
            withDestinationPath: site.path("secret.txt"))
        // Where the link is used (the content scan reports the link itself too).
        #expect(
            site.check().contains(
                "Content/news/b.md:6:1: error: \"mat-khau.txt\" leads outside the content folder (a symbolic link)\n    note: copy the file into the content folder"
            ))
    }

    @Test func anUnchangedPhotoIsNeverProcessedTwice() throws {
        let site = try Self.newsroom()
        guard case .success(let first) = site.build() else { Issue.record("build failed"); return }
        #expect(first.photosProcessed == 1)
        // --no-cache renders every page and replaces the output; the photos stay in the image cache.
        var clean = site.options()
        clean.useCache = false
        guard case .success(let second) = SiteBuilder.build(clean) else {
            Issue.record("build failed"); return
        }
        #expect(second.photosProcessed == 0)
        #expect(site.exists("Public/tin-tuc/hoi-nghi-cai-cach-hanh-chinh/anh/hoi-nghi-900.webp"))
        // One photo added: one processed, and the result equals a clean build.
        try site.write("Content/news/2021/anh/quay.jpg", Self.photo + Data([0]))
        try site.write(
            "Content/news/2021/quay.md",
            TestSite.article(
                "Quầy một cửa", date: "2021-11-12", body: "![Quầy tiếp nhận](anh/quay.jpg)"))
        guard case .success(let third) = site.build() else { Issue.record("build failed"); return }
        #expect(third.photosProcessed == 1)
        var fresh = clean
        fresh.outputPath = site.path("Clean")
        guard try site.expectSuccess(SiteBuilder.build(fresh)) else { return }
        #expect(
            treeContents(site.root.appendingPathComponent("Public"))
                == treeContents(site.root.appendingPathComponent("Clean")))
    }

    /// The image cache keeps what builds use and lets go of what none has used for 30 days.
    @Test func photosNoBuildUsesLeaveTheCacheAfterThirtyDays() throws {
        let site = try Self.newsroom()
        guard try site.expectSuccess(site.build()) else { return }
        let recipes = site.path(".cache/images")
        let folder = recipes + "/" + PhotoRecipe.standard.key
        let files = FileManager.default
        let used = try files.contentsOfDirectory(atPath: folder).filter { $0.count == 16 }
        #expect(used.count == 1)
        let longAgo = Date().addingTimeInterval(-40 * 86_400)
        let twoDaysAgo = Date().addingTimeInterval(-2 * 86_400)
        func make(_ path: String, modified: Date) throws {
            try files.createDirectory(atPath: path, withIntermediateDirectories: true)
            try files.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        }
        try make(folder + "/00000000000000aa", modified: longAgo)
        try make(folder + "/00000000000000bb", modified: twoDaysAgo)
        try make(folder + "/00000000000000cc.part-stopped", modified: twoDaysAgo)
        try make(recipes + "/an-older-recipe", modified: longAgo)
        try files.setAttributes([.modificationDate: longAgo], ofItemAtPath: folder + "/" + used[0])

        var again = site.options()
        again.useCache = false
        guard case .success(let report) = SiteBuilder.build(again) else {
            Issue.record("build failed"); return
        }
        #expect(report.photosProcessed == 0, "the photo in use was kept")
        let left = Set(try files.contentsOfDirectory(atPath: folder))
        #expect(left.contains(used[0]) && left.contains("00000000000000bb"))
        #expect(
            !left.contains("00000000000000aa") && !left.contains("00000000000000cc.part-stopped"))
        #expect(!files.fileExists(atPath: recipes + "/an-older-recipe"))
        let renewed =
            try files.attributesOfItem(atPath: folder + "/" + used[0])[.modificationDate] as? Date
        #expect(renewed.map { Date().timeIntervalSince($0) < 3_600 } == true, "its date renewed")
    }

    @Test func publishedWidthsNeverUpscale() {
        let recipe = PhotoRecipe.standard
        #expect(recipe.widths(for: PixelSize(width: 4000, height: 3000)) == [480, 960, 1600])
        #expect(recipe.widths(for: PixelSize(width: 1200, height: 900)) == [480, 960])
        #expect(recipe.widths(for: PixelSize(width: 1300, height: 900)) == [480, 960, 1300])
        #expect(recipe.widths(for: PixelSize(width: 1000, height: 750)) == [480, 960])
        #expect(recipe.widths(for: PixelSize(width: 300, height: 200)) == [300])
        #expect(MediaFile.size(1_250_000) == "1,2 MB")
        #expect(MediaFile.size(850_000) == "831 KB")
    }
}
