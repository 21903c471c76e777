import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// A plan steward declares a new dataset and target in YAML only; it shows on the site and in `report`.
@Suite struct DeclaredIndicatorTests {
    @Test func declaredIndicatorEndToEnd() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Content/datasets.yml": """
                - id: thanh_toan
                  title: "Thanh toán trực tuyến"
                  period: quarter
                  reported_by: { kinds: [ward] }
                  columns:
                    - { name: ho_so_co_phi, title: "Hồ sơ có phí, lệ phí", type: integer }
                    - { name: thanh_toan_truc_tuyen, title: "Thanh toán trực tuyến", type: integer }
                  measures:
                    - id: ty_le
                      title: "Tỷ lệ hồ sơ thanh toán trực tuyến"
                      formula: { ratio: { numerator: [thanh_toan_truc_tuyen], denominator: [ho_so_co_phi] } }
                """,
                "Content/targets.yml": """
                - id: thanh-toan-truc-tuyen
                  clause: "I.6.3"
                  title: "Hồ sơ thanh toán trực tuyến từ 30%"
                  indicator: thanh_toan.ty_le
                  op: ">="
                  value: 0.3
                """,
                // Vietnamese headers, as an export would have them.
                "Content/metrics/thanh_toan/2021-Q3.csv":
                    "Đơn vị,Kỳ báo cáo,\"Hồ sơ có phí, lệ phí\",Thanh toán trực tuyến\nphuong-1,2021-Q3,200,70\n",
            ]) { $1 })
        #expect(site.check().isEmpty, "\(site.check())")
        guard try site.expectSuccess(site.build()) else { return }
        let unitPage = try #require(site.read("Public/don-vi/phuong-1/index.html"))
        #expect(unitPage.contains("Hồ sơ thanh toán trực tuyến từ 30%"))
        #expect(unitPage.contains("35,0%"))  // 70 / 200
        #expect(unitPage.contains("70/200"))
        #expect(
            site.read("Public/ke-hoach/index.html")?.contains("Hồ sơ thanh toán trực tuyến từ 30%")
                == true)
        #expect(
            site.read("Public/du-lieu/thanh_toan.csv")
                == "unit,period,ho_so_co_phi,thanh_toan_truc_tuyen\nphuong-1,2021-Q3,200,70\n")
        // The ward owes it; the agency does not.
        let compliance = try #require(site.read("Public/cong-khai/index.html"))
        #expect(compliance.contains("Thanh toán trực tuyến"))
        guard case .success(let (report, _)) = SiteBuilder.report(site.options()) else {
            Issue.record("report failed"); return
        }
        let line = try #require(report.targets.first { $0.id == "thanh-toan-truc-tuyen" })
        #expect(line.value == "35,0%")
        #expect(line.status == "met")
        #expect(report.render(.json).contains("\"thanh-toan-truc-tuyen\""))
    }

    @Test func aTargetOnAnUndeclaredIndicatorIsReported() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Content/targets.yml":
                    "- id: x\n  clause: \"I.9\"\n  title: X\n  indicator: dossiers.on_time_rat\n  op: \">=\"\n  value: 1\n"
            ]) { $1 })
        #expect(
            site.check() == [
                "Content/targets.yml:1:3: error: target \"x\" uses unknown indicator dossiers.on_time_rat\n    note: did you mean dossiers.on_time_rate?"
            ])
    }
}
