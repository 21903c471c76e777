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
        environment.fragments.render = { name, data in
            library.render(TemplateObject.wrap(data), withTemplate: name) ?? ""
        }
    }

    package enum Failure: Error, Equatable {
        case missingTemplate(String)
        /// A social card could not be drawn or written.
        case card(String)
    }

    /// The one way a render failure is reported, wherever the page was rendered.
    func diagnostic(_ failure: Failure, page: PlannedPage) -> Diagnostic {
        switch failure {
        case .missingTemplate(let name):
            return .error(
                SourceLocation(file: theme.origins[name] ?? "\(name).mustache"),
                "template \"\(name).mustache\" is missing", hint: "needed for \(page.url)")
        case .card(let reason):
            return .error(
                SourceLocation(file: page.url), "cannot draw the social card: \(reason)",
                hint:
                    "social cards need pango, cairo and libpng (libpango1.0-dev, libpng-dev) and a font such as DejaVu Sans"
            )
        }
    }

    package func render(_ page: PlannedPage) throws(Failure) -> Data {
        switch source(page.kind) {
        case .template(let template):
            guard
                let text = theme.library.render(
                    TemplateObject.wrap(context(page)), withTemplate: template)
            else {
                throw .missingTemplate(template)
            }
            return Data(text.utf8)
        case .stream(let fill): return OpenData.whole(fill)
        case .asset(let name): return theme.assets[name] ?? Data()
        case .generated(let make): return make()
        case .card(let card):
            do { return try environment.cards.png(card) } catch {
                if case .raster(let reason) = error { throw .card(reason) }; throw .card("")
            }
        }
    }

    /// How a page is made.
    enum Source {
        /// Through the theme's template of this name.
        case template(String)
        /// Open data, written as it is made: a writer that streams it to disk
        /// (`OutputWriter.write(to:streaming:)`) never holds it whole. On a national site these
        /// files are gigabytes.
        case stream((ByteSink) -> Void)
        /// A theme file, copied as it is.
        case asset(String)
        /// A file made without a template: the open-data catalogue (`datapackage.json`), the
        /// search index's shards and documents, a published photo size or document.
        case generated(() -> Data)
        /// A social card, drawn by `CardPainter`.
        case card(SocialCard)
    }

    func source(_ kind: PageKind) -> Source {
        switch kind {
        case .home: return .template("home")
        case .newsList, .category, .tag: return .template("news-list")
        case .article: return .template("article")
        case .tagIndex: return .template("tags")
        case .unitIndex: return .template("units")
        case .unit: return .template("unit")
        case .statisticsIndex, .statistics: return .template("statistics")
        case .compliance: return .template("compliance")
        case .openData: return .template("open-data")
        case .planIndex: return .template("plan-index")
        case .plan: return .template("plan")
        case .newsFeed, .unitFeed: return .template("feed.xml")
        case .sitemap: return .template("sitemap.xml")
        case .robots: return .template("robots.txt")
        case .notFound: return .template("404")
        case .search: return .template("search")
        case .datasetFile(let id, .csv): return .stream { openData.datasetCSV(id, into: $0) }
        case .datasetFile(let id, .json): return .stream { openData.datasetJSON(id, into: $0) }
        case .figuresFile(.csv): return .stream { openData.figuresCSV(into: $0) }
        case .figuresFile(.json): return .stream { openData.figuresJSON(into: $0) }
        case .asset(let name): return .asset(name)
        case .dataPackage: return .generated { Data(openData.dataPackage().utf8) }
        case .searchShard(let n): return .generated { environment.searchIndex.shardJSON(n) }
        case .searchDocuments(let n): return .generated { environment.searchIndex.chunkJSON(n) }
        case .unitEmbed: return .template("embed")
        case .unitFigures(let id): return .generated { environment.embedJSON(id) }
        case .siteCard: return .card(environment.siteCard())
        case .unitCard(let id): return .card(environment.unitCard(id))
        case .file(let source):
            return .generated { FileIO.contents(atPath: source).map { Data($0) } ?? Data() }
        }
    }

    /// How to write a page as it is made, for a writer that streams it; nil for pages made whole.
    func stream(_ page: PlannedPage) -> ((ByteSink) -> Void)? {
        if case .stream(let fill) = source(page.kind) { return fill }
        return nil
    }

    /// The template a page kind is rendered with ("" for files made without one).
    func templateName(_ kind: PageKind) -> String {
        if case .template(let name) = source(kind) { return name }
        return ""
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
        case .robots: return ["sitemap_url": env.config.absoluteURL(Routes.sitemap)]
        case .notFound: return env.pageContext(title: "Không tìm thấy trang", url: Routes.notFound)
        case .search: return env.searchContext()
        case .searchShard, .searchDocuments, .unitFigures, .siteCard, .unitCard: return [:]
        case .unitEmbed(let id): return env.embedContext(id)
        case .asset, .file, .datasetFile, .figuresFile, .dataPackage: return [:]
        }
    }

}
