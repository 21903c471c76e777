import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// A symbolic link inside `Content/` or `Templates/` that leads outside it (a file or a folder;
/// markdown, CSV, YAML, templates, media) is refused with a located error and nothing of it
/// reaches a page; one that stays inside works as before.
@Suite struct SymbolicLinkTests {
    /// A site, and beside it (outside Content/ and Templates/) a folder of files a change request
    /// must not be able to publish.
    func site() throws -> TestSite {
        let site = try TestSite()
        try site.write("secret/bi-mat.md", TestSite.article("BÍ MẬT CỦA MÁY CHẠY CI"))
        try site.write(
            "secret/2021-03.csv",
            """
            unit,period,field,carried_over,received_online,received_offline,resolved_early,resolved_on_time,resolved_late,pending_in_time,pending_overdue
            phuong-1,2021-03,ho-tich,0,1,1,1,1,0,0,0
            """)
        try site.write("secret/units.yml", TestSite.units)
        try site.write("secret/header.mustache", "<header>BÍ MẬT</header>")
        try site.write("secret/logo.svg", "<svg>BÍ MẬT</svg>")
        return site
    }

    func link(_ site: TestSite, _ relative: String, to target: String) throws {
        try? site.remove(relative)
        try FileManager.default.createDirectory(
            at: site.root.appendingPathComponent(relative).deletingLastPathComponent(),
            withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: site.path(relative), withDestinationPath: target)
    }

    /// The build fails with exactly `expected`, and no file of the output shows the secret.
    func expectRefused(
        _ site: TestSite, _ expected: [String],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let errors = site.buildErrors()
        #expect(errors == expected, sourceLocation: sourceLocation)
        #expect(!site.exists("Public"), sourceLocation: sourceLocation)
    }

    @Test func markdownFileLeadingOutside() throws {
        let site = try site()
        try link(site, "Content/news/bi-mat.md", to: site.path("secret/bi-mat.md"))
        expectRefused(
            site,
            [
                "Content/news/bi-mat.md:1:1: error: symbolic link leads outside Content/ (to secret/bi-mat.md); it is not read\n    note: copy the file into Content/ instead of linking to it"
            ])
    }

    @Test func folderLeadingOutside() throws {
        let site = try site()
        try link(site, "Content/news/2021", to: site.path("secret"))
        expectRefused(
            site,
            [
                "Content/news/2021:1:1: error: symbolic link leads outside Content/ (to secret); it is not read\n    note: copy the file into Content/ instead of linking to it"
            ])
    }

    @Test func metricFileLeadingOutside() throws {
        let site = try site()
        try link(site, "Content/metrics/dossiers/2021-03.csv", to: site.path("secret/2021-03.csv"))
        expectRefused(
            site,
            [
                "Content/metrics/dossiers/2021-03.csv:1:1: error: symbolic link leads outside Content/ (to secret/2021-03.csv); it is not read\n    note: copy the file into Content/ instead of linking to it"
            ])
    }

    @Test func yamlFileLeadingOutside() throws {
        let site = try site()
        try link(site, "Content/units.yml", to: site.path("secret/units.yml"))
        let errors = site.buildErrors()
        #expect(
            errors.first
                == "Content/units.yml:1:1: error: symbolic link leads outside Content/ (to secret/units.yml); it is not read\n    note: copy the file into Content/ instead of linking to it"
        )
        #expect(!site.exists("Public"))
    }

    @Test func templateAndMediaLeadingOutside() throws {
        let site = try site()
        try link(site, "Templates/header.mustache", to: site.path("secret/header.mustache"))
        try link(site, "Templates/assets/logo.svg", to: site.path("secret/logo.svg"))
        expectRefused(
            site,
            [
                "Templates/assets/logo.svg:1:1: error: symbolic link leads outside Templates/ (to secret/logo.svg); it is not read\n    note: copy the file into Templates/ instead of linking to it",
                "Templates/header.mustache:1:1: error: symbolic link leads outside Templates/ (to secret/header.mustache); it is not read\n    note: copy the file into Templates/ instead of linking to it",
            ])
    }

    @Test func linksInsideTheirRootWorkAsBefore() throws {
        let site = try site()
        try site.write(
            "Content/shared/chung.md",
            TestSite.article("Bài dùng chung", extra: "slug: bai-dung-chung\n"))
        try link(site, "Content/news/dung-chung.md", to: "../shared/chung.md")
        try site.write(
            "Content/chia-se/khac.md",
            TestSite.article("Bài trong thư mục liên kết", extra: "slug: bai-thu-muc\n"))
        try link(site, "Content/news/thu-muc", to: site.path("Content/chia-se"))
        try site.write("Templates/assets/logo-that.svg", "<svg>logo</svg>")
        try link(site, "Templates/assets/logo.svg", to: "logo-that.svg")
        let result = site.build()
        guard try site.expectSuccess(result) else { return }
        #expect(
            site.read("Public/tin-tuc/bai-dung-chung/index.html")?.contains("Bài dùng chung")
                == true)
        #expect(
            site.read("Public/tin-tuc/bai-thu-muc/index.html")?.contains(
                "Bài trong thư mục liên kết") == true)
        #expect(site.read("Public/assets/logo.svg") == "<svg>logo</svg>")
    }

    @Test func aLinkMadeAfterACachedBuildIsRefusedToo() throws {
        let site = try site()
        guard try site.expectSuccess(site.build()) else { return }
        try link(site, "Content/news/a.md", to: site.path("secret/bi-mat.md"))
        let errors = site.buildErrors()
        #expect(
            errors == [
                "Content/news/a.md:1:1: error: symbolic link leads outside Content/ (to secret/bi-mat.md); it is not read\n    note: copy the file into Content/ instead of linking to it"
            ])
        #expect(site.read("Public/tin-tuc/tin-thu/index.html")?.contains("BÍ MẬT") != true)
    }
}
