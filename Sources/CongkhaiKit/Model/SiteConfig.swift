/// `Content/site.yml`: who publishes the site and how.
public struct SiteConfig: Sendable, Equatable {
    public var title: String
    public var baseURL: String
    public var language: String
    public var owner: String
    public var year: Int
    public var newsPerPage: Int
    public var staleAfterDays: Int
    /// At most this many units in a statistics page's ranking (the best half and the worst half;
    /// the full list is in the open data); 0: all. A national site has ten thousand units.
    public var rankingRows: Int
    /// Opt-in to raw HTML and unsafe links in markdown. Off by default: content is untrusted.
    public var allowRawHTML: Bool
    /// Shown in the footer and on data pages while the metric files are generated examples.
    public var illustrativeData: Bool

    public init(title: String = "", baseURL: String = "/", language: String = "vi", owner: String = "",
                year: Int = 2021, newsPerPage: Int = 20, staleAfterDays: Int = 45, rankingRows: Int = 200,
                allowRawHTML: Bool = false, illustrativeData: Bool = false) {
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
    public func absoluteURL(_ path: String) -> String {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        return base + (path.hasPrefix("/") ? path : "/" + path)
    }
}
