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

    package init(title: String = "", baseURL: String = "/", language: String = "vi", owner: String = "",
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
    package func absoluteURL(_ path: String) -> String {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        return base + (path.hasPrefix("/") ? path : "/" + path)
    }
}
