/// Everything loaded from `Content/`, after validation: the input of the compute and page stages.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var units: [Unit]
    public var fields: [Field]
    /// Published articles (drafts only with `--drafts`), newest first.
    public var articles: [Article]
    public var planPages: [PlanPage]
    /// Valid metric rows of every dataset that has files.
    public var tables: [MetricTable]
    public var targets: [Target]
    /// The metric tables loaded and validated with no diagnostic, so a build cache may keep them.
    public var metricsCacheable: Bool
    /// The build date the lists are made for: articles past their `expires:` on it are not listed.
    public var listedOn: CalendarDay?
    /// Articles dated after the build date, not published (shown only with `--future`), oldest first.
    public var scheduled: [Article] = []

    public init(config: SiteConfig, units: [Unit], fields: [Field], articles: [Article], planPages: [PlanPage],
                tables: [MetricTable] = [], targets: [Target] = [], metricsCacheable: Bool = false) {
        self.metricsCacheable = metricsCacheable
        self.tables = tables
        self.targets = targets
        unitIndex = Dictionary(units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.config = config
        self.units = units
        self.fields = fields
        self.articles = articles
        self.planPages = planPages
    }

    public func unit(_ id: String) -> Unit? { unitIndex[id].map { units[$0] } }

    /// Built once: pages look units up by id thousands of times.
    private let unitIndex: [String: Int]
}
