import Testing
@testable import CongkhaiKit

@Suite struct SlugTests {
    @Test func foldsVietnameseDiacritics() {
        #expect(Slug.make("Phường 5 triển khai tiếp nhận hồ sơ qua bưu chính công ích")
                == "phuong-5-trien-khai-tiep-nhan-ho-so-qua-buu-chinh-cong-ich")
        #expect(Slug.make("Đẩy mạnh đối thoại") == "day-manh-doi-thoai")
    }
}
