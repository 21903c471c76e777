import CongkhaiCore

/// A stretch of whole months that figures are summed over: a month, a quarter, a year, or the
/// year to date. A row counts toward a span when every month it covers lies inside the span.
package struct Span: Sendable, Hashable, Comparable {
    package enum Kind: Int, Sendable, Hashable { case month = 0, quarter = 1, year = 2 }

    package var kind: Kind
    package var year: Int
    /// First and last month numbers (1...12), inclusive.
    package var firstMonth: Int
    package var lastMonth: Int

    package static func month(_ year: Int, _ month: Int) -> Span {
        Span(kind: .month, year: year, firstMonth: month, lastMonth: month)
    }
    package static func quarter(_ year: Int, _ q: Int) -> Span {
        Span(kind: .quarter, year: year, firstMonth: q * 3 - 2, lastMonth: q * 3)
    }
    /// The year so far: January through `through`.
    package static func year(_ year: Int, through: Int = 12) -> Span {
        Span(kind: .year, year: year, firstMonth: 1, lastMonth: through)
    }

    package init(kind: Kind, year: Int, firstMonth: Int, lastMonth: Int) {
        self.kind = kind
        self.year = year
        self.firstMonth = firstMonth
        self.lastMonth = lastMonth
    }

    package init(_ period: Period) {
        switch period {
        case .month(let y, let m): self = .month(y, m)
        case .quarter(let y, let q): self = .quarter(y, q)
        case .year(let y): self = .year(y)
        }
    }

    package func contains(_ period: Period) -> Bool {
        switch period {
        case .month(let y, let m): return y == year && m >= firstMonth && m <= lastMonth
        case .quarter(let y, let q):
            return y == year && q * 3 - 2 >= firstMonth && q * 3 <= lastMonth
        // a year's file holds the year to date
        case .year(let y): return y == year && kind == .year
        }
    }

    /// `2021-03`, `2021-Q1`, `2021`: the path segment of `/thong-ke/<key>/`.
    package var key: String {
        switch kind {
        case .month: return Period.month(year: year, month: firstMonth).key
        case .quarter: return Period.quarter(year: year, quarter: lastMonth / 3).key
        case .year: return pad4(year)
        }
    }

    /// `Tháng 3/2021`, `Quý I/2021`, `Năm 2021`, or `Năm 2021 (đến hết tháng 10)`.
    package var label: String {
        switch kind {
        case .month: return Period.month(year: year, month: firstMonth).label
        case .quarter: return Period.quarter(year: year, quarter: lastMonth / 3).label
        case .year:
            return lastMonth == 12 ? "Năm \(year)" : "Năm \(year) (đến hết tháng \(lastMonth))"
        }
    }

    package var lastDay: CalendarDay {
        CalendarDay(
            year: year, month: lastMonth, day: CalendarDay.daysIn(month: lastMonth, year: year))
    }

    package static func < (a: Span, b: Span) -> Bool {
        (a.year, a.lastMonth, a.kind.rawValue) < (b.year, b.lastMonth, b.kind.rawValue)
    }
}
