import CongkhaiCore
import Foundation
import Mustache

/// The render stage: turns one planned page into bytes, through the theme's templates.
package struct PageRenderer: Sendable {
    package let environment: RenderEnvironment
    package let theme: Theme

    let openData: OpenData

    package init(environment: RenderEnvironment, theme: Theme) {
        self.environment = environment
        self.theme = theme
        openData = OpenData(figures: environment.figures, content: environment.content)
        let library = theme.library
        environment.fragments.render = { name, data in library.render(TemplateObject.wrap(data), withTemplate: name) ?? "" }
    }

    package enum Failure: Error, Equatable { case missingTemplate(String) }

    /// The one way a render failure is reported, wherever the page was rendered.
    func diagnostic(_ failure: Failure, page: PlannedPage) -> Diagnostic {
        switch failure {
        case .missingTemplate(let name):
            return .error(SourceLocation(file: theme.origins[name] ?? "\(name).mustache"),
                          "template \"\(name).mustache\" is missing", hint: "needed for \(page.url)")
        }
    }

    package func render(_ page: PlannedPage) throws(Failure) -> Data {
        if let fill = stream(page) { return OpenData.whole(fill) }
        switch page.kind {
        case .asset(let name): return theme.assets[name] ?? Data()
        case .searchShard(let n): return environment.searchIndex.shardJSON(n)
        case .searchDocuments(let n): return environment.searchIndex.chunkJSON(n)
        case .file(let source): return FileIO.contents(atPath: source).map { Data($0) } ?? Data()
        case .dataPackage: return Data(openData.dataPackage().utf8)
        default: break
        }
        let (template, context) = templateAndContext(page)
        guard let text = theme.library.render(TemplateObject.wrap(context), withTemplate: template) else {
            throw .missingTemplate(template)
        }
        return Data(text.utf8)
    }

    /// How to write an open-data file as it is made, for a writer that streams it to disk
    /// (`OutputWriter.write(to:streaming:)`); nil for pages rendered whole. On a national site
    /// these files are gigabytes, which would otherwise be held in memory.
    func stream(_ page: PlannedPage) -> ((ByteSink) -> Void)? {
        switch page.kind {
        case .datasetFile(let id, .csv): return { openData.datasetCSV(id, into: $0) }
        case .datasetFile(let id, .json): return { openData.datasetJSON(id, into: $0) }
        case .figuresFile(.csv): return { openData.figuresCSV(into: $0) }
        case .figuresFile(.json): return { openData.figuresJSON(into: $0) }
        default: return nil
        }
    }

    /// The template a page kind is rendered with ("" for files made without one).
    func templateName(_ kind: PageKind) -> String {
        switch kind {
        case .home: return "home"
        case .newsList, .category, .tag: return "news-list"
        case .article: return "article"
        case .tagIndex: return "tags"
        case .unitIndex: return "units"
        case .unit: return "unit"
        case .statisticsIndex, .statistics: return "statistics"
        case .compliance: return "compliance"
        case .openData: return "open-data"
        case .planIndex: return "plan-index"
        case .plan: return "plan"
        case .newsFeed, .unitFeed: return "feed.xml"
        case .sitemap: return "sitemap.xml"
        case .robots: return "robots.txt"
        case .notFound: return "404"
        case .search: return "search"
        case .searchShard, .searchDocuments: return ""
        case .asset, .file, .datasetFile, .figuresFile, .dataPackage: return ""
        }
    }

    func templateAndContext(_ page: PlannedPage) -> (String, Context) {
        (templateName(page.kind), context(page))
    }

    func context(_ page: PlannedPage) -> Context {
        let env = environment
        switch page.kind {
        case .home: return env.homeContext()
        case .newsList(let n): return env.newsListContext(page: n, url: page.url)
        case .article(let i): return env.articleContext(i)
        case .category(let id, let n): return env.categoryContext(id, page: n, url: page.url)
        case .tag(let slug, let n): return env.tagContext(slug, page: n, url: page.url)
        case .tagIndex: return env.tagIndexContext()
        case .unitIndex: return env.unitIndexContext()
        case .unit(let id): return env.unitContext(id)
        case .statisticsIndex: return env.statisticsIndexContext()
        case .statistics(let span): return env.statisticsContext(span: span, url: page.url)
        case .compliance: return env.complianceContext()
        case .openData: return env.openDataContext()
        case .planIndex: return env.planIndexContext()
        case .plan(let i): return env.planContext(i)
        case .newsFeed: return env.newsFeedContext()
        case .unitFeed(let id): return env.unitFeedContext(id)
        case .sitemap: return env.sitemapContext()
        case .robots: return ["sitemap_url": env.config.absoluteURL("/sitemap.xml")]
        case .notFound: return env.pageContext(title: "Không tìm thấy trang", url: "/404.html")
        case .search: return env.searchContext()
        case .searchShard, .searchDocuments: return [:]
        case .asset, .file, .datasetFile, .figuresFile, .dataPackage: return [:]
        }
    }

}
