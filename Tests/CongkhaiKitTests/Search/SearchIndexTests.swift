import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// The static search index: words folded the way people type on phones, and a query answered from
/// the written files the way `assets/search.js` answers it (every word must match, scores summed).
@Suite struct SearchIndexTests {
    @Test func wordsAreFoldedWithoutMarksCaseOrTheStrokeOfD() {
        #expect(
            SearchIndex.words("Hộ tịch, ĐẤT ĐAI – Phường 5") == [
                "ho", "tich", "dat", "dai", "phuong", "5",
            ])
        // The same words whether the text is composed (NFC) or decomposed (NFD).
        let decomposed = "Một cửa".decomposedStringWithCanonicalMapping
        #expect(SearchIndex.words(decomposed) == ["mot", "cua"])
        #expect(SearchIndex.words("đ Đ d") == ["d", "d", "d"])
    }

    @Test func shardsUseTheFormulaOfTheBrowserScript() {
        // FNV-1a, 32 bits: the published value for "a" is 0xe40c292c; search.js masks it the same way.
        #expect(SearchIndex.shard(of: "a", count: 4096) == 0xe40c292c & 4095)
        #expect(SearchIndex.shardCount(documents: 10) == 1)
        #expect(SearchIndex.shardCount(documents: 53_000) == 256)
        let js = try? String(
            contentsOf: Repository.root.appendingPathComponent("Templates/assets/search.js"),
            encoding: .utf8)
        #expect(js?.contains("0x811c9dc5") == true && js?.contains("0x01000193") == true)
    }

    @Test func aUnitTypedWithoutMarksComesFirstAndDFindsĐ() throws {
        let search = try RealSite.built().output.appendingPathComponent("tim-kiem")
        let page = try String(
            contentsOf: search.appendingPathComponent("index.html"), encoding: .utf8)
        let shards = try #require(
            page.components(separatedBy: "data-shards=\"").dropFirst().first?.prefix { $0.isNumber }
        ).description
        func query(_ text: String) throws -> [(url: String, title: String)] {
            var scores: [Int: Int]? = nil
            for word in SearchIndex.words(text) {
                let file = search.appendingPathComponent(
                    "chi-muc/\(SearchIndex.shard(of: word, count: Int(shards)!)).json")
                let shard = try #require(
                    JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: [Int]])
                var here: [Int: Int] = [:], document = 0
                for pair in stride(from: 0, to: shard[String(word)]?.count ?? 0, by: 2) {
                    document += shard[String(word)]![pair];
                    here[document] = shard[String(word)]![pair + 1]
                }
                scores =
                    scores.map {
                        $0.filter { here[$0.key] != nil }.mapValues { $0 }.reduce(into: [:]) {
                            $0[$1.key] = $1.value + here[$1.key]!
                        }
                    } ?? here
            }
            let ranked = (scores ?? [:]).sorted {
                $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
            }
            return try ranked.map { document, _ in
                let chunk = try #require(
                    JSONSerialization.jsonObject(
                        with: Data(
                            contentsOf: search.appendingPathComponent(
                                "tai-lieu/\(document / SearchIndex.chunkSize).json")))
                        as? [[String]])
                let entry = chunk[document % SearchIndex.chunkSize]
                return (entry[0], entry[1])
            }
        }
        let ward = try query("phuong 5")
        #expect(ward.first?.url == "/don-vi/phuong-5/")
        #expect(!ward.contains { $0.url == "/don-vi/phuong-15/" })
        #expect(try query("PHƯỜNG 5").map(\.url) == ward.map(\.url))
        let land = try query("dat dai")
        #expect(land.count >= 2 && land.contains { $0.title.lowercased().contains("đất đai") })
        #expect(try query("đất đai").map(\.url) == land.map(\.url))
        let civil = try query("ho tich")
        #expect(civil.count >= 2)
        #expect(try query("Hộ Tịch").map(\.url) == civil.map(\.url))
        #expect(try query("mot cua").contains { $0.title.lowercased().contains("một cửa") })
        #expect(try query("tu phap").first?.url == "/don-vi/phong-tu-phap/")
    }
}
