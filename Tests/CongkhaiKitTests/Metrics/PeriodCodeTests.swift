import Testing

@testable import CongkhaiCore

/// A period's code says what it is: month, quarter or year, and a quarter's first month.
@Suite struct PeriodCodeTests {
    @Test func everyPeriodOfAYearIsExactlyOneKind() {
        for month in 1...12 {
            let code = PeriodCode(.month(year: 2021, month: month))
            #expect(code.isMonth && !code.isQuarter && !code.isYear, "month \(month)")
            #expect(code.period == .month(year: 2021, month: month))
        }
        for quarter in 1...4 {
            let code = PeriodCode(.quarter(year: 2021, quarter: quarter))
            #expect(code.isQuarter && !code.isMonth && !code.isYear, "quarter \(quarter)")
            #expect(
                code.firstMonthOfQuarter == PeriodCode(.month(year: 2021, month: 3 * quarter - 2)))
            #expect(code.period == .quarter(year: 2021, quarter: quarter))
        }
        let year = PeriodCode(.year(2021))
        #expect(year.isYear && !year.isMonth && !year.isQuarter)
    }
}
