import CongkhaiCore

/// Column sums over a selection of rows: the one way figures are aggregated. Rates are always
/// computed from these sums (sum the counts, then divide), never by averaging rates.
package struct Counts: Sendable, Hashable {
    /// One sum per schema column.
    package var sums: [Int]
    /// Rows that went into the sums.
    package var rows: Int

    package init(columns: Int) {
        sums = Array(repeating: 0, count: columns)
        rows = 0
    }

    package init(sums: [Int], rows: Int) {
        self.sums = sums
        self.rows = rows
    }

    package mutating func add(_ row: MetricRow) {
        for i in sums.indices { sums[i] += row.values[i] ?? 0 }
        rows += 1
    }

    package mutating func add(_ other: Counts) {
        for i in sums.indices { sums[i] += other.sums[i] }
        rows += other.rows
    }

    package func sum(_ columns: [String], in schema: DatasetSchema) -> Int {
        columns.reduce(0) { total, key in total + (schema.columnIndex(key).map { sums[$0] } ?? 0) }
    }

    package func value(of measure: Measure, in schema: DatasetSchema) -> MeasureValue {
        guard rows > 0 else { return .noData }
        switch measure.formula {
        case .ratio(let numerator, let denominator):
            let rate = Rate(sum(numerator, in: schema), of: sum(denominator, in: schema))
            return rate.hasData ? .rate(rate) : .noData
        case .sum(let columns):
            return .count(sum(columns, in: schema))
        }
    }
}

/// A computed indicator: a rate with its parts, a count, or nothing to compute from.
package enum MeasureValue: Sendable, Hashable {
    case rate(Rate)
    case count(Int)
    case noData

    /// In the units targets are compared in: per mille for rates, the count itself for counts.
    package var comparable: Double? {
        switch self {
        case .rate(let rate): return rate.perMille.map(Double.init)
        case .count(let n): return Double(n)
        case .noData: return nil
        }
    }

    /// `98,5%`, `1.234`, or `không có số liệu`.
    package var text: String {
        switch self {
        case .rate(let rate): return rate.percentText ?? MeasureValue.noDataText
        case .count(let n): return VietnameseNumber.integer(n)
        case .noData: return MeasureValue.noDataText
        }
    }

    package static let noDataText = "Chưa có số liệu"

    package var rate: Rate? { if case .rate(let r) = self { return r } else { return nil } }
}
