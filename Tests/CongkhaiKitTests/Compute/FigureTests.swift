import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// Figures: sum counts then divide, one rounding rule, "no data" never shown as 0% or 100%.
@Suite struct FigureTests {
    static let schema = BuiltInDatasets.dossiers

    /// A dossier row from (early, onTime, late, online, offline); the identity holds with pending 0.
    static func row(
        _ unit: String, _ period: String, _ field: String, early: Int, onTime: Int, late: Int,
        online: Int = 0, offline: Int = 0, carried: Int = 0
    ) -> MetricRow {
        var values = [Int?](repeating: nil, count: schema.columns.count)
        func set(_ key: String, _ v: Int) { values[schema.columnIndex(key)!] = v }
        set("received_online", online); set("received_offline", offline);
        set("carried_over", carried)
        set("resolved_early", early); set("resolved_on_time", onTime); set("resolved_late", late)
        set("pending_in_time", 0); set("pending_overdue", 0)
        return MetricRow(
            unit: unit, field: field, period: Period(key: period)!, values: values,
            location: SourceLocation(file: "t.csv"))
    }

    @Test func roundingIsHalfUpToATenthOfAPercent() {
        #expect(Rate(985, of: 1000).perMille == 985)
        #expect(Rate(9855, of: 10000).perMille == 986)
        #expect(Rate(9854, of: 10000).perMille == 985)
        #expect(Rate(2, of: 3).perMille == 667)
        #expect(Rate(1, of: 3).percentText == "33,3%")
        #expect(Rate(0, of: 0).perMille == nil)
        #expect(Rate(0, of: 0).percentText == nil)
        #expect(Rate(0, of: 5).percentText == "0,0%")
    }

    @Test func quarterAndYearAreSumsOfTheirMonths() {
        let rows = [
            Self.row("a", "2021-01", "ho-tich", early: 1, onTime: 9, late: 0),
            Self.row("a", "2021-02", "ho-tich", early: 0, onTime: 8, late: 2),
            Self.row("a", "2021-03", "ho-tich", early: 5, onTime: 5, late: 0),
            Self.row("a", "2021-04", "ho-tich", early: 0, onTime: 1, late: 1),
        ]
        let data = DatasetFigures(MetricTable(schema: Self.schema, rows: rows, files: []))
        let q1 = data.counts(unit: "a", span: .quarter(2021, 1))
        let months = (1...3).map { data.counts(unit: "a", span: .month(2021, $0)) }
        #expect(
            q1.sums
                == months.dropFirst().reduce(months[0]) {
                    var t = $0; t.add($1); return t
                }.sums)
        let onTime = Self.schema.measure("on_time_rate")!
        // Rate of sums (28/30), not the mean of the monthly rates (100%, 80%, 100% → 93,3%).
        #expect(data.value(onTime, unit: "a", span: .quarter(2021, 1)) == .rate(Rate(28, of: 30)))
        #expect(
            data.value(onTime, unit: "a", span: .year(2021, through: 4)) == .rate(Rate(29, of: 32)))
        #expect(
            data.spans.map(\.key) == [
                "2021-01", "2021-02", "2021-03", "2021-Q1", "2021-04", "2021",
            ])
    }

    @Test func noResolvedDossiersIsNoDataNotZeroOrHundred() {
        let rows = [
            Self.row(
                "a", "2021-01", "ho-tich", early: 0, onTime: 0, late: 0, offline: 3, carried: 0)
        ]
        .map { row -> MetricRow in
            var r = row; r.values[Self.schema.columnIndex("pending_in_time")!] = 3; return r
        }
        let data = DatasetFigures(MetricTable(schema: Self.schema, rows: rows, files: []))
        let value = data.value(
            Self.schema.measure("on_time_rate")!, unit: "a", span: .month(2021, 1))
        #expect(value == .noData)
        #expect(value.text == "Chưa có số liệu")
        #expect(
            data.value(Self.schema.measure("on_time_rate")!, unit: "b", span: .month(2021, 1))
                == .noData)
    }

    /// Generated figures, checked against a recomputation written independently of the calculator.
    @Test func ratesMatchAnIndependentRecomputation() {
        var generator = SeededGenerator(seed: 2021)
        let units = (1...7).map { "u\($0)" }, fields = ["dat-dai", "dau-tu", "ho-tich", "xay-dung"]
        var rows: [MetricRow] = []
        for unit in units {
            for month in 1...9 {
                for field in fields where Int.random(in: 0..<4, using: &generator) > 0 {
                    rows.append(
                        Self.row(
                            unit, "2021-0\(month)", field,
                            early: Int.random(in: 0..<30, using: &generator),
                            onTime: Int.random(in: 0..<200, using: &generator),
                            late: Int.random(in: 0..<6, using: &generator),
                            online: Int.random(in: 0..<50, using: &generator),
                            offline: Int.random(in: 0..<150, using: &generator)))
                }
            }
        }
        let data = DatasetFigures(MetricTable(schema: Self.schema, rows: rows, files: []))
        let onTime = Self.schema.measure("on_time_rate")!,
            online = Self.schema.measure("online_share")!
        func col(_ row: MetricRow, _ key: String) -> Int {
            row.values[Self.schema.columnIndex(key)!] ?? 0
        }
        let spans: [Span] =
            (1...9).map { .month(2021, $0) } + (1...3).map { .quarter(2021, $0) } + [
                .year(2021, through: 9)
            ]
        for span in spans {
            for unit in units + [nil] as [String?] {
                for selection in [
                    FieldSelection.all, .excluding(["dat-dai", "dau-tu"]), .only(["dat-dai"]),
                ] {
                    let picked = rows.filter { r in
                        (unit == nil || r.unit == unit) && selection.includes(r.field)
                            && r.period.months.allSatisfy { m in
                                if case .month(_, let n) = m {
                                    return n >= span.firstMonth && n <= span.lastMonth
                                } else {
                                    return false
                                }
                            }
                    }
                    let good = picked.map {
                        col($0, "resolved_early") + col($0, "resolved_on_time")
                    }.reduce(0, +)
                    let all = picked.map {
                        col($0, "resolved_early") + col($0, "resolved_on_time")
                            + col($0, "resolved_late")
                    }.reduce(0, +)
                    let expected =
                        all == 0
                        ? nil : Int((Double(good) / Double(all) * 1000 + 0.5).rounded(.down))
                    #expect(
                        data.value(onTime, unit: unit, fields: selection, span: span).rate?.perMille
                            == expected)
                    let on = picked.map { col($0, "received_online") }.reduce(0, +)
                    let received = on + picked.map { col($0, "received_offline") }.reduce(0, +)
                    #expect(
                        data.value(online, unit: unit, fields: selection, span: span).rate
                            == (received == 0 ? nil : Rate(on, of: received)))
                }
            }
        }
    }

    @Test func stocksTakeTheLatestMonthNotTheSum() {
        let schema = BuiltInDatasets.online
        func row(_ unit: String, _ period: String, _ total: Int, _ l3: Int, _ l4: Int) -> MetricRow
        {
            MetricRow(
                unit: unit, field: nil, period: Period(key: period)!, values: [total, l3, l4],
                location: SourceLocation(file: "o.csv"))
        }
        let data = DatasetFigures(
            MetricTable(
                schema: schema,
                rows: [
                    row("a", "2021-01", 50, 10, 5), row("a", "2021-02", 52, 12, 6),
                    row("b", "2021-01", 20, 1, 1),
                ], files: []))
        #expect(
            data.value(schema.measure("level34_count")!, unit: nil, span: .quarter(2021, 1))
                == .count(18 + 2))
        #expect(
            data.value(schema.measure("level34_share")!, unit: "a", span: .year(2021, through: 2))
                == .rate(Rate(18, of: 52)))
    }
}

/// A small deterministic generator (SplitMix64) so generated datasets are the same every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
