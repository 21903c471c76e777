/// A reporting period: a month (`2021-03`), a quarter (`2021-Q1`) or a year (`2021`).
package enum Period: Hashable, Sendable, Comparable, CustomStringConvertible {
    case month(year: Int, month: Int)
    case quarter(year: Int, quarter: Int)
    case year(Int)

    /// Parses `YYYY-MM`, `YYYY-Qn` (also `YYYY-qn`) or `YYYY`.
    package init?(key: some StringProtocol) {
        let parts = key.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let year = Int(first), year >= 1900,
            year <= 2999
        else { return nil }
        switch parts.count {
        case 1: self = .year(year)
        case 2:
            let rest = parts[1]
            if rest.count == 2, let q = rest.first, q == "Q" || q == "q",
                let n = Int(rest.dropFirst()), (1...4).contains(n)
            {
                self = .quarter(year: year, quarter: n)
            } else if rest.count == 2, rest.allSatisfy(\.isNumber), let m = Int(rest),
                (1...12).contains(m)
            {
                self = .month(year: year, month: m)
            } else {
                return nil
            }
        default: return nil
        }
    }

    package var year: Int {
        switch self {
        case .month(let y, _), .quarter(let y, _): return y
        case .year(let y): return y
        }
    }

    /// A whole year (`2021`), not a month or a quarter of one.
    package var isYear: Bool { if case .year = self { return true } else { return false } }

    /// The quarter a month belongs to; a quarter is its own.
    package var quarter: Period? {
        switch self {
        case .month(let y, let m): return .quarter(year: y, quarter: (m - 1) / 3 + 1)
        case .quarter: return self
        case .year: return nil
        }
    }

    /// The period of the same kind just before: March before April, the fourth quarter of the
    /// year before before its first, the year before.
    package var previous: Period {
        switch self {
        case .month(let y, let m):
            return m == 1 ? .month(year: y - 1, month: 12) : .month(year: y, month: m - 1)
        case .quarter(let y, let q):
            return q == 1 ? .quarter(year: y - 1, quarter: 4) : .quarter(year: y, quarter: q - 1)
        case .year(let y): return .year(y - 1)
        }
    }

    /// The months a period spans.
    package var months: [Period] {
        switch self {
        case .month: return [self]
        case .quarter(let y, let q): return (1...3).map { .month(year: y, month: (q - 1) * 3 + $0) }
        case .year(let y): return (1...12).map { .month(year: y, month: $0) }
        }
    }

    /// The last day of the period, for staleness.
    package var lastDay: CalendarDay {
        switch self {
        case .month(let y, let m):
            return CalendarDay(year: y, month: m, day: CalendarDay.daysIn(month: m, year: y))
        case .quarter(let y, let q):
            return CalendarDay(
                year: y, month: q * 3, day: CalendarDay.daysIn(month: q * 3, year: y))
        case .year(let y): return CalendarDay(year: y, month: 12, day: 31)
        }
    }

    /// `2021-03`, `2021-Q1`, `2021`: file names, URLs and CSV cells.
    package var key: String {
        switch self {
        case .month(let y, let m): return "\(pad4(y))-\(pad2(m))"
        case .quarter(let y, let q): return "\(pad4(y))-Q\(q)"
        case .year(let y): return pad4(y)
        }
    }

    package var description: String { key }

    /// `Tháng 3/2021`, `Quý I/2021`, `Năm 2021`.
    package var label: String {
        switch self {
        case .month(let y, let m): return "Tháng \(m)/\(y)"
        case .quarter(let y, let q): return "Quý \(["I", "II", "III", "IV"][q - 1])/\(y)"
        case .year(let y): return "Năm \(y)"
        }
    }

    private var sortKey: (Int, Int, Int) {
        switch self {
        case .month(let y, let m): return (y, m * 10, 0)
        case .quarter(let y, let q): return (y, q * 30 + 1, 1)  // after its last month
        case .year(let y): return (y, 999, 2)
        }
    }

    package static func < (a: Period, b: Period) -> Bool { a.sortKey < b.sortKey }
}

/// A period as one number that sorts like `Period`: `year × 32 + slot`, where a year's slots are
/// January–March 0–2, the first quarter 3, April–June 4–6, the second quarter 7, …, the fourth
/// quarter 15 and the year 16. Metric tables store these (4 bytes) rather than `Period`s.
@usableFromInline package struct PeriodCode: Hashable, Comparable, Sendable {
    @usableFromInline package let raw: Int32

    @usableFromInline init(raw: Int32) { self.raw = raw }

    /// A code read back from storage (the build cache): nil unless it is a period of the years
    /// 1900 to 2999 (a slot of 0…16).
    package init?(stored raw: Int) {
        guard raw >= 1900 * 32 && raw <= 2999 * 32 + 16, raw & 31 <= 16 else { return nil }
        self.raw = Int32(raw)
    }

    package init(_ period: Period) {
        switch period {
        case .month(let y, let m): self = .month(y, m)
        case .quarter(let y, let q): raw = Int32(y * 32 + 4 * q - 1)
        case .year(let y): raw = Int32(y * 32 + 16)
        }
    }

    @inlinable package static func month(_ year: Int, _ month: Int) -> PeriodCode {
        PeriodCode(raw: Int32(year * 32 + (month - 1) + (month - 1) / 3))
    }

    @inlinable package var year: Int { Int(raw >> 5) }
    /// 0…16, as above.
    @inlinable package var slot: Int { Int(raw & 31) }
    @inlinable package var isMonth: Bool { slot < 15 && slot & 3 != 3 }
    @inlinable package var isQuarter: Bool { slot < 16 && slot & 3 == 3 }
    @inlinable package var isYear: Bool { slot == 16 }

    /// A quarter's first month (a quarter's code follows its three months').
    @inlinable package var firstMonthOfQuarter: PeriodCode {
        precondition(isQuarter, "not a quarter")
        return PeriodCode(raw: raw - 3)
    }

    package var period: Period {
        let s = slot
        if isYear { return .year(year) }
        if isQuarter { return .quarter(year: year, quarter: (s + 1) / 4) }
        return .month(year: year, month: s - s / 4 + 1)
    }

    @inlinable package static func < (a: PeriodCode, b: PeriodCode) -> Bool { a.raw < b.raw }
}
