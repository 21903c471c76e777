import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// Social cards are drawn once: kept in the build cache under a hash of what they show, reused
/// by later builds (with or without `--no-cache`), redrawn when what they show changes, and the
/// same bytes whether drawn now or taken from the cache.
@Suite struct CardCacheTests {
    static let dossiers =
        "unit,period,field,carried_over,received_online,received_offline,resolved_early,resolved_on_time,resolved_late,pending_in_time,pending_overdue\n"

    static func site() throws -> TestSite {
        var files = TestSite.minimal
        files["Content/fields.yml"] = "- id: ho-tich\n  name: Hộ tịch\n"
        files["Content/metrics/dossiers/2021-10.csv"] =
            dossiers + "phuong-1,2021-10,ho-tich,0,2,8,1,9,0,0,0\n"
            + "van-phong,2021-10,ho-tich,0,1,3,0,3,1,0,0\n"
        return try TestSite(files: files)
    }

    /// The PNG files of an output, by path.
    static func cards(_ site: TestSite, _ output: String) -> [String: Data] {
        treeContents(site.root.appendingPathComponent(output)).filter {
            $0.key.hasSuffix(".png")
        }
    }

    @Test func aSecondBuildReusesTheCardsAndAChangedFigureRedrawsOnlyItsCard() throws {
        let site = try Self.site()
        let first = try #require(try? site.build().get())
        // The site's card and one per unit.
        #expect(first.cardsDrawn == 3)
        let kept = try FileManager.default.contentsOfDirectory(atPath: site.path(".cache/cards"))
        #expect(kept.filter { $0.hasSuffix(".png") }.count == 3, "\(kept)")
        let drawn = Self.cards(site, "Public")
        #expect(
            drawn.keys.sorted() == [
                "don-vi/phuong-1/the-chia-se.png", "don-vi/van-phong/the-chia-se.png",
                "the-chia-se.png",
            ])

        // --no-cache renders every page again, but takes the cards from the cache: the same bytes.
        var clean = site.options(output: "Clean")
        clean.useCache = false
        let again = try #require(try? SiteBuilder.build(clean).get())
        #expect(again.cardsDrawn == 0)
        #expect(Self.cards(site, "Clean") == drawn)

        // A build with an empty cache draws them all again, to the same bytes.
        var fresh = site.options(output: "Fresh")
        fresh.cacheDirectory = site.path(".other-cache")
        let redrawn = try #require(try? SiteBuilder.build(fresh).get())
        #expect(redrawn.cardsDrawn == 3)
        #expect(Self.cards(site, "Fresh") == drawn)

        // Phường 1's figure changes: its card alone is drawn again.
        try site.write(
            "Content/metrics/dossiers/2021-10.csv",
            Self.dossiers + "phuong-1,2021-10,ho-tich,0,2,8,1,8,1,0,0\n"
                + "van-phong,2021-10,ho-tich,0,1,3,0,3,1,0,0\n")
        let edited = try #require(try? site.build().get())
        #expect(edited.cardsDrawn == 1)
        let now = Self.cards(site, "Public")
        #expect(now["don-vi/phuong-1/the-chia-se.png"] != drawn["don-vi/phuong-1/the-chia-se.png"])
        #expect(
            now["don-vi/van-phong/the-chia-se.png"] == drawn["don-vi/van-phong/the-chia-se.png"])
        #expect(now["the-chia-se.png"] == drawn["the-chia-se.png"])
        var cleanAfter = site.options(output: "Clean")
        cleanAfter.useCache = false
        cleanAfter.cacheDirectory = site.path(".third-cache")
        let full = try #require(try? SiteBuilder.build(cleanAfter).get())
        #expect(full.cardsDrawn == 3)
        #expect(Self.cards(site, "Clean") == now)
    }

    @Test func aDamagedCardInTheCacheIsDrawnAgain() throws {
        let site = try Self.site()
        let first = try #require(try? site.build().get())
        #expect(first.cardsDrawn == 3)
        let folder = site.path(".cache/cards")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            // Cut short, as a full disk or a killed copy would leave it.
            let url = URL(fileURLWithPath: folder + "/" + name)
            try Data(try Data(contentsOf: url).prefix(100)).write(to: url)
        }
        var clean = site.options(output: "Clean")
        clean.useCache = false
        let again = try #require(try? SiteBuilder.build(clean).get())
        #expect(again.cardsDrawn == 3)
        #expect(Self.cards(site, "Clean") == Self.cards(site, "Public"))
    }

    @Test func aCardNoBuildHasUsedFor30DaysLeavesTheCache() throws {
        let site = try Self.site()
        _ = try #require(try? site.build().get())
        let folder = site.path(".cache/cards")
        let old = Date(timeIntervalSinceNow: -31 * 86_400)
        // One left by an earlier figure, one half written by a stopped build, and this build's cards aged too.
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/0123456789abcdef.png"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/0123456789abcdef.png.part-1"))
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            try FileManager.default.setAttributes(
                [.modificationDate: old], ofItemAtPath: folder + "/" + name)
        }
        var clean = site.options(output: "Clean")
        clean.useCache = false
        let again = try #require(try? SiteBuilder.build(clean).get())
        #expect(again.cardsDrawn == 0, "the aged cards were read, and so renewed")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(left.count == 3 && !left.contains { $0.hasPrefix("0123456789abcdef") }, "\(left)")
    }

    @Test func aCardDrawsItsOwnRowsBetweenTheBandAndTheFoot() throws {
        let card = SocialCard(
            owner: "Ủy ban nhân dân quận Gò Vấp", siteTitle: "Cải cách hành chính",
            heading: String(repeating: "Trung tâm Văn hóa Thể thao ", count: 12),
            figure: nil, figureLabel: nil,
            note: String(repeating: "Trang công khai kết quả ", count: 12), footer: "example.org")
        let subject = card.subject().lines
        #expect(!subject.isEmpty)
        #expect(
            subject.allSatisfy {
                $0.baseline - $0.size >= SocialCard.subjectTop
                    && $0.baseline + $0.size / 3 <= SocialCard.subjectBottom
            })
        let frame = card.frame().lines.map(\.text)
        #expect(!frame.contains { $0.contains("Trung tâm") } && frame.contains("example.org"))
        let png = try card.png()
        #expect(SocialCardTests.pngSize(png).map { $0 == 1200 && $1 == 630 } == true)
        #expect(CardPainter.isWholePNG([UInt8](png)))
    }
}
