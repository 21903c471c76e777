/// `Content/site.yml`: who publishes the site and how.
package struct SiteConfig: Sendable, Equatable {
    package var title: String
    package var baseURL: String
    package var language: String
    package var owner: String
    package var year: Int
    package var newsPerPage: Int
    package var staleAfterDays: Int
    /// At most this many units in a statistics page's ranking (the best half and the worst half;
    /// the full list is in the open data); 0: all. A national site has ten thousand units.
    package var rankingRows: Int
    /// Opt-in to raw HTML and unsafe links in markdown. Off by default: content is untrusted.
    package var allowRawHTML: Bool
    /// Shown in the footer and on data pages while the metric files are generated examples.
    package var illustrativeData: Bool
    /// Units that also publish their own pages on their own host (`build --unit`, one CI job each).
    package var publishUnits: [PublishedUnit] = []
    /// The largest files and lines the build reads (`max_markdown_mb`, `max_csv_mb`, `max_line_kb`).
    package var limits = SizeLimits()

    package init(
        title: String = "", baseURL: String = "/", language: String = "vi", owner: String = "",
        year: Int = 2021, newsPerPage: Int = 20, staleAfterDays: Int = 45, rankingRows: Int = 200,
        allowRawHTML: Bool = false, illustrativeData: Bool = false
    ) {
        self.title = title
        self.baseURL = baseURL
        self.language = language
        self.owner = owner
        self.year = year
        self.newsPerPage = newsPerPage
        self.staleAfterDays = staleAfterDays
        self.rankingRows = rankingRows
        self.allowRawHTML = allowRawHTML
        self.illustrativeData = illustrativeData
    }

    /// `https://example.gov.vn/` + `tin-tuc/` with exactly one slash between.
    package func absoluteURL(_ path: String) -> String {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        return base + (path.hasPrefix("/") ? path : "/" + path)
    }
}

/// One entry of `publish_units:` in site.yml: a unit that publishes its own pages on its own host.
public struct PublishedUnit: Sendable, Equatable {
    public var id: String
    /// The unit's own site (`--base-url` of its build); nil: given by the CI.
    public var baseURL: String?
    /// Where site.yml names it, for a diagnostic.
    public var location: SourceLocation

    public init(id: String, baseURL: String? = nil, location: SourceLocation) {
        self.id = id
        self.baseURL = baseURL
        self.location = location
    }
}

/// How large a content file or a line of one may be: beyond, a located "too large" error instead
/// of reading it (a hostile or broken file cannot exhaust the build's memory).
package struct SizeLimits: Sendable, Equatable {
    /// A markdown file (article, plan page): `max_markdown_mb`.
    package var markdownBytes = 16 << 20
    /// One metric file: `max_csv_mb`.
    package var csvBytes = 512 << 20
    /// One line (record) of a metric file: `max_line_kb`.
    package var lineBytes = 1 << 20
    /// A YAML file of the site (read before site.yml says anything) and a template.
    package static let yamlBytes = 16 << 20

    package init() {}
}
