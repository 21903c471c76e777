import CongkhaiCore

/// Reads `plan/*.md`: the decision and the plan's sections, as standing pages.
enum PlanLoader {
    static let folder = "plan"
    static let keys = ["title", "order", "summary", "section", "slug"]

    static func loadAll(_ content: ContentDirectory, log: DiagnosticLog) -> [PlanPage] {
        var pages: [PlanPage] = []
        for relative in content.files(under: folder, extensions: ArticleLoader.extensions, log: log)
        {
            let display = content.display(relative)
            guard
                let text = SourceReader.readText(
                    at: content.url(relative), displayPath: display, log: log,
                    limit: .markdown(content.limits)),
                let (document, body, bodyLine) = MarkdownFile.split(
                    text, display: display, log: log),
                let record = YAMLRecord(document.root, in: document, log: log, what: "front matter")
            else { continue }
            record.warnUnknownKeys(allowed: keys)
            guard let title = record.string("title", required: true) else { continue }
            let fileStem = String(relative.split(separator: "/").last!.split(separator: ".").first!)
            var slug = Slug.make(fileStem)
            if let explicit = record.string("slug") {
                guard Slug.isValid(explicit) else {
                    log.error(
                        record.valueLocation("slug"),
                        "slug \"\(explicit)\" may use only a-z, 0-9 and -")
                    continue
                }
                slug = explicit
            }
            pages.append(
                PlanPage(
                    source: SourceLocation(file: display), title: title, slug: slug,
                    order: record.int("order") ?? 100,
                    summary: record.string("summary") ?? Markdown.firstParagraphText(body),
                    section: record.string("section"), body: body,
                    references: MediaReferences.scan(body, firstLine: bodyLine)))
        }
        return pages.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
    }
}
