import CongkhaiCore
import Foundation

/// What the last build knew: input stamps, parsed articles (without bodies), parsed metric rows,
/// and each output file's fingerprint. Lives in `.congkhai-cache/` in the working folder (or
/// `--cache-dir`), one folder per output, never inside the output. A cache that is
/// missing, damaged, from another version or for other options is ignored and rebuilt.
package struct BuildCache: Sendable {
    static let magic = "congkhai-cache"
    static let formatVersion = 10

    package struct PageRecord: Sendable, Hashable {
        package var fingerprint: UInt64
        package var size: Int
    }

    /// An article as parsed, with the files of its neighbours in the column (newer, older), whose
    /// cards its page shows: enough to render that page alone when only its body changes.
    package struct ArticleRecord: Sendable {
        package var article: Article
        package var newer: String?
        package var older: String?
    }

    /// Digest of the options that change output (content and templates folders, drafts, build date, units).
    package var optionsDigest: UInt64
    package var inventory: SourceInventory
    /// Content-relative path (`news/a.md`) → the article as parsed (its body stays in its file).
    package var articles: [String: ArticleRecord]
    /// Digest of the inputs the metric tables were parsed from (0: none cached), and the tables:
    /// kept in their own file, read only when those inputs are unchanged.
    package var metricsDigest: UInt64
    package var tables: [MetricTable]
    /// Output-relative path → fingerprint and size.
    package var pages: [String: PageRecord]
    /// The last build reported no diagnostic at all. Only then may a build skip files it does not
    /// read again: a warning they gave would otherwise be lost.
    package var clean: Bool
    /// The main navigation's URLs, as the last build's plan had them.
    package var navigation: [String]
    /// The articles waiting for their day, which a body edit's report lists as the build it follows did.
    package var scheduled: [ScheduledArticle] = []

    // MARK: Records

    static func write(_ record: ArticleRecord, to w: inout BinaryWriter) {
        let a = record.article
        w.write(a.source.file); w.write(a.title); w.write(a.date.epochSeconds); w.write(a.unitID)
        w.write(a.category.id)
        w.write(a.tags.count)
        for tag in a.tags { w.write(tag.name) }
        w.write(a.summary); w.write(a.slug); w.write(a.draft); w.write(a.bodyLine)
        // Both places are in the article's own file: only line and column are kept.
        w.write(a.unitLocation != nil)
        if let l = a.unitLocation { w.write(l.line); w.write(l.column) }
        w.write(a.slugLocation.line); w.write(a.slugLocation.column)
        w.write(a.bodyDigest)
        w.write(a.expires?.description)
        w.write(a.references.count)
        for reference in a.references {
            w.write(reference.target); w.write(Int(reference.kind.rawValue));
            w.write(reference.line); w.write(reference.column)
        }
        w.write(record.newer); w.write(record.older)
    }

    static func readArticleRecord(_ r: inout BinaryReader) -> ArticleRecord? {
        let file = r.string(), title = r.string(), epoch = r.int(), unit = r.optionalString()
        guard let category = Category.named(r.string()) else { return nil }
        let tags = (0..<r.count(minimumItemSize: 1)).map { _ in Tag(name: r.string()) }
        let summary = r.string(), slug = r.string(), draft = r.bool(), bodyLine = r.int()
        let unitLocation =
            r.bool() ? SourceLocation(file: file, line: r.int(), column: r.int()) : nil
        let slugLocation = SourceLocation(file: file, line: r.int(), column: r.int())
        let bodyDigest = r.uint64()
        let expires = r.optionalString().flatMap { CalendarDay(iso: $0) }
        let references = (0..<r.count(minimumItemSize: 4)).compactMap { _ -> MediaReference? in
            let target = r.string(),
                kind = MediaReference.Kind(rawValue: UInt8(truncatingIfNeeded: r.int())),
                line = r.int(), column = r.int()
            return kind.map { MediaReference(target: target, kind: $0, line: line, column: column) }
        }
        let newer = r.optionalString(), older = r.optionalString()
        guard !r.failed else { return nil }
        let article = Article(
            source: SourceLocation(file: file), title: title, date: Timestamp(epochSeconds: epoch),
            unitID: unit, category: category, tags: tags, summary: summary, slug: slug,
            draft: draft,
            bodyLine: bodyLine, unitLocation: unitLocation, slugLocation: slugLocation,
            bodyDigest: bodyDigest, expires: expires, references: references)
        return ArticleRecord(article: article, newer: newer, older: older)
    }
}

/// Keeps the last build's cache in memory for a long-running process (`serve`): a rebuild then
/// neither reads nor writes the cache files.
package final class BuildCacheStore: @unchecked Sendable {
    private var cache: BuildCache?
    private let lock = NSLock()

    package init() {}

    var current: BuildCache? {
        lock.lock(); defer { lock.unlock() }
        return cache
    }

    func keep(_ cache: BuildCache) {
        lock.lock(); defer { lock.unlock() }
        self.cache = cache
    }
}
