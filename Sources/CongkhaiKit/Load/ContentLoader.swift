/// The load stage: reads every file of `Content/` into values, reporting what it cannot read.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    public var units: [Unit]
    public var fields: [Field]
    public var articles: [Article]
    public var planPages: [PlanPage]
}

public enum ContentLoader {
    public static func load(_ content: ContentDirectory, log: DiagnosticLog) -> LoadedContent {
        guard content.exists("") else {
            log.error(SourceLocation(file: content.displayName), "content folder not found")
            return LoadedContent(config: SiteConfig(), units: [], fields: [], articles: [], planPages: [])
        }
        return LoadedContent(
            config: SiteConfigLoader.load(content, log: log),
            units: UnitsLoader.loadUnits(content, log: log),
            fields: UnitsLoader.loadFields(content, log: log),
            articles: ArticleLoader.loadAll(content, log: log),
            planPages: PlanLoader.loadAll(content, log: log))
    }
}
