import CongkhaiCore
import Foundation

/// Checks the rows of every metric table against each other and against their dataset's rules,
/// reporting every problem at once at the row's place, and keeps the rows that pass:
///
/// - one row per unit × period × field (a later duplicate is an error; the first is kept);
/// - months and their quarter are not both given for the same unit × field (the quarter row is dropped);
/// - the dataset's identities (`Identity`) and bounds (`Bound`) hold in every row;
/// - a month carries over what the previous month left pending (`CarryOver`; a warning only).
///
/// It works on the table's columns and its order (unit, field, period, file, line): a unit ×
/// field's rows are one run, sorted by period, so duplicates are neighbours (the first in file
/// order comes first), a quarter follows its months and a month's predecessor is just before it.
/// Names are made into strings only for a diagnostic.
package enum MetricsValidator {
    package static func validate(_ tables: [MetricTable], log: DiagnosticLog) -> [MetricTable] {
        var checked = tables
        checked.withUnsafeMutableBufferPointer { slots in
            let slots = UnsafeSendable(slots)
            DispatchQueue.concurrentPerform(iterations: tables.count) { i in
                slots.value[i] = validate(tables[i], log: log)
            }
        }
        return checked
    }

    static func validate(_ table: MetricTable, log: DiagnosticLog) -> MetricTable {
        let schema = table.schema
        let n = table.count
        var invalid = [Bool](repeating: false, count: n)
        let period = table.periodCode

        // Runs of one unit × field.
        var groups: [Range<Int>] = []
        var start = 0
        while start < n {
            var end = start + 1
            while end < n && table.unitIndex[end] == table.unitIndex[start]
                && table.fieldIndex[end] == table.fieldIndex[start]
            { end += 1 }
            groups.append(start..<end)
            start = end
        }

        // One row per unit × period × field: later rows of the same period are duplicates of the first.
        for group in groups {
            var first = group.lowerBound
            for i in group.dropFirst() {
                if period[i] != period[first] { first = i; continue }
                let earlier = table.location(at: first)
                log.error(
                    table.location(at: i),
                    "duplicate row for \(describe(table, i)), period \(period[i].period.key)",
                    hint: "first given at \(earlier.file):\(earlier.line)")
                invalid[i] = true
            }
        }

        // Not months and their quarter both (a quarter's code follows its months').
        if schema.granularity == .monthOrQuarter {
            for group in groups {
                for i in group where !invalid[i] && period[i].isQuarter {
                    let firstMonth = period[i].firstMonthOfQuarter
                    var months: [Int] = []
                    var j = i - 1
                    while j >= group.lowerBound && period[j] >= firstMonth {
                        if !invalid[j] && period[j].isMonth { months.append(j) }
                        j -= 1
                    }
                    guard !months.isEmpty else { continue }
                    let listed = Set(months.map { period[$0] }).sorted().map(\.period.key).joined(
                        separator: ", ")
                    let earliest = months.min {
                        (table.fileIndex[$0], table.lineNumber[$0]) < (
                            table.fileIndex[$1], table.lineNumber[$1]
                        )
                    }!
                    let at = table.location(at: earliest)
                    log.error(
                        table.location(at: i),
                        "\(period[i].period.key) and its months (\(listed)) are both given for \(describe(table, i))",
                        hint:
                            "give either the months or the quarter; \(period[earliest].period.key) is at \(at.file):\(at.line)"
                    )
                    invalid[i] = true
                }
            }
        }

        // Identities and bounds, row by row (every row, duplicates too).
        let identities = schema.identities.map { identity in
            (
                left: identity.left.map(schema.columnIndex),
                right: identity.right.map(schema.columnIndex), always: identity.always
            )
        }
        let bounds = schema.bounds.map { bound in
            (part: bound.part.map(schema.columnIndex), whole: bound.whole.map(schema.columnIndex))
        }
        /// How many of `keys` the row has, and their sum.
        @inline(__always) func total(_ keys: [Int?], _ row: Int) -> (present: Int, sum: Int) {
            var present = 0, sum = 0
            for case let c? in keys {
                if let v = table.value(c, at: row) { present += 1; sum += v }
            }
            return (present, sum)
        }
        func names(_ keys: [Int?], _ row: Int) -> String {
            keys.compactMap { $0 }.filter { table.value($0, at: row) != nil }.map {
                schema.columns[$0].key
            }.joined(separator: " + ")
        }
        for (left, right, always) in identities {
            let allKnown = (left + right).allSatisfy { $0 != nil }
            if !always && !allKnown { continue }
            for i in 0..<n {
                let a = total(left, i), b = total(right, i)
                if !always && a.present + b.present != left.count + right.count { continue }
                guard a.present > 0, b.present > 0, a.sum != b.sum else { continue }
                log.error(
                    table.location(at: i),
                    "\(names(left, i)) (\(a.sum)) ≠ \(names(right, i)) (\(b.sum))")
                invalid[i] = true
            }
        }
        for (part, whole) in bounds where whole.allSatisfy({ $0 != nil }) {
            for i in 0..<n {
                let a = total(part, i), b = total(whole, i)
                guard a.present > 0, b.present == whole.count, a.sum > b.sum else { continue }
                log.error(
                    table.location(at: i),
                    "\(names(part, i)) (\(a.sum)) exceeds \(names(whole, i)) (\(b.sum))")
                invalid[i] = true
            }
        }

        // A month's carried-over count against the previous month's pending (a warning).
        if let carry = schema.carryOver, let column = schema.columnIndex(carry.column) {
            let from = carry.from.map(schema.columnIndex)
            for group in groups {
                for i in group where !invalid[i] && period[i].isMonth {
                    guard let carried = table.value(column, at: i) else { continue }
                    let month = period[i].period
                    guard case .month(let year, let m) = month else { continue }
                    let previous =
                        m == 1 ? PeriodCode.month(year - 1, 12) : PeriodCode.month(year, m - 1)
                    var j = i - 1
                    while j >= group.lowerBound && period[j] > previous { j -= 1 }
                    while j >= group.lowerBound && period[j] == previous && invalid[j] { j -= 1 }
                    guard j >= group.lowerBound, period[j] == previous else { continue }
                    let pending = total(from, j)
                    guard pending.present > 0, carried != pending.sum else { continue }
                    let before = table.location(at: j)
                    log.warning(
                        table.location(at: i),
                        "\(carry.column) (\(carried)) differs from \(names(from, j)) of \(previous.period.key) (\(pending.sum))",
                        hint: "\(previous.period.key) is at \(before.file):\(before.line)")
                }
            }
        }

        return table.keeping((0..<n).filter { !invalid[$0] })
    }

    private static func describe(_ table: MetricTable, _ row: Int) -> DiagnosticText {
        table.field(at: row).map { "unit \(table.unit(at: row)), field \($0)" }
            ?? "unit \(table.unit(at: row))"
    }
}
