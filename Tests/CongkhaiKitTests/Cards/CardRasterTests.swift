import CLibPNG
import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// Cards are written with a 256-colour palette: decoded, they show what was drawn, to within
/// the palette's tolerance; a colour the palette lacks makes an RGB card instead.
@Suite struct CardRasterTests {
    /// A PNG decoded by libpng as RGB bytes, with its colour type (3: palette, 2: RGB).
    static func decode(_ png: Data) throws -> (rgb: [UInt8], colorType: UInt8) {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let bytes = [UInt8](png)
        try #require(png_image_begin_read_from_memory(&image, bytes, bytes.count) != 0)
        image.format = UInt32(PNG_FORMAT_RGB)
        var rgb = [UInt8](repeating: 0, count: Int(image.width * image.height) * 3)
        try #require(png_image_finish_read(&image, nil, &rgb, 0, nil) != 0)
        #expect(image.width == 1200 && image.height == 630)
        return (rgb, bytes[25])
    }

    static let cards = [
        SocialCard(
            owner: "Ủy ban nhân dân quận Gò Vấp", siteTitle: "Cải cách hành chính",
            heading: "Ủy ban nhân dân Phường 17", figure: "99,3%",
            figureLabel: "hồ sơ giải quyết đúng hạn · Năm 2021", note: "4.017/4.044 hồ sơ",
            footer: "cchc.govap.hochiminhcity.gov.vn"),
        SocialCard(
            owner: "Ủy ban nhân dân quận Gò Vấp", siteTitle: "Cải cách hành chính",
            heading: "Công khai kết quả giải quyết thủ tục hành chính", figure: nil,
            figureLabel: nil, note: "Tỷ lệ hồ sơ đúng hạn, mức độ hài lòng, phản ánh kiến nghị",
            footer: "example.org"),
        // Every text too long for its place: wide capitals, a long name, a long label and note.
        SocialCard(
            owner: "Ủy ban nhân dân quận Gò Vấp, Thành phố Hồ Chí Minh, nước Cộng hòa Xã hội",
            siteTitle: "Công khai kết quả cải cách hành chính và giải quyết thủ tục hành chính",
            heading: "WWW MMM Ban Quản lý dự án đầu tư xây dựng khu vực quận Gò Vấp và các phường",
            figure: "100,0%",
            figureLabel: "hồ sơ giải quyết đúng hạn và trước hạn · Năm 2021 (đến hết tháng 10)",
            note: String(repeating: "Mục tiêu ≥ 98% · Đạt · cập nhật ngày 20/11/2021 ", count: 3),
            footer: "cchc.govap.hochiminhcity.gov.vn/don-vi/ban-quan-ly-du-an-dau-tu-xay-dung/"),
    ]

    @Test func aCardIsAPalettePNGThatShowsWhatWasDrawn() throws {
        for card in Self.cards {
            let (indexed, colorType) = try Self.decode(try card.png())
            #expect(colorType == 3, "the design's colours all fit the palette")
            let (drawn, _) = try Self.decode(try CardPainter.rgbPNG(card.drawing()))
            var worst = 0, differing = 0, ink = 0
            for at in 0..<drawn.count {
                let difference = abs(Int(indexed[at]) - Int(drawn[at]))
                worst = max(worst, difference)
                if difference > 0 { differing += 1 }
                if drawn[at] < 128 { ink += 1 }
            }
            // Within the palette's tolerance (a squared distance of 16: 4 on one channel).
            #expect(worst <= 4, "\(card.heading): a channel off by \(worst)")
            #expect(ink > 10_000, "the text was drawn (its fonts were found)")
            // The band is red, the ground white, exactly.
            #expect(Array(indexed[0..<3]) == [0xa4, 0x16, 0x1a])
            let white = (300 * 1200 + 1190) * 3
            #expect(Array(indexed[white..<white + 3]) == [0xff, 0xff, 0xff])
            // No text runs into the right margin (60 px, as on the left): each row's last 59
            // pixels are its ground (the band, its edge, white, the rule).
            for y in 0..<630 {
                let ground = Array(indexed[(y * 1200) * 3..<(y * 1200) * 3 + 3])
                for x in 1141..<1200 {
                    let at = (y * 1200 + x) * 3
                    if Array(indexed[at..<at + 3]) != ground {
                        Issue.record("\(card.heading): ink at (\(x), \(y)) in the right margin")
                        return
                    }
                }
            }
        }
    }

    @Test func aColourThePaletteLacksMakesAnRGBCard() throws {
        let card = Self.cards[0]
        var subject = card.subject()
        subject.marks.append(.fill(x: 1100, y: 500, width: 40, height: 40, color: 0x00ff00))
        let png = try CardPainter(cacheDirectory: nil).png(frame: card.frame(), subject: subject)
        let (rgb, colorType) = try Self.decode(png)
        #expect(colorType == 2)
        let at = (520 * 1200 + 1120) * 3
        #expect(Array(rgb[at..<at + 3]) == [0x00, 0xff, 0x00])
    }

    @Test func thePaletteHoldsItsColoursAndEveryStepOfEachBlend() {
        let palette = SocialCard.palette
        #expect(palette.colors.count <= 256 && palette.bytes.count == palette.colors.count * 3)
        for color in palette.colors {
            let index = try? #require(palette.nearest(color))
            #expect(index.map { palette.colors[Int($0)] } == color)
        }
        let blends: [(CardDrawing.Color, CardDrawing.Color)] = [
            (SocialCard.Colors.band, SocialCard.Colors.white),
            (SocialCard.Colors.white, SocialCard.Colors.text),
            (SocialCard.Colors.white, SocialCard.Colors.figure),
            (SocialCard.Colors.white, SocialCard.Colors.quiet),
        ]
        // Anti-aliased text: every coverage cairo can give, from ground to ink.
        for (ground, ink) in blends {
            for coverage in 0...255 {
                let pixel = CardPalette.mix(ground, ink, coverage, of: 255)
                let index = palette.nearest(pixel)
                #expect(
                    index.map { CardPalette.distance(pixel, palette.colors[Int($0)]) }
                        ?? .max <= CardPalette.tolerance, "\(String(pixel, radix: 16))")
            }
        }
        #expect(palette.nearest(0x00ff00) == nil)
    }
}
