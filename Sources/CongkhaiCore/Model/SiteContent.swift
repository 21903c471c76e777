/// Everything loaded from `Content/`, after validation: the input of the compute and page stages.
package struct SiteContent: Sendable {
    package var config: SiteConfig
    package var units: [Unit]
    package var fields: [Field]
    /// Published articles (drafts only with `--drafts`), newest first.
    package var articles: [Article]
    package var planPages: [PlanPage]
    /// Valid metric rows of every dataset that has files.
    package var tables: [MetricTable]
    package var targets: [Target]
    /// The metric tables loaded and validated with no diagnostic, so a build cache may keep them.
    package var metricsCacheable: Bool
    /// The build date the lists are made for: articles past their `expires:` on it are not listed.
    package var listedOn: CalendarDay?
    /// Articles dated after the build date, not published (shown only with `--future`), oldest first.
    package var scheduled: [Article] = []

    package init(
        config: SiteConfig, units: [Unit], fields: [Field], articles: [Article],
        planPages: [PlanPage],
        tables: [MetricTable] = [], targets: [Target] = [], metricsCacheable: Bool = false
    ) {
        self.metricsCacheable = metricsCacheable
        self.tables = tables
        self.targets = targets
        unitIndex = Dictionary(
            units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.config = config
        self.units = units
        self.fields = fields
        self.articles = articles
        self.planPages = planPages
    }

    package func unit(_ id: String) -> Unit? { unitIndex[id].map { units[$0] } }

    /// Built once: pages look units up by id thousands of times.
    private let unitIndex: [String: Int]
}
