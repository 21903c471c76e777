/// The load stage: reads every file of `Content/` into values, reporting what it cannot read.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    public var units: [Unit]
    public var fields: [Field]
    public var articles: [Article]
    public var planPages: [PlanPage]
    /// Built-in datasets, then those declared in `datasets.yml`.
    public var schemas: [DatasetSchema]
    public var tables: [MetricTable]
    public var targets: [Target]
}

public enum ContentLoader {
    public static func load(_ content: ContentDirectory, log: DiagnosticLog) -> LoadedContent {
        guard content.exists("") else {
            log.error(SourceLocation(file: content.displayName), "content folder not found")
            return LoadedContent(config: SiteConfig(), units: [], fields: [], articles: [], planPages: [],
                                 schemas: [], tables: [], targets: [])
        }
        let units = UnitsLoader.loadUnits(content, log: log)
        let fields = UnitsLoader.loadFields(content, log: log)
        let declarations = DatasetDeclarationLoader.loadDeclarations(content, unitIDs: units.map(\.id), log: log)
        let schemas = BuiltInDatasets.all + declarations.schemas
        return LoadedContent(
            config: SiteConfigLoader.load(content, log: log),
            units: units,
            fields: fields,
            articles: ArticleLoader.loadAll(content, log: log),
            planPages: PlanLoader.loadAll(content, log: log),
            schemas: schemas,
            tables: MetricsLoader.load(content, schemas: schemas, units: units, fields: fields,
                                       textColumns: declarations.textColumns, log: log),
            targets: TargetsLoader.load(content, log: log))
    }
}
