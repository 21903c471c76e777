import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// `publish_units:` in site.yml: the units CI builds apart for their own hosts (scripts/publish
/// units reads them from `report --format json`).
@Suite struct PublishUnitsTests {
    func site(_ publishUnits: String) throws -> TestSite {
        var files = TestSite.minimal
        files["Content/site.yml"] = TestSite.site + "\npublish_units: \(publishUnits)\n"
        return try TestSite(files: files)
    }

    @Test func idsAndEntriesWithTheirOwnHost() throws {
        let site = try site(
            "[phuong-1, {id: van-phong, base_url: \"https://vanphong.example.vn/cchc\"}]")
        #expect(site.check().isEmpty)
        guard case .success(let (report, _)) = SiteBuilder.report(site.options()) else {
            Issue.record("report failed"); return
        }
        #expect(report.publishUnits.map(\.id) == ["phuong-1", "van-phong"])
        #expect(report.publishUnits.map(\.baseURL) == [nil, "https://vanphong.example.vn/cchc/"])
        #expect(
            report.render(.json).contains(
                #""publish_units": [{"id": "phuong-1", "base_url": null}, {"id": "van-phong", "base_url": "https://vanphong.example.vn/cchc/"}]"#
            ))
    }

    @Test func unknownUnitAndBadHostAreLocated() throws {
        let site = try site("[phuong-2, {id: phuong-1, base_url: \"phuong1.example.vn\"}]")
        #expect(
            site.check()
                == [
                    "Content/site.yml:5:17: error: unknown unit \"phuong-2\" in `publish_units`\n    note: did you mean \"phuong-1\"?",
                    "Content/site.yml:5:52: error: `base_url` must be an absolute http(s) URL, not \"phuong1.example.vn\"",
                ].sorted())
    }

    @Test func notAList() throws {
        let site = try site("phuong-1")
        #expect(
            site.check() == [
                "Content/site.yml:5:16: error: `publish_units` must be a list of unit ids, e.g. [phuong-5, phuong-7]"
            ])
    }
}
