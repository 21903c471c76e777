/// Checks the rows of every metric table against each other and against their dataset's rules,
/// reporting every problem at once at the row's place, and keeps the rows that pass:
///
/// - one row per unit × period × field (a later duplicate is an error; the first is kept);
/// - months and their quarter are not both given for the same unit × field (the quarter row is dropped);
/// - the dataset's identities (`Identity`) and bounds (`Bound`) hold in every row;
/// - a month carries over what the previous month left pending (`CarryOver`; a warning only).
public enum MetricsValidator {
    public static func validate(_ tables: [MetricTable], log: DiagnosticLog) -> [MetricTable] {
        tables.map { validate($0, log: log) }
    }

    struct RowKey: Hashable {
        var unit: String
        var field: String?
        var period: Period
    }

    static func validate(_ table: MetricTable, log: DiagnosticLog) -> MetricTable {
        let schema = table.schema
        // Rows in file order, so "first given" means the first in the sorted file list.
        let file = MetricsLoader.ranks(table.rows.map(\.location.file))
        let places = table.rows.map { (file[$0.location.file]!, $0.location.line, $0.location.column) }
        let order = table.rows.indices.sorted { places[$0] < places[$1] }
        var invalid = Set<Int>()

        // One row per unit × period × field.
        var first: [RowKey: Int] = [:]
        for i in order {
            let row = table.rows[i]
            let key = RowKey(unit: row.unit, field: row.field, period: row.period)
            if let j = first[key] {
                let earlier = table.rows[j].location
                log.error(row.location, "duplicate row for \(describe(key))", hint: "first given at \(earlier.file):\(earlier.line)")
                invalid.insert(i)
            } else {
                first[key] = i
            }
        }

        // Not months and their quarter both.
        if schema.granularity == .monthOrQuarter {
            struct QuarterKey: Hashable { var unit: String; var field: String?; var quarter: Period }
            var months: [QuarterKey: [Int]] = [:]
            var quarters: [(QuarterKey, Int)] = []
            for i in order where !invalid.contains(i) {
                let row = table.rows[i]
                guard let quarter = row.period.quarter else { continue }
                let key = QuarterKey(unit: row.unit, field: row.field, quarter: quarter)
                if case .month = row.period { months[key, default: []].append(i) } else { quarters.append((key, i)) }
            }
            for (key, i) in quarters {
                guard let monthRows = months[key], let firstMonth = monthRows.first else { continue }
                let row = table.rows[i]
                let listed = Set(monthRows.map { table.rows[$0].period }).sorted().map(\.key).joined(separator: ", ")
                let at = table.rows[firstMonth].location
                log.error(row.location,
                          "\(row.period.key) and its months (\(listed)) are both given for \(describe(unit: row.unit, field: row.field))",
                          hint: "give either the months or the quarter; \(table.rows[firstMonth].period.key) is at \(at.file):\(at.line)")
                invalid.insert(i)
            }
        }

        // Identities and bounds, row by row.
        let identities = schema.identities.map { identity in
            (identity, identity.left.map(schema.columnIndex), identity.right.map(schema.columnIndex))
        }
        let bounds = schema.bounds.map { bound in (bound.part.map(schema.columnIndex), bound.whole.map(schema.columnIndex)) }
        for i in order {
            let row = table.rows[i]
            for (identity, left, right) in identities {
                let leftPresent = present(left, in: row), rightPresent = present(right, in: row)
                if !identity.always {
                    let all = left + right
                    guard all.allSatisfy({ $0 != nil }), leftPresent.count + rightPresent.count == all.count else { continue }
                }
                guard !leftPresent.isEmpty, !rightPresent.isEmpty else { continue }
                let a = sum(leftPresent, in: row), b = sum(rightPresent, in: row)
                if a != b {
                    log.error(row.location, "\(names(leftPresent, schema)) (\(a)) ≠ \(names(rightPresent, schema)) (\(b))")
                    invalid.insert(i)
                }
            }
            for (part, whole) in bounds {
                let partPresent = present(part, in: row), wholePresent = present(whole, in: row)
                guard !partPresent.isEmpty, whole.allSatisfy({ $0 != nil }), wholePresent.count == whole.count else { continue }
                let a = sum(partPresent, in: row), b = sum(wholePresent, in: row)
                if a > b {
                    log.error(row.location, "\(names(partPresent, schema)) (\(a)) exceeds \(names(wholePresent, schema)) (\(b))")
                    invalid.insert(i)
                }
            }
        }

        // A month's carried-over count against the previous month's pending (a warning).
        if let carry = schema.carryOver, let column = schema.columnIndex(carry.column) {
            let from = carry.from.map(schema.columnIndex)
            var valid: [RowKey: Int] = [:]
            for i in order where !invalid.contains(i) {
                let row = table.rows[i]
                valid[RowKey(unit: row.unit, field: row.field, period: row.period)] = i
            }
            for i in order where !invalid.contains(i) {
                let row = table.rows[i]
                guard case .month(let year, let month) = row.period, let carried = row.values[column] else { continue }
                let previous: Period = month == 1 ? .month(year: year - 1, month: 12) : .month(year: year, month: month - 1)
                guard let j = valid[RowKey(unit: row.unit, field: row.field, period: previous)] else { continue }
                let before = table.rows[j]
                let pending = present(from, in: before)
                guard !pending.isEmpty else { continue }
                let left = sum(pending, in: before)
                if carried != left {
                    log.warning(row.location,
                                "\(carry.column) (\(carried)) differs from \(names(pending, schema)) of \(previous.key) (\(left))",
                                hint: "\(previous.key) is at \(before.location.file):\(before.location.line)")
                }
            }
        }

        var kept = table
        kept.rows = table.rows.indices.filter { !invalid.contains($0) }.map { table.rows[$0] }
        return kept
    }

    /// The column indices among `columns` that this row has a value for.
    private static func present(_ columns: [Int?], in row: MetricRow) -> [Int] {
        columns.compactMap { $0 }.filter { row.values[$0] != nil }
    }

    private static func sum(_ columns: [Int], in row: MetricRow) -> Int {
        columns.reduce(0) { $0 + (row.values[$1] ?? 0) }
    }

    private static func names(_ columns: [Int], _ schema: DatasetSchema) -> String {
        columns.map { schema.columns[$0].key }.joined(separator: " + ")
    }

    private static func describe(_ key: RowKey) -> String {
        "\(describe(unit: key.unit, field: key.field)), period \(key.period.key)"
    }

    private static func describe(unit: String, field: String?) -> String {
        field.map { "unit \(unit), field \($0)" } ?? "unit \(unit)"
    }
}
