import CongkhaiCore
import Foundation

/// The load stage: reads every file of `Content/` into values, reporting what it cannot read.
package struct LoadedContent: Sendable {
    package var config: SiteConfig
    package var units: [Unit]
    package var fields: [Field]
    package var articles: [Article]
    package var planPages: [PlanPage]
    /// Built-in datasets, then those declared in `datasets.yml`.
    package var schemas: [DatasetSchema]
    package var tables: [MetricTable]
    package var targets: [Target]
    /// The articles that loaded with no diagnostic, by content-relative path: what a cache may keep.
    package var cacheableArticles: [(path: String, article: Article)] = []
    /// True when the metric files were read with no diagnostic (validation adds its own verdict).
    package var metricsClean = false
    package var metricsFromCache = false
}

/// What the load stage may take from the last build instead of reading files again.
package struct LoadReuse: Sendable {
    package var article: @Sendable (String) -> Article?
    /// Already validated tables, when no metric input changed; given the schemas the load stage
    /// read, which decode them.
    package var tables: @Sendable ([DatasetSchema]) -> [MetricTable]?
    /// The news files (content-relative, sorted), when a scan of the folder has just listed them.
    package var newsFiles: [String]?

    package init(
        article: @escaping @Sendable (String) -> Article? = { _ in nil },
        tables: @escaping @Sendable ([DatasetSchema]) -> [MetricTable]? = { _ in nil }
    ) {
        self.article = article
        self.tables = tables
    }
}

package enum ContentLoader {
    /// With `units` (a `--unit` build), other units' articles are read only up to their front matter.
    package static func load(
        _ content: ContentDirectory, log: DiagnosticLog, reuse: LoadReuse = LoadReuse(),
        units selected: Set<String> = []
    ) -> LoadedContent {
        guard content.exists("") else {
            log.error(SourceLocation(file: content.displayName), "content folder not found")
            return LoadedContent(
                config: SiteConfig(), units: [], fields: [], articles: [], planPages: [],
                schemas: [], tables: [], targets: [])
        }
        let config = SiteConfigLoader.load(content, log: log)
        let content = {
            var limited = content; limited.limits = config.limits; return limited
        }()
        let units = UnitsLoader.loadUnits(content, log: log)
        let fields = UnitsLoader.loadFields(content, log: log)
        let declarations = DatasetDeclarationLoader.loadDeclarations(
            content, unitIDs: units.map(\.id), log: log)
        let schemas = BuiltInDatasets.all + declarations.schemas
        // Metric files load beside the articles: each side has steps on one core that the other fills.
        let metricsLog = DiagnosticLog()
        let metrics = Handoff<[MetricTable]>()
        let group = DispatchGroup()
        let reusedTables = reuse.tables(schemas)
        if reusedTables == nil {
            let textColumns = declarations.textColumns
            DispatchQueue.global().async(group: group) {
                metrics.value = MetricsLoader.load(
                    content, schemas: schemas, units: units, fields: fields,
                    textColumns: textColumns, log: metricsLog)
            }
        }
        let (articles, clean) = ArticleLoader.loadAll(
            content, log: log, files: reuse.newsFiles, units: selected,
            unitIDs: units.isEmpty ? nil : units.map(\.id), reuse: reuse.article)
        group.wait()
        let tables = reusedTables ?? metrics.value ?? []
        let metricsClean = reusedTables != nil || metricsLog.all.isEmpty
        log.add(contentsOf: metricsLog.all)
        var loaded = LoadedContent(
            config: config,
            units: units,
            fields: fields,
            articles: articles,
            planPages: PlanLoader.loadAll(content, log: log),
            schemas: schemas,
            tables: tables,
            targets: TargetsLoader.load(content, log: log))
        loaded.cacheableArticles = clean
        loaded.metricsClean = metricsClean
        loaded.metricsFromCache = reusedTables != nil
        return loaded
    }
}
