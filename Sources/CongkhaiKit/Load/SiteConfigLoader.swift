import CongkhaiCore

/// Reads `site.yml`.
enum SiteConfigLoader {
    static let file = "site.yml"
    static let keys = [
        "title", "base_url", "language", "owner", "year", "news_per_page", "stale_after_days",
        "ranking_rows", "allow_raw_html", "illustrative_data", "publish_units", "max_markdown_mb",
        "max_csv_mb", "max_line_kb",
    ]

    static func load(_ content: ContentDirectory, log: DiagnosticLog) -> SiteConfig {
        let display = content.display(file)
        guard content.exists(file) else {
            log.error(
                SourceLocation(file: display), "missing site.yml",
                hint: "every site needs Content/site.yml with at least `title` and `base_url`")
            return SiteConfig()
        }
        guard let text = content.readText(file, log: log),
            let document = YAMLDocument.parse(text, file: display, log: log),
            let record = YAMLRecord(document.root, in: document, log: log, what: "site.yml")
        else { return SiteConfig() }
        record.warnUnknownKeys(allowed: keys)
        var config = SiteConfig()
        config.title = record.string("title", required: true) ?? ""
        config.baseURL = record.string("base_url", required: true) ?? "/"
        if !(config.baseURL.hasPrefix("https://") || config.baseURL.hasPrefix("http://")) {
            log.error(
                record.valueLocation("base_url"),
                "`base_url` must be an absolute http(s) URL, not \"\(config.baseURL)\"")
        }
        if !config.baseURL.hasSuffix("/") { config.baseURL += "/" }
        config.language = record.string("language") ?? "vi"
        config.owner = record.string("owner") ?? ""
        config.year = record.int("year") ?? config.year
        config.allowRawHTML = record.bool("allow_raw_html") ?? false
        config.illustrativeData = record.bool("illustrative_data") ?? false
        if let n = record.int("news_per_page") {
            if n < 1 {
                log.error(
                    record.valueLocation("news_per_page"), "`news_per_page` must be at least 1")
            } else {
                config.newsPerPage = n
            }
        }
        if let n = record.int("stale_after_days") {
            if n < 1 {
                log.error(
                    record.valueLocation("stale_after_days"),
                    "`stale_after_days` must be at least 1")
            } else {
                config.staleAfterDays = n
            }
        }
        if let n = record.int("ranking_rows") {
            if n < 0 {
                log.error(
                    record.valueLocation("ranking_rows"),
                    "`ranking_rows` must be 0 (every unit) or more")
            } else {
                config.rankingRows = n
            }
        }
        config.publishUnits = publishUnits(record)
        for (key, unit, apply) in [
            (
                "max_markdown_mb", 1 << 20,
                { (c: inout SiteConfig, n: Int) in c.limits.markdownBytes = n }
            ),
            ("max_csv_mb", 1 << 20, { (c: inout SiteConfig, n: Int) in c.limits.csvBytes = n }),
            ("max_line_kb", 1 << 10, { (c: inout SiteConfig, n: Int) in c.limits.lineBytes = n }),
        ] {
            guard let n = record.int(key) else { continue }
            if n < 1 || n > (1 << 40) / unit {
                log.error(record.valueLocation(key), "`\(key)` must be a whole number from 1")
            } else {
                apply(&config, n * unit)
            }
        }
        return config
    }

    /// `publish_units: [phuong-5, {id: phuong-7, base_url: "https://…/"}]`.
    static func publishUnits(_ record: YAMLRecord) -> [PublishedUnit] {
        guard let value = record.value("publish_units") else { return [] }
        let document = record.document
        guard let sequence = value.sequence else {
            record.log.error(
                document.location(of: value),
                "`publish_units` must be a list of unit ids, e.g. [phuong-5, phuong-7]")
            return []
        }
        var units: [PublishedUnit] = []
        for item in sequence {
            if let scalar = item.scalar {
                units.append(
                    PublishedUnit(
                        id: YAMLRecord.trimmed(scalar.string), location: document.location(of: item)
                    ))
                continue
            }
            guard
                let entry = YAMLRecord(
                    item, in: document, log: record.log, what: "an entry of `publish_units`")
            else { continue }
            entry.warnUnknownKeys(allowed: ["id", "base_url"])
            guard let id = entry.string("id", required: true) else { continue }
            var base = entry.string("base_url")
            if let url = base {
                if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                    record.log.error(
                        entry.valueLocation("base_url"),
                        "`base_url` must be an absolute http(s) URL, not \"\(url)\"")
                    base = nil
                } else if !url.hasSuffix("/") {
                    base = url + "/"
                }
            }
            units.append(
                PublishedUnit(
                    id: id, baseURL: base, location: document.location(of: entry.value("id"))))
        }
        return units
    }
}
