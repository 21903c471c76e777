import Foundation

/// Which fields a figure covers.
public enum FieldSelection: Sendable, Hashable {
    case all
    case only(Set<String>)
    case excluding(Set<String>)

    public func includes(_ field: String?) -> Bool {
        switch self {
        case .all: return true
        case .only(let ids): return field.map(ids.contains) ?? false
        case .excluding(let ids): return field.map { !ids.contains($0) } ?? true
        }
    }
}

/// One dataset's rows, indexed for the questions pages ask: a unit's (or the district's) counts
/// over a span, for some fields.
public struct DatasetFigures: Sendable {
    public let schema: DatasetSchema
    /// Rows per unit, ordered by field then period: slices of one array, so no row is copied.
    public let rowsByUnit: [String: ArraySlice<MetricRow>]
    /// Every span with data, oldest first: months, quarters, and each year to date.
    public let spans: [Span]
    private let latestColumns: [Int]
    /// District totals per span and field (`""` for rows without a field), summed in one pass:
    /// the district's figures are asked for many times and would otherwise rescan every row.
    private let districtTotals: Lazily<[Span: [String: Counts]]>

    public init(_ table: MetricTable) {
        schema = table.schema
        // Loaded tables come sorted by unit, field, period; anything else is sorted once here.
        func ordered(_ a: MetricRow, _ b: MetricRow) -> Bool { (a.unit, a.field ?? "", a.period) < (b.unit, b.field ?? "", b.period) }
        let rows = zip(table.rows, table.rows.dropFirst()).allSatisfy { !ordered($1, $0) } ? table.rows : table.rows.sorted(by: ordered)
        var byUnit: [String: ArraySlice<MetricRow>] = [:]
        var start = rows.startIndex
        while start < rows.endIndex {
            var end = start + 1
            while end < rows.endIndex && rows[end].unit == rows[start].unit { end += 1 }
            byUnit[rows[start].unit] = rows[start..<end]
            start = end
        }
        rowsByUnit = byUnit
        latestColumns = table.schema.columns.indices.filter { table.schema.columns[$0].aggregation == .latest }

        var spans = Set<Span>()
        var lastMonthOfYear: [Int: Int] = [:]
        for row in table.rows {
            switch row.period {
            case .month(let y, let m):
                spans.insert(.month(y, m))
                lastMonthOfYear[y] = max(lastMonthOfYear[y] ?? 0, m)
            case .quarter(let y, let q):
                spans.insert(.quarter(y, q))
                lastMonthOfYear[y] = max(lastMonthOfYear[y] ?? 0, q * 3)
            case .year(let y):
                lastMonthOfYear[y] = max(lastMonthOfYear[y] ?? 0, 12)
            }
        }
        for (year, last) in lastMonthOfYear {
            spans.insert(.year(year, through: last))
            // Quarters that have ended in the data (a quarter in progress would read as a whole one).
            for q in 1...4 where q * 3 <= last && spans.contains(where: { $0.year == year && $0.kind == .month && (q * 3 - 2...q * 3).contains($0.firstMonth) }) {
                spans.insert(.quarter(year, q))
            }
        }
        self.spans = spans.sorted()

        // Summed on first use: an incremental build that renders no district page never pays for it.
        let allSpans = self.spans, columns = table.schema.columns.count
        districtTotals = Lazily {
            var totals: [Span: [String: Counts]] = [:]
            for row in rows {
                for span in allSpans where span.contains(row.period) {
                    totals[span, default: [:]][row.field ?? "", default: Counts(columns: columns)].add(row)
                }
            }
            return totals
        }
    }

    public var units: [String] { rowsByUnit.keys.sorted() }

    /// The newest span of each kind, e.g. the latest month.
    public func latestSpan(_ kind: Span.Kind) -> Span? { spans.last { $0.kind == kind } }

    /// The year-to-date span of `year`.
    public func yearSpan(_ year: Int) -> Span? { spans.last { $0.kind == .year && $0.year == year } }

    /// A unit's counts (nil: the whole district) over `span` for the selected fields.
    public func counts(unit: String?, fields: FieldSelection = .all, span: Span) -> Counts {
        var total = Counts(columns: schema.columns.count)
        if let unit {
            add(rowsByUnit[unit] ?? [], fields: fields, span: span, into: &total)
        } else if latestColumns.isEmpty {
            for (field, counts) in districtTotals.value[span] ?? [:] where fields.includes(field.isEmpty ? nil : field) {
                total.add(counts)
            }
        } else {
            for rows in rowsByUnit.values { add(rows, fields: fields, span: span, into: &total) }
        }
        return total
    }

    private func add(_ rows: ArraySlice<MetricRow>, fields: FieldSelection, span: Span, into total: inout Counts) {
        if latestColumns.isEmpty {
            for row in rows where span.contains(row.period) && fields.includes(row.field) { total.add(row) }
            return
        }
        // Stocks (e.g. procedures offered online) take each unit × field's latest value in the span.
        var latest: [String: MetricRow] = [:]
        for row in rows where span.contains(row.period) && fields.includes(row.field) {
            var flows = row
            for i in latestColumns { flows.values[i] = nil }
            total.add(flows)
            latest[row.field ?? ""] = row  // within a field, rows are in period order
        }
        for row in latest.values {
            for i in latestColumns { total.sums[i] += row.values[i] ?? 0 }
        }
    }

    /// The measure's value for a unit (nil: the district) over a span.
    public func value(_ measure: Measure, unit: String?, fields: FieldSelection = .all, span: Span) -> MeasureValue {
        counts(unit: unit, fields: fields, span: span).value(of: measure, in: schema)
    }

    /// Fields a unit (nil: anyone) has figures for in a span, sorted by id.
    public func fields(unit: String?, span: Span) -> [String] {
        if unit == nil && latestColumns.isEmpty {
            return (districtTotals.value[span]?.keys).map { $0.filter { !$0.isEmpty }.sorted() } ?? []
        }
        var found = Set<String>()
        func scan(_ rows: ArraySlice<MetricRow>) {
            for row in rows where span.contains(row.period) { if let field = row.field { found.insert(field) } }
        }
        if let unit { scan(rowsByUnit[unit] ?? []) } else { for rows in rowsByUnit.values { scan(rows) } }
        return found.sorted()
    }

    /// The newest period anyone has figures for: the period the district reports on.
    public var latestPeriod: Period? { rowsByUnit.keys.compactMap { newestPeriod(unit: $0) }.max() }

    /// The newest period a unit has figures for.
    public func newestPeriod(unit: String) -> Period? { rowsByUnit[unit]?.lazy.map(\.period).max() }
}
