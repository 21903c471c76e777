import CongkhaiCore
import Foundation

/// One dataset's rows, indexed for the questions pages ask: a unit's (or the district's) counts
/// over a span, for some fields.
///
/// The table keeps a unit × field's rows together, sorted by period (`MetricTable`), so a unit's
/// counts over a span are, for each of its fields, a binary search to the span's first period and
/// a short walk: no row is looked at twice and none is made into a `MetricRow`. The district's
/// counts are summed once per period and field (flows), or once per span and selection (stocks).
package struct DatasetFigures: Sendable {
    package let schema: DatasetSchema
    package let table: MetricTable
    /// Every span with data, oldest first: months, quarters, and each year to date.
    package let spans: [Span]
    /// Units with rows, sorted (the table's `unitIDs`).
    package var units: [String] { table.unitIDs }
    /// The newest period anyone has figures for: the period the district reports on.
    package let latestPeriod: Period?

    /// Unit id → its place in `table.unitIDs`.
    private let unitLookup: [String: Int]
    /// Runs of one unit × field: `runStart[r]..<runStart[r + 1]`; a unit's runs are `unitRuns[u]`.
    private let runStart: [Int]
    private let unitRuns: [Range<Int>]
    private let newestByUnit: [PeriodCode]
    private let latestColumns: [Int]
    /// Schema columns summed as flows: every column for datasets without stocks.
    private let flowColumns: [Int]
    /// Distinct periods of the table, and the district's flow sums per (field + 1) × period.
    private let periods: [PeriodCode]
    private let districtByPeriod: Lazily<[[Counts]]>
    private let districtMemo = Memo<DistrictKey, Counts>()

    private struct DistrictKey: Hashable { var span: Span; var fields: FieldSelection }

    package init(_ table: MetricTable) {
        schema = table.schema
        self.table = table
        let n = table.count
        var unitLookup: [String: Int] = [:]
        for (u, id) in table.unitIDs.enumerated() { unitLookup[id] = u }
        self.unitLookup = unitLookup

        var runStart: [Int] = [], unitRuns: [Range<Int>] = [], newest: [PeriodCode] = []
        var i = 0
        while i < n {
            let unit = table.unitIndex[i]
            let firstRun = runStart.count
            var newestCode = table.periodCode[i]
            while i < n && table.unitIndex[i] == unit {
                runStart.append(i)
                let field = table.fieldIndex[i]
                while i < n && table.unitIndex[i] == unit && table.fieldIndex[i] == field { i += 1 }
                newestCode = max(newestCode, table.periodCode[i - 1])
            }
            unitRuns.append(firstRun..<runStart.count)
            newest.append(newestCode)
        }
        runStart.append(n)
        self.runStart = runStart
        self.unitRuns = unitRuns
        newestByUnit = newest
        latestPeriod = newest.max()?.period
        latestColumns = table.schema.columns.indices.filter {
            table.schema.columns[$0].aggregation == .latest
        }
        let latestColumns = latestColumns
        flowColumns = table.schema.columns.indices.filter {
            table.slot[$0] >= 0 && !latestColumns.contains($0)
        }

        let periods = Set(table.periodCode).sorted()
        self.periods = periods
        var spans = Set<Span>()
        var lastMonthOfYear: [Int: Int] = [:]
        for code in periods {
            switch code.period {
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
            for q in 1...4
            where q * 3 <= last
                && spans.contains(where: {
                    $0.year == year && $0.kind == .month
                        && (q * 3 - 2...q * 3).contains($0.firstMonth)
                })
            {
                spans.insert(.quarter(year, q))
            }
        }
        self.spans = spans.sorted()

        // Summed on first use: an incremental build that renders no district page never pays for it.
        let columns = table.schema.columns.count, fields = table.fieldIDs.count
        let flows = flowColumns
        districtByPeriod = Lazily {
            var position: [PeriodCode: Int] = [:]
            for (k, code) in periods.enumerated() { position[code] = k }
            var sums = [Int](repeating: 0, count: (fields + 1) * periods.count * columns)
            var rows = [Int](repeating: 0, count: (fields + 1) * periods.count)
            var lastCode: PeriodCode?, lastPosition = 0
            for i in 0..<n {
                let code = table.periodCode[i]
                if code != lastCode { lastCode = code; lastPosition = position[code]! }
                let cell = (Int(table.fieldIndex[i]) + 1) * periods.count + lastPosition
                rows[cell] += 1
                let base = cell * columns
                for c in flows { if let v = table.value(c, at: i) { sums[base + c] += v } }
            }
            return (0...fields).map { f in
                (0..<periods.count).map { p in
                    let cell = f * periods.count + p
                    return Counts(
                        sums: Array(sums[(cell * columns)..<((cell + 1) * columns)]),
                        rows: rows[cell])
                }
            }
        }
    }

    /// The newest span of each kind, e.g. the latest month.
    package func latestSpan(_ kind: Span.Kind) -> Span? { spans.last { $0.kind == kind } }

    /// The year-to-date span of `year`.
    package func yearSpan(_ year: Int) -> Span? {
        spans.last { $0.kind == .year && $0.year == year }
    }

    /// The unit has figures in this dataset.
    package func has(unit: String) -> Bool { unitLookup[unit] != nil }

    /// A unit's counts (nil: the whole district) over `span` for the selected fields.
    package func counts(unit: String?, fields: FieldSelection = .all, span: Span) -> Counts {
        guard let unit else {
            return districtMemo.value(for: DistrictKey(span: span, fields: fields)) {
                districtCounts(fields: fields, span: span)
            }
        }
        var total = Counts(columns: schema.columns.count)
        guard let u = unitLookup[unit] else { return total }
        let window = SpanWindow(span), selected = fieldFilter(fields)
        for run in unitRuns[u] { add(run: run, selected: selected, window: window, into: &total) }
        return total
    }

    private func districtCounts(fields: FieldSelection, span: Span) -> Counts {
        var total = Counts(columns: schema.columns.count)
        let window = SpanWindow(span), selected = fieldFilter(fields)
        if latestColumns.isEmpty {
            let byPeriod = districtByPeriod.value
            for f in byPeriod.indices where selected.map({ $0[f] }) ?? true {
                for (p, code) in periods.enumerated() where window.contains(code) {
                    total.add(byPeriod[f][p])
                }
            }
        } else {
            for run in 0..<(runStart.count - 1) {
                add(run: run, selected: selected, window: window, into: &total)
            }
        }
        return total
    }

    /// Which runs a selection takes, by field + 1 (0: rows without a field); nil: all.
    private func fieldFilter(_ fields: FieldSelection) -> [Bool]? {
        if case .all = fields { return nil }
        return [fields.includes(nil)] + table.fieldIDs.map { fields.includes($0) }
    }

    /// Adds one unit × field run's rows inside the window.
    @inline(__always)
    private func add(run: Int, selected: [Bool]?, window: SpanWindow, into total: inout Counts) {
        var i = runStart[run]
        let end = runStart[run + 1]
        if let selected, !selected[Int(table.fieldIndex[i]) + 1] { return }
        // The first row at or after the window's first period.
        var high = end
        while i < high {
            let mid = (i + high) / 2
            if table.periodCode[mid] < window.first { i = mid + 1 } else { high = mid }
        }
        var last = -1
        while i < end && table.periodCode[i] <= window.last {
            if window.contains(table.periodCode[i]) {
                for c in flowColumns { if let v = table.value(c, at: i) { total.sums[c] += v } }
                total.rows += 1
                last = i
            }
            i += 1
        }
        // Stocks (e.g. procedures offered online) take each unit × field's latest value in the span.
        if last >= 0 {
            for c in latestColumns { total.sums[c] += table.value(c, at: last) ?? 0 }
        }
    }

    /// Every unit's sums of some columns over every span, in one walk over the rows: for the
    /// computed-figures files, which list each unit for each span. Cell `(unit × spans + span)`
    /// of `rows` counts the rows, and `sums[cell × columns.count + k]` sums `columns[k]`; the
    /// same figures as `counts(unit:span:)`.
    package func unitSpanSums(columns: [Int]) -> (sums: [Int], rows: [Int32]) {
        let spanCount = spans.count, width = columns.count
        var sums = [Int](repeating: 0, count: table.unitIDs.count * spanCount * width)
        var rows = [Int32](repeating: 0, count: table.unitIDs.count * spanCount)
        guard let low = periods.first?.raw, let high = periods.last?.raw else {
            return (sums, rows)
        }
        // The spans each period counts toward.
        var spansOf = [[Int]](repeating: [], count: Int(high - low) + 1)
        for code in periods {
            spansOf[Int(code.raw - low)] = spans.indices.filter {
                SpanWindow(spans[$0]).contains(code)
            }
        }
        let flows = columns.enumerated().filter { !latestColumns.contains($0.element) }
        let stocks = columns.enumerated().filter { latestColumns.contains($0.element) }
        var latest = [Int](repeating: -1, count: spanCount)
        for (u, runs) in unitRuns.enumerated() {
            for run in runs {
                for i in runStart[run]..<runStart[run + 1] {
                    for s in spansOf[Int(table.periodCode[i].raw - low)] {
                        let cell = u * spanCount + s
                        rows[cell] += 1
                        for (k, c) in flows {
                            if let v = table.value(c, at: i) { sums[cell * width + k] += v }
                        }
                        latest[s] = i
                    }
                }
                guard !stocks.isEmpty else { continue }
                // Stocks take each unit × field's latest value in the span.
                for s in 0..<spanCount where latest[s] >= 0 {
                    let cell = u * spanCount + s
                    for (k, c) in stocks {
                        sums[cell * width + k] += table.value(c, at: latest[s]) ?? 0
                    }
                    latest[s] = -1
                }
            }
        }
        return (sums, rows)
    }

    /// The measure's value for a unit (nil: the district) over a span.
    package func value(
        _ measure: Measure, unit: String?, fields: FieldSelection = .all, span: Span
    ) -> MeasureValue {
        counts(unit: unit, fields: fields, span: span).value(of: measure, in: schema)
    }

    /// Fields a unit (nil: anyone) has figures for in a span, sorted by id.
    package func fields(unit: String?, span: Span) -> [String] {
        let window = SpanWindow(span)
        var found = [Bool](repeating: false, count: table.fieldIDs.count)
        if unit == nil && latestColumns.isEmpty {
            let byPeriod = districtByPeriod.value
            for f in found.indices {
                found[f] = periods.indices.contains {
                    window.contains(periods[$0]) && byPeriod[f + 1][$0].rows > 0
                }
            }
        } else {
            let runs: Range<Int>
            if let unit {
                guard let u = unitLookup[unit] else { return [] }
                runs = unitRuns[u]
            } else {
                runs = 0..<(runStart.count - 1)
            }
            for run in runs {
                let field = table.fieldIndex[runStart[run]]
                guard field != MetricTable.noField, !found[Int(field)] else { continue }
                found[Int(field)] = (runStart[run]..<runStart[run + 1]).contains {
                    window.contains(table.periodCode[$0])
                }
            }
        }
        return found.indices.filter { found[$0] }.map { table.fieldIDs[$0] }
    }

    /// The newest period a unit has figures for.
    package func newestPeriod(unit: String) -> Period? {
        unitLookup[unit].map { newestByUnit[$0].period }
    }

    /// A unit's rows (field, period, every value) into `hasher`, nothing of another unit's: what
    /// its pages show of this dataset, with the dataset's `spans`. Its rows are together in the
    /// table, so this reads only them.
    package func combine(unit: String, into hasher: inout StableHasher) {
        guard let u = unitLookup[unit] else { return hasher.combine(-1) }
        let rows = runStart[unitRuns[u].lowerBound]..<runStart[unitRuns[u].upperBound]
        hasher.combine(rows.count)
        for row in rows {
            hasher.combine(table.field(at: row) ?? "")
            hasher.combine(table.period(at: row).key)
            for column in schema.columns.indices {
                hasher.combine(table.value(column, at: row) ?? .min)
            }
        }
    }
}

/// A span as the period codes it takes: a year's slots (`PeriodCode`) as a bit mask.
struct SpanWindow {
    let first: PeriodCode, last: PeriodCode
    let year: Int
    let slots: UInt32

    init(_ span: Span) {
        year = span.year
        var mask: UInt32 = 0
        for m in span.firstMonth...span.lastMonth {
            mask |= 1 << UInt32(PeriodCode.month(span.year, m).slot)
        }
        for q in 1...4 where q * 3 - 2 >= span.firstMonth && q * 3 <= span.lastMonth {
            mask |= 1 << UInt32(PeriodCode(.quarter(year: span.year, quarter: q)).slot)
        }
        // A year's file holds the year to date.
        let wholeYear = PeriodCode(.year(span.year))
        if span.kind == .year { mask |= 1 << UInt32(wholeYear.slot) }
        slots = mask
        first = PeriodCode.month(span.year, 1)
        last = wholeYear
    }

    /// `Span.contains`, on a code.
    @inline(__always) func contains(_ code: PeriodCode) -> Bool {
        code.year == year && slots & (1 << UInt32(code.slot)) != 0
    }
}
