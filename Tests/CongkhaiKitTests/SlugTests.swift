import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

@Suite struct SlugTests {
    @Test func foldsVietnameseDiacritics() {
        #expect(
            Slug.make("Phường 5 triển khai tiếp nhận hồ sơ qua bưu chính công ích")
                == "phuong-5-trien-khai-tiep-nhan-ho-so-qua-buu-chinh-cong-ich")
        #expect(Slug.make("ĐẨY MẠNH đối thoại") == "day-manh-doi-thoai")
        #expect(
            Slug.make("“Đi từng ngõ, gõ từng nhà”: 100% hồ sơ!")
                == "di-tung-ngo-go-tung-nha-100-ho-so")
        #expect(Slug.make("  --  ") == "")
    }

    @Test func sameSlugWhetherTheFileIsNFCOrNFD() {
        let title = "Tuyên truyền cải cách hành chính ở Phường 17 và Đội ngũ"
        let nfc = title.precomposedStringWithCanonicalMapping
        let nfd = title.decomposedStringWithCanonicalMapping
        #expect(Array(nfc.unicodeScalars) != Array(nfd.unicodeScalars))
        #expect(Slug.make(nfc) == Slug.make(nfd))
        #expect(Slug.make(nfd) == "tuyen-truyen-cai-cach-hanh-chinh-o-phuong-17-va-doi-ngu")
    }

    @Test func handWrittenSlugs() {
        #expect(Slug.isValid("phuong-5"))
        #expect(!Slug.isValid("../x"))
        #expect(!Slug.isValid("-x"))
        #expect(!Slug.isValid("Chu-Hoa"))
        #expect(!Slug.isValid(""))
    }
}

@Suite struct DateTests {
    @Test func daysAndVietnameseFormat() {
        let day = CalendarDay(iso: "2021-03-05")
        #expect(day?.vietnamese == "05/03/2021")
        #expect(CalendarDay(iso: "2021-02-29") == nil)
        #expect(CalendarDay(iso: "2020-02-29") != nil)
        #expect(CalendarDay(iso: "2021-3-5") == nil)
        #expect(
            CalendarDay(year: 2021, month: 1, day: 1).adding(days: -1)
                == CalendarDay(year: 2020, month: 12, day: 31))
        #expect(CalendarDay(daysSinceEpoch: 0) == CalendarDay(year: 1970, month: 1, day: 1))
    }

    @Test func timestampsReadInVietnamWithoutOffset() {
        #expect(Timestamp(iso: "2021-03-15")?.rfc3339 == "2021-03-15T00:00:00+07:00")
        #expect(Timestamp(iso: "2021-03-15T08:30")?.rfc3339 == "2021-03-15T08:30:00+07:00")
        #expect(Timestamp(iso: "2021-03-15T20:00:00Z")?.rfc3339 == "2021-03-16T03:00:00+07:00")
        #expect(Timestamp(iso: "2021-03-15T20:00:00Z")?.vietnamDay.vietnamese == "16/03/2021")
        #expect(Timestamp(iso: "2021-03-15T08:30:00+09:00")?.rfc3339 == "2021-03-15T06:30:00+07:00")
        #expect(Timestamp(iso: "2021-03-15T25:00") == nil)
        #expect(Timestamp(iso: "hôm qua") == nil)
    }

    @Test func vietnameseNumbers() {
        #expect(VietnameseNumber.integer(1234567) == "1.234.567")
        #expect(VietnameseNumber.integer(999) == "999")
        #expect(VietnameseNumber.integer(-1234) == "-1.234")
        #expect(VietnameseNumber.decimal(scaled: 985, decimals: 1) == "98,5")
        #expect(VietnameseNumber.decimal(scaled: 100000, decimals: 2) == "1.000,00")
        #expect(VietnameseNumber.decimal(scaled: 5, decimals: 2) == "0,05")
    }
}
