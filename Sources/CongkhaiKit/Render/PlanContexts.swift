import CongkhaiCore
import Foundation

/// Data for the plan's pages under `/ke-hoach/`.
extension RenderEnvironment {
    func planIndexContext() -> Context {
        let pages = content.planPages.map {
            ["title": $0.title, "url": Routes.planPage($0), "summary": $0.summary] as Context
        }
        return pageContext(
            title: "Kế hoạch cải cách hành chính năm \(config.year)", url: Routes.plan,
            breadcrumbs: [("Kế hoạch", Routes.plan)],
            extra: [
                "pages": pages,
                "progress_table": progressTable(planProgress(), section: nil) as Any,
            ])
    }

    func planContext(_ index: Int) -> Context {
        let page = content.planPages[index]
        // The targets of this page's section, each evaluated once for the table and the clauses.
        let progress =
            page.section.map { section in
                zip(figures.targets, planProgress()).filter { $0.0.clause.hasPrefix(section + ".") }
            } ?? []
        let siblings = content.planPages.map {
            ["title": $0.title, "url": Routes.planPage($0), "current": $0.slug == page.slug]
                as Context
        }
        return pageContext(
            title: page.title, url: Routes.planPage(page), description: page.summary,
            breadcrumbs: [("Kế hoạch", Routes.plan), (page.title, Routes.planPage(page))],
            extra: [
                "plan": [
                    "title": page.title, "summary": page.summary,
                    "segments": segments(
                        media.references[page.source.file].map {
                            MediaMarkdown.html(
                                page.body, allowRawHTML: config.allowRawHTML, files: $0,
                                photos: media.photos)
                        } ?? Markdown.html(page.body, allowRawHTML: config.allowRawHTML),
                        section: page.section, progress: progress),
                ] as Context,
                "plan_pages": siblings,
                "progress_table": progressTable(progress.map(\.1), section: page.section) as Any,
            ])
    }
}

extension RenderEnvironment {
    /// Targets with the district's value and how many units meet each (all of them, or one
    /// section's), or nil when there are none.
    func progressTable(_ rows: [Context], section: String?) -> Context? {
        guard !rows.isEmpty else { return nil }
        let which = section.map { "của mục \($0)" } ?? "của Kế hoạch"
        return [
            "caption":
                "Tiến độ thực hiện các chỉ tiêu \(which) – toàn quận, \(headlineSpan?.label ?? "")",
            "rows": rows,
        ]
    }
}

extension RenderEnvironment {
    /// The plan's HTML cut after each clause that has targets (`<p><strong>5.1.</strong> …</p>`), so the
    /// template can show the clause's progress right beside its text.
    func segments(_ html: String, section: String?, progress: [(Target, Context)]) -> [Context] {
        guard let section else { return [["html": html]] }
        var byClause: [String: [Context]] = [:]
        for (target, row) in progress {
            byClause[String(target.clause.dropFirst(section.count + 1)), default: []].append(row)
        }
        var segments: [Context] = []
        var rest = Substring(html)
        while let open = rest.range(of: "<p><strong>") {
            let afterOpen = rest[open.upperBound...]
            guard let closeStrong = afterOpen.range(of: "</strong>"),
                let endParagraph = afterOpen.range(of: "</p>")
            else { break }
            let number = afterOpen[..<closeStrong.lowerBound].trimmingCharacters(
                in: CharacterSet(charactersIn: ". "))
            if let rows = byClause[number] {
                segments.append([
                    "html": String(rest[..<endParagraph.upperBound]), "progress": rows,
                    "clause": "\(section).\(number)",
                ])
            } else {
                segments.append(["html": String(rest[..<endParagraph.upperBound])])
            }
            rest = rest[endParagraph.upperBound...]
        }
        segments.append(["html": String(rest)])
        return segments
    }
}
