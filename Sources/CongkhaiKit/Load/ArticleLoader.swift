import CongkhaiCore
import Foundation

/// Reads `news/**/*.md`: front matter through Yams, body kept as CommonMark.
enum ArticleLoader {
    static let folder = "news"
    static let extensions: Set<String> = ["md", "markdown"]
    static let keys = [
        "title", "date", "unit", "category", "tags", "summary", "slug", "draft", "expires",
    ]

    /// Loads every article, in file order; `reuse` gives the cached article of a file that has not
    /// changed, and `files` the news files when the caller has already listed them.
    /// Returns the articles and, by content-relative path, those that loaded without any diagnostic
    /// (only those may be cached: a cached file would not repeat its warnings).
    /// With `units`, another unit's article is read only up to its front matter (`frontMatterOnly`):
    /// a `--unit` build needs where each article stands in the column, not what it says.
    /// `unitIDs` (units.yml's ids, when it loaded) lets an article rejected for other errors
    /// still have its `unit:` checked, so that its front matter's mistakes are reported at once.
    static func loadAll(
        _ content: ContentDirectory, log: DiagnosticLog, files listed: [String]? = nil,
        units: Set<String> = [], unitIDs: [String]? = nil,
        reuse: @Sendable (String) -> Article? = { _ in nil }
    )
        -> (articles: [Article], clean: [(path: String, article: Article)])
    {
        let files = listed ?? content.files(under: folder, extensions: extensions, log: log)
        var results: [(article: Article?, clean: Bool)] = files.map { path in (reuse(path), true) }
        // Only the files that changed are read and parsed, on every core.
        let misses = results.indices.filter { results[$0].article == nil }
        results.withUnsafeMutableBufferPointer { slots in
            let slots = UnsafeSendable(slots)
            DispatchQueue.concurrentPerform(iterations: misses.count) { j in
                let i = misses[j]
                var local = DiagnosticLog()
                var article: Article?
                if !units.isEmpty {
                    article = load(
                        files[i], content: content, log: local, frontMatterOnly: true,
                        unitIDs: unitIDs)
                    // One of the selected units' own articles: read whole, reported once.
                    if let header = article, let unit = header.unitID, units.contains(unit) {
                        local = DiagnosticLog()
                        article = load(files[i], content: content, log: local)
                    }
                } else {
                    article = load(files[i], content: content, log: local, unitIDs: unitIDs)
                }
                let found = local.all
                slots.value[i] = (article, found.isEmpty)
                if !found.isEmpty { log.add(contentsOf: found) }
            }
        }
        var articles: [Article] = [], clean: [(path: String, article: Article)] = []
        articles.reserveCapacity(files.count)
        clean.reserveCapacity(files.count)
        for (i, result) in results.enumerated() {
            guard let article = result.article else { continue }
            articles.append(article)
            if result.clean && !article.frontMatterOnly { clean.append((files[i], article)) }
        }
        return (articles, clean)
    }

    /// The file's text up to the end of its front matter; the whole text when that cannot be told
    /// (no front matter, never closed), so the usual diagnostics follow.
    static func readFrontMatter(
        atPath path: String, displayPath: String, log: DiagnosticLog,
        limits: SizeLimits = SizeLimits()
    ) -> String? {
        guard
            let data = SourceReader.readBytes(
                atPath: path, displayPath: displayPath, log: log, limit: .markdown(limits))
        else { return nil }
        let bom = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let length = data.withUnsafeBufferPointer {
            FrontMatter.headerLength(UnsafeBufferPointer(rebasing: $0[bom...]))
        }
        return SourceReader.decode(
            length.map { data[..<(bom + $0)] } ?? data[...], displayPath: displayPath, log: log)
    }

    /// Loads articles' files again in full (those of `indexes` read with `frontMatterOnly`): the
    /// articles a `--unit` build shows, once their places in the column are known.
    static func completing(
        _ articles: [Article], at indexes: some Sequence<Int>, content: ContentDirectory,
        log: DiagnosticLog
    ) -> [Article] {
        var articles = articles
        for i in indexes where articles[i].frontMatterOnly {
            let relative = String(articles[i].source.file.dropFirst(content.display("").count))
            if let full = load(relative, content: content, log: log) { articles[i] = full }
        }
        return articles
    }

    static func load(
        _ relative: String, content: ContentDirectory, log: DiagnosticLog,
        frontMatterOnly: Bool = false, unitIDs: [String]? = nil
    ) -> Article? {
        let display = content.display(relative)
        let read =
            frontMatterOnly
            ? readFrontMatter(
                atPath: content.path(relative), displayPath: display, log: log,
                limits: content.limits)
            : SourceReader.readText(
                atPath: content.path(relative), displayPath: display, log: log,
                limit: .markdown(content.limits))
        guard let text = read,
            let (document, body, bodyLine) = MarkdownFile.split(text, display: display, log: log),
            let record = YAMLRecord(document.root, in: document, log: log, what: "front matter")
        else { return nil }
        record.warnUnknownKeys(allowed: keys)
        let unit = record.string("unit")
        // Rejected for another error: its unit is checked here, as the validator would have.
        func rejected() -> Article? {
            if let unit, let unitIDs, !unitIDs.contains(unit) {
                log.add(
                    ContentValidator.unknownUnit(
                        unit, at: record.valueLocation("unit"), among: unitIDs))
            }
            return nil
        }

        let title = record.string("title", required: true)
        var date: Timestamp?
        if let dateText = record.string("date", required: true) {
            date = Timestamp(iso: dateText)
            if date == nil {
                log.error(
                    record.valueLocation("date"), "bad date \"\(dateText)\"",
                    hint:
                        "write YYYY-MM-DD, or ISO 8601 with an offset such as 2021-03-15T08:30:00+07:00"
                )
            }
        }
        var category: Category?
        if let id = record.string("category", required: true) {
            category = Category.named(id)
            if category == nil {
                let ids = Category.all.map(\.id)
                let hint: DiagnosticText =
                    Spelling.closest(to: id, among: ids).map { "did you mean \"\($0)\"?" }
                    ?? "use one of: \(ids.joined(separator: ", "))"
                log.error(
                    record.valueLocation("category"), "unknown category \"\(id)\"", hint: hint)
            }
        }
        var tags: [Tag] = []
        for name in record.stringList("tags") ?? [] {
            let tag = Tag(name: name)
            if tag.slug.isEmpty {
                log.error(
                    record.valueLocation("tags"),
                    "tag \"\(name)\" has no letters or digits to make a path from")
            } else if !tags.contains(where: { $0.slug == tag.slug }) {
                tags.append(tag)
            }
        }
        let draft = record.bool("draft") ?? false
        // Published with `congkhai new`'s line still in place of the article.
        if !draft && !frontMatterOnly,
            let at = Self.byteOffset(of: NewArticle.placeholder, in: body)
        {
            log.warning(
                SourceLocation(
                    file: display, line: bodyLine + body.utf8.prefix(at).count { $0 == 0x0A },
                    column: 1),
                "the article still has the placeholder line written by `congkhai new`",
                hint: "write the article in its place, or keep `draft: true` until it is written")
        }
        var expires: CalendarDay?
        if let text = record.string("expires") {
            expires = CalendarDay(iso: text)
            if expires == nil {
                log.error(
                    record.valueLocation("expires"), "bad expiry date \"\(text)\"",
                    hint: "write YYYY-MM-DD, e.g. expires: 2021-12-31")
            }
        }
        var slug = title.map(Slug.make) ?? ""
        if let explicit = record.string("slug") {
            if explicit.contains("/") || explicit.contains("\\") || explicit.contains("..") {
                log.error(
                    record.valueLocation("slug"),
                    "slug \"\(explicit)\" would leave the news folder",
                    hint: "a slug is one path segment of a-z, 0-9 and -")
                return rejected()
            } else if !Slug.isValid(explicit) {
                log.error(
                    record.valueLocation("slug"),
                    "slug \"\(explicit)\" may use only a-z, 0-9 and -",
                    hint: "e.g. \"\(Slug.make(explicit))\"")
                return rejected()
            }
            slug = explicit
        } else if title != nil && slug.isEmpty {
            log.error(
                record.valueLocation("title"),
                "the title has no letters or digits to make a slug from", hint: "add `slug:`")
        }
        let summary =
            record.string("summary") ?? (frontMatterOnly ? "" : Markdown.firstParagraphText(body))
        guard let title, let date, let category, !slug.isEmpty else { return rejected() }
        // The body is not kept: it is read again when the article's page is rendered, so a large
        // site's markdown is never all in memory at once.
        return Article(
            source: SourceLocation(file: display, line: 1, column: 1), title: title, date: date,
            unitID: unit, category: category, tags: tags, summary: summary, slug: slug,
            draft: draft, bodyLine: bodyLine,
            unitLocation: unit == nil ? nil : record.valueLocation("unit"),
            slugLocation: record.value("slug") != nil
                ? record.valueLocation("slug") : record.valueLocation("title"),
            bodyDigest: frontMatterOnly ? 0 : StableHasher.hash(body),
            frontMatterOnly: frontMatterOnly, expires: expires,
            references: frontMatterOnly ? [] : MediaReferences.scan(body, firstLine: bodyLine))
    }
}

/// Front matter and body of a markdown content file.
enum MarkdownFile {
    static func split(
        _ text: String, display: String, log: DiagnosticLog
    ) -> (YAMLDocument, String, Int)? {
        switch FrontMatter.split(text) {
        case nil:
            log.error(
                SourceLocation(file: display, line: 1, column: 1), "missing front matter",
                hint: "start the file with a `---` line, then `title:` and `date:`, then `---`")
            return nil
        case .failure:
            log.error(
                SourceLocation(file: display, line: 1, column: 1), "front matter is never closed",
                hint: "end it with a `---` line")
            return nil
        case .success(let parts):
            guard
                let document = YAMLDocument.parse(
                    parts.yaml, file: display, firstLine: parts.yamlFirstLine, log: log)
            else { return nil }
            return (document, parts.body, parts.bodyFirstLine)
        }
    }
}

extension ArticleLoader {
    /// Where `needle`'s bytes first appear in `text`, as a UTF-8 offset. Bytes, not Foundation's
    /// `range(of:)`, which compares by Unicode equivalence and took half of loading M's 10.000
    /// articles (the placeholder is written by `congkhai new`, so its bytes are known).
    static func byteOffset(of needle: String, in text: String) -> Int? {
        var text = text, needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard let base = haystack.baseAddress, let wanted = pattern.baseAddress,
                    pattern.count > 0, haystack.count >= pattern.count
                else { return nil }
                // Each place the first byte appears (memchr), compared whole there (memcmp).
                let last = haystack.count - pattern.count
                var offset = 0
                while offset <= last,
                    let hit = memchr(base + offset, Int32(wanted.pointee), last - offset + 1)
                {
                    let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    if memcmp(base + at, wanted, pattern.count) == 0 { return at }
                    offset = at + 1
                }
                return nil
            }
        }
    }
}
