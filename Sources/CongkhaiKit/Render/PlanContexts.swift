import Foundation

/// Data for the plan's pages under `/ke-hoach/`.
extension RenderEnvironment {
    func planIndexContext() -> Context {
        let pages = content.planPages.map { ["title": $0.title, "url": $0.path, "summary": $0.summary] as Context }
        return pageContext(title: "Kế hoạch cải cách hành chính năm \(config.year)", url: "/ke-hoach/",
                           breadcrumbs: [("Kế hoạch", "/ke-hoach/")],
                           extra: ["pages": pages, "progress_table": progressTable()])
    }

    func planContext(_ index: Int) -> Context {
        let page = content.planPages[index]
        let siblings = content.planPages.map { ["title": $0.title, "url": $0.path, "current": $0.slug == page.slug] as Context }
        return pageContext(title: page.title, url: page.path, description: page.summary,
                           breadcrumbs: [("Kế hoạch", "/ke-hoach/"), (page.title, page.path)],
                           extra: ["plan": ["title": page.title, "summary": page.summary,
                                            "segments": segments(Markdown.html(page.body, allowRawHTML: config.allowRawHTML),
                                                                 section: page.section)] as Context,
                                   "plan_pages": siblings,
                                   "progress_table": page.section == "I" ? progressTable() : nil as Context?])
    }
}

extension RenderEnvironment {
    /// Section I's targets with the district's value and how many units meet each, or nil without targets.
    func progressTable() -> Context? {
        guard !figures.targets.isEmpty else { return nil }
        return ["caption": "Tiến độ thực hiện các chỉ tiêu của mục I – toàn quận, \(headlineSpan?.label ?? "")",
                "rows": planProgress()]
    }
}

extension RenderEnvironment {
    /// The plan's HTML cut after each clause that has targets (`<p><strong>5.1.</strong> …</p>`), so the
    /// template can show the clause's progress right beside its text.
    func segments(_ html: String, section: String?) -> [Context] {
        guard let section else { return [["html": html]] }
        var byClause: [String: [Context]] = [:]
        for (target, row) in zip(figures.targets, planProgress()) where target.clause.hasPrefix(section + ".") {
            byClause[String(target.clause.dropFirst(section.count + 1)), default: []].append(row)
        }
        var segments: [Context] = []
        var rest = Substring(html)
        while let open = rest.range(of: "<p><strong>") {
            let afterOpen = rest[open.upperBound...]
            guard let closeStrong = afterOpen.range(of: "</strong>"), let endParagraph = afterOpen.range(of: "</p>") else { break }
            let number = afterOpen[..<closeStrong.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            if let rows = byClause[number] {
                segments.append(["html": String(rest[..<endParagraph.upperBound]), "progress": rows, "clause": "\(section).\(number)"])
            } else {
                segments.append(["html": String(rest[..<endParagraph.upperBound])])
            }
            rest = rest[endParagraph.upperBound...]
        }
        segments.append(["html": String(rest)])
        return segments
    }
}
