import Foundation
import Mustache

/// The render stage: turns one planned page into bytes, through the theme's templates.
public struct PageRenderer: Sendable {
    public let environment: RenderEnvironment
    public let theme: Theme

    let openData: OpenData

    public init(environment: RenderEnvironment, theme: Theme) {
        self.environment = environment
        self.theme = theme
        openData = OpenData(figures: environment.figures, content: environment.content)
        let library = theme.library
        environment.fragments.render = { name, data in library.render(TemplateObject.wrap(data), withTemplate: name) ?? "" }
    }

    public enum Failure: Error, Equatable { case missingTemplate(String) }

    public func render(_ page: PlannedPage) throws(Failure) -> Data {
        switch page.kind {
        case .asset(let name): return theme.assets[name] ?? Data()
        case .datasetFile(let id, .csv): return Data(openData.datasetCSV(id).utf8)
        case .datasetFile(let id, .json): return Data(openData.datasetJSON(id).utf8)
        case .figuresFile(.csv): return Data(openData.figuresCSV().utf8)
        case .figuresFile(.json): return Data(openData.figuresJSON().utf8)
        case .dataPackage: return Data(openData.dataPackage().utf8)
        default: break
        }
        let (template, context) = templateAndContext(page)
        guard let text = theme.library.render(TemplateObject.wrap(context), withTemplate: template) else {
            throw .missingTemplate(template)
        }
        return Data(text.utf8)
    }

    func templateAndContext(_ page: PlannedPage) -> (String, Context) {
        let env = environment
        switch page.kind {
        case .home: return ("home", env.homeContext())
        case .newsList(let n): return ("news-list", env.newsListContext(page: n, url: page.url))
        case .article(let i): return ("article", env.articleContext(i))
        case .category(let id, let n): return ("news-list", env.categoryContext(id, page: n, url: page.url))
        case .tag(let slug, let n): return ("news-list", env.tagContext(slug, page: n, url: page.url))
        case .tagIndex: return ("tags", env.tagIndexContext())
        case .unitIndex: return ("units", env.unitIndexContext())
        case .unit(let id): return ("unit", env.unitContext(id))
        case .statisticsIndex: return ("statistics", env.statisticsIndexContext())
        case .statistics(let span): return ("statistics", env.statisticsContext(span: span, url: page.url))
        case .compliance: return ("compliance", env.complianceContext())
        case .openData: return ("open-data", env.openDataContext())
        case .datasetFile, .figuresFile, .dataPackage: return ("", [:])
        case .planIndex: return ("plan-index", env.planIndexContext())
        case .plan(let i): return ("plan", env.planContext(i))
        case .newsFeed: return ("feed.xml", env.newsFeedContext())
        case .unitFeed(let id): return ("feed.xml", env.unitFeedContext(id))
        case .sitemap: return ("sitemap.xml", env.sitemapContext())
        case .robots: return ("robots.txt", ["sitemap_url": env.config.absoluteURL("/sitemap.xml")])
        case .notFound: return ("404", env.pageContext(title: "Không tìm thấy trang", url: "/404.html"))
        case .asset: return ("", [:])
        }
    }
}
