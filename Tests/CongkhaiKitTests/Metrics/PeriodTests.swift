import Testing

@testable import CongkhaiCore

/// `Period.previous`: the period of the same kind that ends the day before this one begins.
@Suite struct PeriodTests {
    @Test func previousIsTheSameKindAndEndsTheDayBefore() {
        var periods: [Period] = []
        for year in 2019...2022 {
            periods.append(.year(year))
            periods += (1...4).map { .quarter(year: year, quarter: $0) }
            periods += (1...12).map { .month(year: year, month: $0) }
        }
        for period in periods {
            let previous = period.previous
            let first = period.months[0]
            guard case .month(let y, let m) = first else {
                Issue.record("\(period) has no first month")
                continue
            }
            #expect(
                previous.lastDay.adding(days: 1) == CalendarDay(year: y, month: m, day: 1),
                "\(period)")
            #expect(previous.months.count == period.months.count, "\(period)")
            #expect(previous < period, "\(period)")
        }
    }

    @Test func previousCrossesTheYear() {
        #expect(Period.month(year: 2021, month: 1).previous == .month(year: 2020, month: 12))
        #expect(Period.month(year: 2021, month: 7).previous == .month(year: 2021, month: 6))
        #expect(Period.quarter(year: 2021, quarter: 1).previous == .quarter(year: 2020, quarter: 4))
        #expect(Period.quarter(year: 2021, quarter: 3).previous == .quarter(year: 2021, quarter: 2))
        #expect(Period.year(2021).previous == .year(2020))
    }
}
