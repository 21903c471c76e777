import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

@Suite struct MetricsValidatorTests {
    typealias D = MetricsData
    /// Counts that satisfy the form's identity: 2 + 3 + 5 = 4 + 3 + 1 + 2 + 0, pending 2.
    let counts = ",2,3,5,4,3,1,2,0"

    private func validate(
        _ schema: DatasetSchema, _ files: [(String, String)], log: DiagnosticLog
    ) -> MetricTable {
        let loadLog = DiagnosticLog()
        let table = D.table(schema, files, log: loadLog)
        #expect(loadLog.all.isEmpty, "the files themselves are well formed")
        return MetricsValidator.validate([table], log: log)[0]
    }

    private func keys(_ table: MetricTable) -> [String] {
        table.rows.map { "\($0.unit) \($0.field.map { $0 + " " } ?? "")\($0.period)" }
    }

    @Test func duplicateRow() {
        let log = DiagnosticLog()
        let dossiers = validate(
            BuiltInDatasets.dossiers,
            [
                (
                    "Content/metrics/dossiers/a.csv",
                    D.dossiersHeader
                        + "\nphuong-1,2021-03,ho-tich\(counts)\nphuong-1,2021-03,dat-dai\(counts)\n"
                        + "phuong-1,2021-03,ho-tich\(counts)\n"
                ),
                (
                    "Content/metrics/dossiers/b.csv",
                    D.dossiersHeader + "\nphuong-1,2021-03,ho-tich\(counts)\n"
                ),
            ], log: log)
        let feedback = validate(
            BuiltInDatasets.feedback,
            [
                (
                    "Content/metrics/feedback/2021-03.csv",
                    D.feedbackHeader
                        + "\nphuong-1,2021-03,0,1,1,0,0,0,1\nphuong-1,2021-03,0,1,1,0,0,0,1\n"
                )
            ], log: log)
        #expect(
            log.headlines == [
                "Content/metrics/dossiers/a.csv:4:1: error: duplicate row for unit phuong-1, field ho-tich, period 2021-03",
                "Content/metrics/dossiers/b.csv:2:1: error: duplicate row for unit phuong-1, field ho-tich, period 2021-03",
                "Content/metrics/feedback/2021-03.csv:3:1: error: duplicate row for unit phuong-1, period 2021-03",
            ])
        #expect(
            log.all.map(\.hint) == [
                "first given at Content/metrics/dossiers/a.csv:2",
                "first given at Content/metrics/dossiers/a.csv:2",
                "first given at Content/metrics/feedback/2021-03.csv:2",
            ])
        // The first row is kept.
        #expect(dossiers.rows.map(\.location.line) == [3, 2])
        #expect(keys(dossiers) == ["phuong-1 dat-dai 2021-03", "phuong-1 ho-tich 2021-03"])
        #expect(feedback.rows.map(\.location.line) == [2])
    }

    @Test func monthsAndTheirQuarterAreNotMixed() {
        let log = DiagnosticLog()
        let table = validate(
            BuiltInDatasets.dossiers,
            [
                (
                    "Content/metrics/dossiers/2021-01.csv",
                    D.dossiersHeader
                        + "\nphuong-1,2021-01,ho-tich\(counts)\nphuong-1,2021-02,ho-tich\(counts)\n"
                        + "phuong-3,2021-01,ho-tich\(counts)\nphuong-1,2021-04,dat-dai\(counts)\n"
                ),
                (
                    "Content/metrics/dossiers/2021-Q1.csv",
                    D.dossiersHeader
                        + "\nphuong-1,2021-Q1,ho-tich\(counts)\nphuong-1,2021-Q1,dat-dai\(counts)\n"
                        + "phuong-3,2021-Q2,ho-tich\(counts)\n"
                ),
            ], log: log)
        #expect(
            log.headlines == [
                "Content/metrics/dossiers/2021-Q1.csv:2:1: error: 2021-Q1 and its months (2021-01, 2021-02) are both given for unit phuong-1, field ho-tich"
            ])
        #expect(
            log.all.first?.hint
                == "give either the months or the quarter; 2021-01 is at Content/metrics/dossiers/2021-01.csv:2"
        )
        #expect(
            keys(table) == [
                "phuong-1 dat-dai 2021-Q1", "phuong-1 dat-dai 2021-04", "phuong-1 ho-tich 2021-01",
                "phuong-1 ho-tich 2021-02",
                "phuong-3 ho-tich 2021-01", "phuong-3 ho-tich 2021-Q2",
            ])
    }

    @Test func identityThatAlwaysHolds() {
        // Missing optional columns (withdrawn) count as 0 and are left out of the message.
        let log = DiagnosticLog()
        let file = "Content/metrics/dossiers/2021.csv"
        let table = validate(
            BuiltInDatasets.dossiers,
            [
                (
                    file,
                    D.dossiersHeader
                        + ",withdrawn\nphuong-1,2021-03,ho-tich,2,3,5,4,3,1,2,1,\nphuong-1,2021-04,ho-tich,2,3,5,4,3,1,1,0,1\n"
                        + "phuong-3,2021-04,ho-tich,2,3,5,4,3,1,1,0,2\n"
                )
            ], log: log)
        #expect(
            log.headlines == [
                "\(file):2:1: error: carried_over + received_online + received_offline (10) ≠ resolved_early + resolved_on_time + resolved_late + pending_in_time + pending_overdue (11)",
                "\(file):4:1: error: carried_over + received_online + received_offline (10) ≠ resolved_early + resolved_on_time + resolved_late + pending_in_time + pending_overdue + withdrawn (11)",
            ])
        #expect(keys(table) == ["phuong-1 ho-tich 2021-04"])
    }

    @Test func identityCheckedWhenEveryColumnIsGiven() {
        // The form's totals are optional; when given they must agree with their parts.
        let log = DiagnosticLog()
        let file = "Content/metrics/dossiers/2021.csv"
        let header =
            "unit,period,field,received_total,carried_over,received_online,received_offline,resolved_total,resolved_early,"
            + "resolved_on_time,resolved_late,pending_total,pending_in_time,pending_overdue"
        let table = validate(
            BuiltInDatasets.dossiers,
            [
                (
                    file,
                    header
                        + "\nphuong-1,2021-03,ho-tich,11,2,3,5,8,4,3,1,2,2,0\nphuong-1,2021-04,ho-tich,,2,3,5,,4,3,1,,2,0\n"
                        + "phuong-3,2021-03,ho-tich,10,2,3,5,9,4,3,1,3,2,0\n"
                )
            ], log: log)
        #expect(
            log.headlines == [
                "\(file):2:1: error: received_total (11) ≠ carried_over + received_online + received_offline (10)",
                "\(file):4:1: error: pending_total (3) ≠ pending_in_time + pending_overdue (2)",
                "\(file):4:1: error: resolved_total (9) ≠ resolved_early + resolved_on_time + resolved_late (8)",
            ])
        #expect(keys(table) == ["phuong-1 ho-tich 2021-04"])
    }

    @Test func partsDoNotExceedTheirWhole() {
        let log = DiagnosticLog()
        let feedback = validate(
            BuiltInDatasets.feedback,
            [
                (
                    "Content/metrics/feedback/2021.csv",
                    D.feedbackHeader
                        + "\nphuong-1,2021-03,0,10,8,2,0,0,12\nphuong-1,2021-04,0,10,8,2,0,0,10\n"
                )
            ], log: log)
        let dossiers = validate(
            BuiltInDatasets.dossiers,
            [
                (
                    "Content/metrics/dossiers/2021.csv",
                    D.dossiersHeader
                        + ",received_online_full\nphuong-1,2021-03,ho-tich\(counts),4\n"
                        + "phuong-1,2021-04,ho-tich\(counts),3\nphuong-1,2021-05,ho-tich\(counts),\n"
                )
            ], log: log)
        let online = validate(
            BuiltInDatasets.online,
            [
                (
                    "Content/metrics/online/2021.csv",
                    "unit,period,procedures_total,level3,level4\nphuong-1,2021-03,10,6,5\nphuong-1,2021-04,10,6,4\n"
                )
            ], log: log)
        #expect(
            log.headlines == [
                "Content/metrics/dossiers/2021.csv:2:1: error: received_online_full (4) exceeds received_online (3)",
                "Content/metrics/feedback/2021.csv:2:1: error: results_published (12) exceeds handled_on_time + handled_late (10)",
                "Content/metrics/online/2021.csv:2:1: error: level3 + level4 (11) exceeds procedures_total (10)",
            ])
        #expect(keys(feedback) == ["phuong-1 2021-04"])
        #expect(keys(dossiers) == ["phuong-1 ho-tich 2021-04", "phuong-1 ho-tich 2021-05"])
        #expect(keys(online) == ["phuong-1 2021-04"])
    }

    @Test func carryOverIsAWarning() {
        let log = DiagnosticLog()
        let file = "Content/metrics/feedback/2021.csv"
        let feedback = validate(
            BuiltInDatasets.feedback,
            [
                (
                    file,
                    D.feedbackHeader + "\n"
                        + "phuong-1,2020-12,0,3,1,0,1,1,1\n"  // pending 2
                        // carries 2 over December's year end: fine
                        + "phuong-1,2021-01,2,3,3,0,1,1,3\n"
                        + "phuong-1,2021-02,3,3,4,0,1,1,4\n"  // carries 3, January left 2
                        + "phuong-1,2021-04,5,0,5,0,0,0,5\n"  // no March to compare with
                        + "phuong-3,2021-02,7,0,7,0,0,0,7\n"
                )  // no January for this unit
            ], log: log)
        #expect(
            log.headlines == [
                "\(file):4:1: warning: carried_over (3) differs from pending_in_time + pending_overdue of 2021-01 (2)"
            ])
        #expect(log.all.first?.hint == "2021-01 is at \(file):3")
        // A warning keeps the row.
        #expect(feedback.rows.count == 5)

        // By field: each field carries its own.
        let fieldLog = DiagnosticLog()
        _ = validate(
            BuiltInDatasets.dossiers,
            [
                (
                    "Content/metrics/dossiers/2021.csv",
                    D.dossiersHeader
                        + "\nphuong-1,2021-01,ho-tich\(counts)\nphuong-1,2021-02,ho-tich\(counts)\n"
                        + "phuong-1,2021-02,dat-dai,5,0,0,5,0,0,0,0\n"
                )
            ], log: fieldLog)
        #expect(fieldLog.all.isEmpty)
    }

    @Test func everyTableEveryProblemAtOnce() {
        let log = DiagnosticLog()
        let dossiers = D.table(
            BuiltInDatasets.dossiers,
            [
                (
                    "d.csv",
                    D.dossiersHeader
                        + "\nphuong-1,2021-03,ho-tich,2,3,5,4,3,1,2,1\nphuong-1,2021-03,ho-tich,2,3,5,4,3,1,2,1\n"
                )
            ], log: log)
        let feedback = D.table(
            BuiltInDatasets.feedback,
            [
                (
                    "f.csv",
                    D.feedbackHeader
                        + "\nphuong-1,2021-03,0,10,8,2,0,0,12\nphuong-3,2021-03,0,1,1,0,0,0,1\n"
                )
            ], log: log)
        let checked = MetricsValidator.validate([dossiers, feedback], log: log)
        #expect(
            log.headlines == [
                "d.csv:2:1: error: carried_over + received_online + received_offline (10) ≠ resolved_early + resolved_on_time + resolved_late + pending_in_time + pending_overdue (11)",
                "d.csv:3:1: error: carried_over + received_online + received_offline (10) ≠ resolved_early + resolved_on_time + resolved_late + pending_in_time + pending_overdue (11)",
                "d.csv:3:1: error: duplicate row for unit phuong-1, field ho-tich, period 2021-03",
                "f.csv:2:1: error: results_published (12) exceeds handled_on_time + handled_late (10)",
            ])
        #expect(checked.map(\.schema.id) == ["dossiers", "feedback"])
        #expect(checked.map(\.rows.count) == [0, 1])
        #expect(checked.map(\.files) == [["d.csv"], ["f.csv"]])
    }
}
