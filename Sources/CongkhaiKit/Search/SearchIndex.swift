import CongkhaiCore
import Foundation

/// The site's static search index, written under `/tim-kiem/` and read by `assets/search.js`.
///
/// Words are folded as slugs are (`Slug.fold`: tone and vowel marks dropped, `đ` → `d`, lower
/// case), so `ho tich`, `Hộ Tịch` and `HỘ TỊCH` are one word, and the browser folds a query the same
/// way (`String.normalize("NFD")`, marks removed, `đ` → `d`). The index is split so that a query
/// downloads little on a national site:
/// - `chi-muc/<n>.json`: the postings of the words whose FNV-1a hash falls in shard `n`
///   (`{"word": [doc delta, weight, doc delta, weight, …]}`); a query reads one shard a word;
/// - `tai-lieu/<n>.json`: documents `n × chunkSize …` (50 a file) as `[url, title, kind, snippet]`;
///   a query reads the chunks of the ten results it shows, then of the next ten on demand.
/// Documents are numbered units first, then the plan, statistics and other pages, then articles
/// newest first, and a result's score is the sum of its words' weights: a unit whose name holds
/// every word of the query comes first.
package struct SearchIndex: Sendable {
    package static let chunkSize = 50

    /// What is searched: one page, its fields with their weights.
    package struct Document: Sendable {
        package var url: String
        package var title: String
        package var kind: String
        package var snippet: String
        package var fields: [(text: String, weight: Int)]
    }

    package let documents: [Document]
    package let shardCount: Int
    /// Per shard: its words in order, each with its postings [(document, weight)] in document order.
    let shards: [[(word: String, postings: [(Int, Int)])]]

    /// The number of shards for `documents` documents: about 256 documents a shard, a power of two.
    package static func shardCount(documents: Int) -> Int {
        var n = 1
        while n < 4096 && n * 256 < documents { n *= 2 }
        return n
    }

    package static func chunkCount(documents: Int) -> Int {
        max(1, (documents + chunkSize - 1) / chunkSize)
    }

    /// A word's shard: FNV-1a (32 bits) over its bytes, masked (the same formula as `search.js`).
    package static func shard(of word: some StringProtocol, count: Int) -> Int {
        var hash: UInt32 = 0x811c_9dc5
        for byte in word.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return Int(hash & UInt32(count - 1))
    }

    /// The folded words of a text: `"Hộ tịch, Phường 5"` → `["ho", "tich", "phuong", "5"]`.
    package static func words(_ text: String) -> [String] { Slug.words(text) }

    /// A document's words with their shard and weight: a word counts once per field, whatever
    /// its repeats, and its fields' weights add up (at most 999).
    static func weightedWords(
        _ document: Document, shardCount: Int
    ) -> [(
        word: String, shard: Int, weight: Int
    )] {
        var weights: [String: Int] = [:]
        var seen = Set<String>()
        for field in document.fields {
            seen.removeAll(keepingCapacity: true)
            for word in words(field.text) where seen.insert(word).inserted {
                weights[word, default: 0] += field.weight
            }
        }
        return weights.map { ($0.key, shard(of: $0.key, count: shardCount), min($0.value, 999)) }
    }

    /// Documents' words are found on all cores, then gathered into shards in document order (the
    /// shards shared out between the cores).
    package init(documents: [Document]) {
        self.documents = documents
        let shardCount = Self.shardCount(documents: documents.count)
        self.shardCount = shardCount
        var found = [[(word: String, shard: Int, weight: Int)]](
            repeating: [], count: documents.count)
        found.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSendable(buffer)
            let block = 256
            DispatchQueue.concurrentPerform(iterations: (documents.count + block - 1) / block) {
                b in
                for i in (b * block)..<min(documents.count, (b + 1) * block) {
                    slots.value[i] = Self.weightedWords(documents[i], shardCount: shardCount)
                }
            }
        }
        var shards = [[(word: String, postings: [(Int, Int)])]](
            repeating: [], count: shardCount)
        // A group of shards a core: each group reads every document's words once.
        let groups = min(shardCount, ProcessInfo.processInfo.activeProcessorCount)
        let gathered = found
        shards.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: groups) { group in
                // Shard n belongs to group n % groups.
                var mine = [[String: [(Int, Int)]]](repeating: [:], count: shardCount)
                for (number, entries) in gathered.enumerated() {
                    for (word, shard, weight) in entries where shard % groups == group {
                        mine[shard][word, default: []].append((number, weight))
                    }
                }
                for shard in stride(from: group, to: shardCount, by: groups) {
                    slots.value[shard] = mine[shard].sorted { $0.key < $1.key }.map {
                        (word: $0.key, postings: $0.value)
                    }
                }
            }
        }
        self.shards = shards
    }

    /// What `chi-muc/<n>.json` holds, as a number: its page fingerprint, so that an edit
    /// rewrites only the shards whose words or postings changed.
    package func shardDigest(_ n: Int) -> UInt64 {
        var h = StableHasher()
        for (word, postings) in shards[n] {
            h.combine(word); h.combine(postings.count)
            for (document, weight) in postings { h.combine(document); h.combine(weight) }
        }
        return h.value
    }

    /// What `tai-lieu/<n>.json` holds, as a number (its page fingerprint).
    package func chunkDigest(_ n: Int) -> UInt64 {
        var h = StableHasher()
        for d in documents[chunkRange(n)] {
            h.combine(d.url); h.combine(d.title); h.combine(d.kind); h.combine(d.snippet)
        }
        return h.value
    }

    func chunkRange(_ n: Int) -> Range<Int> {
        min(documents.count, n * Self.chunkSize)..<min(documents.count, (n + 1) * Self.chunkSize)
    }

    /// `chi-muc/<n>.json`: words sorted, documents as deltas.
    package func shardJSON(_ n: Int) -> Data {
        let sink = ByteSink()
        sink.append("{")
        for (k, (word, postings)) in shards[n].enumerated() {
            if k > 0 { sink.append(",") }
            sink.appendJSON(word)
            sink.append(":[")
            var previous = 0
            for (i, (document, weight)) in postings.enumerated() {
                if i > 0 { sink.append(",") }
                sink.append(document - previous); sink.append(","); sink.append(weight)
                previous = document
            }
            sink.append("]")
        }
        sink.append("}")
        return sink.data()
    }

    /// `tai-lieu/<n>.json`: `[[url, title, kind, snippet], …]`.
    package func chunkJSON(_ n: Int) -> Data {
        let sink = ByteSink()
        sink.append("[")
        let range = chunkRange(n)
        for i in range {
            let d = documents[i]
            sink.append(i > range.lowerBound ? ",[" : "[")
            sink.appendJSON(d.url); sink.append(",")
            sink.appendJSON(d.title); sink.append(",")
            sink.appendJSON(d.kind); sink.append(",")
            sink.appendJSON(d.snippet)
            sink.append("]")
        }
        sink.append("]")
        return sink.data()
    }
}
