import CongkhaiCore

/// Every URL path of the site, in one place: the planner plans each page at one of these, and
/// every page's data links to them. Paths start and, for pages, end with `/`.
package enum Routes {
    package static let home = "/"

    // MARK: News column

    package static let news = "/tin-tuc/"
    package static let newsFeed = "/tin-tuc/feed.xml"
    package static let tags = "/tin-tuc/the/"

    package static func article(slug: String) -> String { "/tin-tuc/\(slug)/" }
    package static func article(_ article: Article) -> String { Self.article(slug: article.slug) }
    package static func category(_ id: String) -> String { "/tin-tuc/chuyen-muc/\(id)/" }
    package static func tag(_ slug: String) -> String { "/tin-tuc/the/\(slug)/" }

    // MARK: Files beside the markdown

    /// `Content/media/`, the files many pages use; the others are published under their page's URL.
    package static let media = "/media/"

    /// Page `n` of a list whose first page is `base`: `base` itself, then `trang-2/`, `trang-3/`…
    package static func page(_ n: Int, of base: String) -> String {
        n <= 1 ? base : "\(base)trang-\(n)/"
    }

    // MARK: Units

    package static let units = "/don-vi/"

    package static func unit(_ id: String) -> String { "/don-vi/\(id)/" }
    package static func unitFeed(_ id: String) -> String { "/don-vi/\(id)/feed.xml" }
    /// A unit's figures as a small page to embed in its own site.
    package static func unitEmbed(_ id: String) -> String { "/don-vi/\(id)/nhung/" }
    /// The same figures as JSON, for a portal that draws its own.
    package static func unitFigures(_ id: String) -> String { "/don-vi/\(id)/so-lieu.json" }
    /// The unit's social card (`og:image`): its name and on-time rate.
    package static func unitCard(_ id: String) -> String { "/don-vi/\(id)/the-chia-se.png" }

    // MARK: Figures and open data

    package static let statistics = "/thong-ke/"
    package static let compliance = "/cong-khai/"
    package static let openData = "/du-lieu/"
    package static let dataPackage = "/du-lieu/datapackage.json"

    package static func statistics(_ span: Span) -> String { "/thong-ke/\(span.key)/" }
    package static func datasetFile(_ id: String, _ format: DataFormat) -> String {
        "/du-lieu/\(id).\(format.rawValue)"
    }
    package static func figuresFile(_ format: DataFormat) -> String {
        "/du-lieu/chi-so.\(format.rawValue)"
    }

    // MARK: Plan

    package static let plan = "/ke-hoach/"

    package static func planPage(slug: String) -> String { "/ke-hoach/\(slug)/" }
    package static func planPage(_ page: PlanPage) -> String { planPage(slug: page.slug) }

    // MARK: The rest

    /// The site's social card, the `og:image` of every page without its own.
    package static let siteCard = "/the-chia-se.png"
    package static let search = "/tim-kiem/"
    /// The search index, in shards a browser fetches as a query needs them.
    package static func searchShard(_ n: Int) -> String { "/tim-kiem/chi-muc/\(n).json" }
    /// The documents search results show, in chunks.
    package static func searchDocuments(_ n: Int) -> String { "/tim-kiem/tai-lieu/\(n).json" }
    package static let notFound = "/404.html"
    package static let robots = "/robots.txt"
    package static let sitemap = "/sitemap.xml"

    package static func asset(_ name: String) -> String { "/assets/\(name)" }
}
