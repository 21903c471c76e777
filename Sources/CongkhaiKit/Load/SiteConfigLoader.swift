import CongkhaiCore

/// Reads `site.yml`.
enum SiteConfigLoader {
    static let file = "site.yml"
    static let keys = ["title", "base_url", "language", "owner", "year", "news_per_page", "stale_after_days",
                       "ranking_rows", "allow_raw_html", "illustrative_data"]

    static func load(_ content: ContentDirectory, log: DiagnosticLog) -> SiteConfig {
        let display = content.display(file)
        guard content.exists(file) else {
            log.error(SourceLocation(file: display), "missing site.yml", hint: "every site needs Content/site.yml with at least `title` and `base_url`")
            return SiteConfig()
        }
        guard let text = SourceReader.readText(at: content.url(file), displayPath: display, log: log),
              let document = YAMLDocument.parse(text, file: display, log: log),
              let record = YAMLRecord(document.root, in: document, log: log, what: "site.yml") else { return SiteConfig() }
        record.warnUnknownKeys(allowed: keys)
        var config = SiteConfig()
        config.title = record.string("title", required: true) ?? ""
        config.baseURL = record.string("base_url", required: true) ?? "/"
        if !(config.baseURL.hasPrefix("https://") || config.baseURL.hasPrefix("http://")) {
            log.error(record.valueLocation("base_url"), "`base_url` must be an absolute http(s) URL, not \"\(config.baseURL)\"")
        }
        if !config.baseURL.hasSuffix("/") { config.baseURL += "/" }
        config.language = record.string("language") ?? "vi"
        config.owner = record.string("owner") ?? ""
        config.year = record.int("year") ?? config.year
        config.allowRawHTML = record.bool("allow_raw_html") ?? false
        config.illustrativeData = record.bool("illustrative_data") ?? false
        if let n = record.int("news_per_page") {
            if n < 1 { log.error(record.valueLocation("news_per_page"), "`news_per_page` must be at least 1") } else { config.newsPerPage = n }
        }
        if let n = record.int("stale_after_days") {
            if n < 1 { log.error(record.valueLocation("stale_after_days"), "`stale_after_days` must be at least 1") } else { config.staleAfterDays = n }
        }
        if let n = record.int("ranking_rows") {
            if n < 0 { log.error(record.valueLocation("ranking_rows"), "`ranking_rows` must be 0 (every unit) or more") } else { config.rankingRows = n }
        }
        return config
    }
}
