import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// The pager's window, checked against its definition: every page that is the first, the last,
/// or within two of the current one is shown, in order, with a gap wherever numbers are skipped.
@Suite struct PaginationTests {
    @Test func windowShowsTheFirstTheLastAndTwoEitherSide() {
        for count in 1...30 {
            for page in 1...count {
                let shown = (1...count).filter { $0 == 1 || $0 == count || abs($0 - page) <= 2 }
                var expected: [Int?] = []
                for n in shown {
                    if let previous = expected.last ?? nil, n > previous + 1 {
                        expected.append(nil)
                    }
                    expected.append(n)
                }
                let w = Pagination.window(around: page, count: count)
                var made: [Int?] = []
                if let first = w.first { made.append(first) }
                if w.gapBefore { made.append(nil) }
                made += w.before.map { Optional($0) }
                made.append(page)
                made += w.after.map { Optional($0) }
                if w.gapAfter { made.append(nil) }
                if let last = w.last { made.append(last) }
                #expect(made == expected, "page \(page) of \(count)")
            }
        }
    }

    @Test func aLongListKeepsASmallPager() {
        let w = Pagination.window(around: 5_000, count: 9_900)
        #expect(
            w
                == Pagination.Window(
                    first: 1, gapBefore: true, before: [4_998, 4_999], after: [5_001, 5_002],
                    gapAfter: true, last: 9_900))
    }
}
