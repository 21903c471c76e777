import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// Targets from targets.yml judged against figures from CSV files, end to end through the loaders.
@Suite struct TargetTests {
    static let header =
        "unit,period,field,carried_over,received_online,received_offline,resolved_early,resolved_on_time,resolved_late,pending_in_time,pending_overdue\n"

    static let targets = """
        - id: dung-han
          clause: "I.5.1"
          title: "Đúng hạn"
          indicator: dossiers.on_time_rate
          op: ">="
          value: 0.98
          exclude_fields: [dat-dai]
        - id: tre-han
          clause: "I.5.2"
          title: "Trễ hạn đất đai"
          indicator: dossiers.late_rate
          op: "<"
          value: 0.04
          fields: [dat-dai]
          per: field
        - id: truc-tuyen
          clause: "I.3.1"
          title: "Trực tuyến tăng 3 điểm"
          indicator: dossiers.online_share
          op: ">="
          change: points
          value: 0.03
          baseline_period: "2020"
          baseline_value: 0.10
        - id: truc-tuyen-tuong-doi
          clause: "I.3.1"
          title: "Trực tuyến tăng 50%"
          indicator: dossiers.online_share
          op: ">="
          change: relative
          value: 0.5
          baseline_period: "2020"
        - id: chuyen-muc
          clause: "I.8.1"
          title: "Chuyên mục"
          indicator: news.units_with_column_share
          op: ">="
          value: 1.0
        - id: dinh-tinh
          clause: "I.9"
          title: "Chỉ số PAR"
          measurable: false
        """

    func site(
        _ csv: String, extra: [String: String] = [:]
    ) throws -> (TestSite, SiteFigures, SiteContent) {
        var files = TestSite.minimal
        files["Content/fields.yml"] =
            "- id: dat-dai\n  name: Đất đai\n- id: ho-tich\n  name: Hộ tịch\n"
        files["Content/targets.yml"] = Self.targets
        files["Content/metrics/dossiers/2021.csv"] = Self.header + csv
        for (k, v) in extra { files[k] = v }
        let site = try TestSite(files: files)
        let log = DiagnosticLog()
        let prepared = SiteBuilder.prepare(site.options(), log: log)!
        #expect(log.all.isEmpty, "\(log.all)")
        let figures = SiteFigures(
            tables: prepared.content.tables, targets: prepared.content.targets,
            content: prepared.content, buildDate: CalendarDay(year: 2021, month: 11, day: 20))
        return (site, figures, prepared.content)
    }

    func result(_ figures: SiteFigures, _ id: String, unit: String? = nil) -> TargetResult {
        figures.evaluator.evaluate(figures.targets.first { $0.id == id }!, unit: unit)
    }

    @Test func exclusionsLeaveLandOutOfTheOnTimeRate() throws {
        // Land is late a lot; the other field is on time: I.5.1 is met, I.5.2 is missed.
        let (_, figures, _) = try site(
            """
            phuong-1,2021-01,dat-dai,0,0,10,0,8,2,0,0
            phuong-1,2021-01,ho-tich,0,10,90,50,50,0,0,0
            """)
        let onTime = result(figures, "dung-han")
        #expect(onTime.value == .rate(Rate(100, of: 100)))
        #expect(onTime.status == .met)
        let late = result(figures, "tre-han")
        #expect(late.value == .rate(Rate(2, of: 10)))
        #expect(late.status == .missed)
        #expect(late.parts.map(\.key) == ["dat-dai"])
        #expect(late.thresholdText == "< 4,0%")
    }

    @Test func theReportSaysWhereAPerQuarterOrPerFieldTargetIsMissed() throws {
        // Every complete quarter must be on time; the second is not (90/100). Land misses its
        // late rate.
        let quarterly =
            Self.targets + """

                - id: moi-quy
                  clause: "I.5.4"
                  title: "Đúng hạn mỗi quý"
                  indicator: dossiers.on_time_rate
                  op: ">="
                  value: 0.98
                  exclude_fields: [dat-dai]
                  per: quarter
                """
        let (_, figures, content) = try site(
            """
            phuong-1,2021-01,ho-tich,0,0,100,50,50,0,0,0
            phuong-1,2021-04,ho-tich,0,0,100,40,50,10,0,0
            phuong-1,2021-04,dat-dai,0,0,10,0,8,2,0,0
            phuong-1,2021-07,ho-tich,0,0,100,50,50,0,0,0
            """, extra: ["Content/targets.yml": quarterly])
        let report = ComplianceReport(
            content: content, figures: figures,
            buildDate: CalendarDay(year: 2021, month: 11, day: 20))
        let markdown = report.render(.markdown).split(separator: "\n").map(String.init)
        // The year (290/300) is below 98% too; the row names the quarter that missed, as pages do.
        #expect(
            markdown.contains(
                "| I.5.4 | Đúng hạn mỗi quý | 96,7% | ≥ 98,0% | ✘ Chưa đạt: Quý II/2021 (90,0%) |"))
        #expect(
            markdown.contains(
                "| I.5.2 | Trễ hạn đất đai | 20,0% | < 4,0% | ✘ Chưa đạt: Đất đai (20,0%) |"))
        // For tools, the JSON keeps the ids.
        #expect(report.targets.first { $0.id == "moi-quy" }?.missedParts == ["2021-Q2 90,0%"])
        #expect(report.targets.first { $0.id == "tre-han" }?.missedParts == ["dat-dai 20,0%"])
    }

    @Test func thresholdsAreComparedAsShown() throws {
        // 979/1000 = 97,9% < 98,0%; 9795/10000 rounds to 98,0%, which meets ≥ 98%.
        let (_, missed, _) = try site("phuong-1,2021-01,ho-tich,0,0,1000,0,979,21,0,0\n")
        #expect(result(missed, "dung-han").status == .missed)
        let (_, met, _) = try site("phuong-1,2021-01,ho-tich,0,0,10000,0,9795,205,0,0\n")
        #expect(result(met, "dung-han").value.text == "98,0%")
        #expect(result(met, "dung-han").status == .met)
    }

    @Test func baselineInPointsFromTheDeclaredValue() throws {
        let (_, figures, _) = try site("phuong-1,2021-01,ho-tich,0,13,87,0,100,0,0,0\n")
        let r = result(figures, "truc-tuyen")
        #expect(r.threshold == 130)
        #expect(r.status == .met)
        #expect(r.thresholdText == "≥ 13,0% (tăng 3,0 điểm so với năm 2020: 10,0%)")
        // No declared value and no 2020 data: the target cannot be judged.
        #expect(result(figures, "truc-tuyen-tuong-doi").status == .noBaseline)
    }

    @Test func baselineFromTheBaselinePeriodsOwnFigures() throws {
        let (_, figures, _) = try site(
            """
            phuong-1,2020-12,ho-tich,0,10,90,0,100,0,0,0
            phuong-1,2021-01,ho-tich,0,14,86,0,100,0,0,0
            """)
        // 2020: 10%; +50% relative → 15%; 2021: 14% → missed. Points: 10% + 3 = 13% → met.
        let relative = result(figures, "truc-tuyen-tuong-doi")
        #expect(relative.threshold == 150)
        #expect(relative.status == .missed)
        #expect(result(figures, "truc-tuyen").status == .met)
    }

    @Test func aUnitWithoutFiguresHasNoDataNotAFailure() throws {
        let (_, figures, _) = try site("phuong-1,2021-01,ho-tich,0,0,3,0,0,0,3,0\n")
        let r = result(figures, "dung-han")
        #expect(r.status == .noData)
        #expect(r.value.text == "Chưa có số liệu")
        #expect(result(figures, "dinh-tinh").status == .notMeasurable)
    }

    @Test func derivedNewsColumnShare() throws {
        let (_, figures, _) = try site(
            "phuong-1,2021-01,ho-tich,0,0,3,0,3,0,0,0\n",
            extra: [
                "Content/news/b.md": TestSite.article("Phường 1", extra: "unit: phuong-1\n")
            ])
        let r = result(figures, "chuyen-muc")
        #expect(r.value == .rate(Rate(1, of: 2)))  // phuong-1 has a column, van-phong has none
        #expect(r.status == .missed)
    }

    @Test func complianceStates() throws {
        let (_, figures, _) = try site(
            """
            phuong-1,2021-10,ho-tich,0,0,3,0,3,0,0,0
            van-phong,2021-08,ho-tich,0,0,3,0,3,0,0,0
            """,
            extra: [
                "Content/metrics/feedback/2021-10.csv":
                    "unit,period,carried_over,received,handled_on_time,handled_late,pending_in_time,pending_overdue,results_published\nphuong-1,2021-10,0,1,1,0,0,0,1\n"
            ])
        let rows = figures.compliance.rows
        #expect(
            rows.first { $0.unit == "phuong-1" }!.statuses.map(\.state) == [.upToDate, .upToDate])
        // Van phong: dossiers last in August (stale: 31/08 + 45 days < 20/11); feedback never filed and
        // not owed (nobody declared it for them).
        #expect(rows.first { $0.unit == "van-phong" }!.statuses.map(\.state) == [.stale])
        let report = ComplianceReport(
            content: try site("").2, figures: figures,
            buildDate: CalendarDay(year: 2021, month: 11, day: 20))
        #expect(report.unitsBehind.map(\.unit) == ["van-phong"])
    }
}
