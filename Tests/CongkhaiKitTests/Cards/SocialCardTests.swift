import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// Every page kind carries social-card meta, and its `og:image` is a 1200×630 PNG of the site
/// (a unit's page and its embed: the unit's own card).
@Suite struct SocialCardTests {
    static let base = "https://cchc.govap.hochiminhcity.gov.vn"

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ data: Data) -> (Int, Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0] == 0x89, bytes[1] == 0x50, bytes[2] == 0x4E,
            bytes[3] == 0x47
        else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    static func meta(_ html: String, _ attribute: String, _ name: String) -> String? {
        html.components(separatedBy: "<meta \(attribute)=\"\(name)\" content=\"").dropFirst().first?
            .components(separatedBy: "\"").first
    }

    @Test func everyPageKindHasSocialMetaWithARasterImage() throws {
        let output = try RealSite.built().output
        let kinds = [
            "index.html": "website", "tin-tuc/index.html": "website",
            "tin-tuc/huong-dan-nop-ho-so-truc-tuyen/index.html": "article",
            "tin-tuc/the/index.html": "website", "don-vi/index.html": "website",
            "don-vi/phuong-5/index.html": "website", "don-vi/phuong-5/nhung/index.html": "website",
            "thong-ke/index.html": "website", "thong-ke/2021-03/index.html": "website",
            "cong-khai/index.html": "website",
            "ke-hoach/index.html": "website", "ke-hoach/muc-tieu/index.html": "website",
            "du-lieu/index.html": "website",
            "tim-kiem/index.html": "website",
        ]
        for (page, type) in kinds.sorted(by: { $0.key < $1.key }) {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            let url = Self.base + "/" + page.replacingOccurrences(of: "index.html", with: "")
            #expect(Self.meta(html, "property", "og:url") == url, "\(page)")
            #expect(Self.meta(html, "property", "og:type") == type, "\(page)")
            #expect(!(Self.meta(html, "property", "og:title") ?? "").isEmpty, "\(page)")
            #expect(!(Self.meta(html, "property", "og:description") ?? "").isEmpty, "\(page)")
            #expect(Self.meta(html, "name", "twitter:card") == "summary_large_image", "\(page)")
            let image = try #require(Self.meta(html, "property", "og:image"), "\(page)")
            #expect(image.hasPrefix(Self.base + "/"), "\(page): og:image must be absolute")
            let file = output.appendingPathComponent(String(image.dropFirst(Self.base.count + 1)))
            let size = Self.pngSize(try Data(contentsOf: file))
            #expect(
                size.map { $0 == 1200 && $1 == 630 } == true,
                "\(page): \(image) is not a 1200×630 PNG")
            let expected =
                page.hasPrefix("don-vi/phuong-5/")
                ? "/don-vi/phuong-5/the-chia-se.png" : "/the-chia-se.png"
            #expect(image == Self.base + expected, "\(page)")
        }
        // Every unit has its card.
        for unit in try FileManager.default.contentsOfDirectory(
            atPath: output.appendingPathComponent("don-vi").path) where !unit.hasSuffix(".html")
        {
            #expect(
                Self.pngSize(
                    try Data(
                        contentsOf: output.appendingPathComponent("don-vi/\(unit)/the-chia-se.png"))
                ) != nil, "\(unit)")
        }
    }

    @Test func aUnitCardShowsItsNameAndOnTimeRate() throws {
        let card = SocialCard(
            owner: "Ủy ban nhân dân quận Gò Vấp", siteTitle: "Cải cách hành chính",
            heading: "Phòng Tài chính & Kế hoạch <Gò Vấp>",
            figure: "99,3%", figureLabel: "hồ sơ giải quyết đúng hạn · Năm 2021",
            note: "4.017/4.044 hồ sơ", footer: "example.org")
        // Text is drawn as given: nothing is parsed on its way to pixels, so nothing is escaped.
        let texts = card.drawing().lines.map(\.text)
        #expect(texts.joined(separator: " ").contains("Phòng Tài chính & Kế hoạch <Gò Vấp>"))
        #expect(texts.contains("99,3%") && texts.contains("4.017/4.044 hồ sơ"))
        let png = try card.png()
        #expect(Self.pngSize(png).map { $0 == 1200 && $1 == 630 } == true)
        // A long name wraps to two lines and never runs off the card.
        let lines = SocialCard.wrap(
            String(repeating: "Trung tâm Văn hóa Thể thao ", count: 6), size: 52, bold: true,
            maxLines: 2)
        #expect(
            lines.count == 2
                && lines.allSatisfy { SocialCard.width($0, size: 52, bold: true) <= 1080 }
                && lines[1].hasSuffix("…"))
    }
}
