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
                                            "body": Markdown.html(page.body, allowRawHTML: config.allowRawHTML)] as Context,
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
