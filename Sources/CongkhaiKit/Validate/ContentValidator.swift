import CongkhaiCore

/// The validate stage: checks that files agree with each other (ids, slugs) and keeps what is published.
package enum ContentValidator {
    /// Path segments under `/tin-tuc/` that the site itself uses.
    static func isReservedNewsSlug(_ slug: String) -> Bool {
        if ["chuyen-muc", "the", "trang"].contains(slug) { return true }
        return slug.hasPrefix("trang-") && Int(slug.dropFirst(6)) != nil
    }

    /// An article's `unit:` that units.yml does not list. The article loader reports it too, for
    /// an article whose front matter has other errors (it never reaches this stage).
    static func unknownUnit(
        _ unit: String, at place: SourceLocation, among unitIDs: [String]
    )
        -> Diagnostic
    {
        let hint: DiagnosticText =
            Spelling.closest(to: unit, among: unitIDs, maxDistance: 3).map {
                "did you mean \"\($0)\"?"
            }
            ?? "unit ids are listed in units.yml"
        return .error(place, "unknown unit \"\(unit)\"", hint: hint)
    }

    /// With `buildDate`, articles dated after it are held back (`scheduled`) unless `includeFuture`,
    /// and those past their `expires:` on it are not listed.
    package static func validate(
        _ loaded: LoadedContent, includeDrafts: Bool, buildDate: CalendarDay? = nil,
        includeFuture: Bool = false, log: DiagnosticLog
    ) -> SiteContent {
        let unitIDs = loaded.units.map(\.id)
        let knownUnits = Set(unitIDs)
        for unit in loaded.config.publishUnits where !knownUnits.contains(unit.id) {
            let hint: DiagnosticText? = Spelling.closest(
                to: unit.id, among: unitIDs, maxDistance: 3
            ).map { "did you mean \"\($0)\"?" }
            log.error(
                unit.location, "unknown unit \"\(unit.id)\" in `publish_units`",
                hint: hint ?? "unit ids are listed in units.yml")
        }
        var kept: [Int] = [], scheduled: [Int] = []
        var slugOwners: [String: String] = [:]  // slug → the file that has it first
        // Walk in file order so "first defined" is stable. Indices, not articles, are sorted and
        // kept: an article is a large value, and a site has thousands.
        let all = loaded.articles
        for i in all.indices.sorted(by: { all[$0].source < all[$1].source }) {
            let article = all[i]
            if let unit = article.unitID, !knownUnits.contains(unit) {
                log.add(
                    unknownUnit(unit, at: article.unitLocation ?? article.source, among: unitIDs))
                continue
            }
            if isReservedNewsSlug(article.slug) {
                log.error(
                    article.slugLocation,
                    "slug \"\(article.slug)\" is reserved for the news column's own pages",
                    hint: "add a different `slug:`")
                continue
            }
            guard includeDrafts || !article.draft else { continue }
            if let first = slugOwners[article.slug] {
                log.error(
                    article.slugLocation, "duplicate slug \"\(article.slug)\"",
                    hint: "\(first) has the same slug; add `slug:` to one of them")
                continue
            }
            slugOwners[article.slug] = article.source.file
            // Checked like any article (its slug is taken), published on its day.
            if let buildDate, !includeFuture, article.isScheduled(on: buildDate) {
                scheduled.append(i)
                continue
            }
            kept.append(i)
        }
        kept.sort {
            all[$0].date != all[$1].date ? all[$0].date > all[$1].date : all[$0].slug < all[$1].slug
        }
        let articles = kept.map { all[$0] }

        // Cached tables were valid when cached; fresh ones are checked here, apart, so the build
        // knows whether they may be cached (a cached table would not repeat its warnings).
        var validTables = loaded.tables
        var metricsClean = loaded.metricsClean
        if !loaded.metricsFromCache {
            let metricsLog = DiagnosticLog()
            validTables = MetricsValidator.validate(loaded.tables, log: metricsLog)
            metricsClean = metricsClean && metricsLog.all.isEmpty
            log.add(contentsOf: metricsLog.all)
        }

        var planSlugs: [String: PlanPage] = [:]
        var planPages: [PlanPage] = []
        for page in loaded.planPages {
            if let first = planSlugs[page.slug] {
                log.error(
                    page.source, "duplicate plan page slug \"\(page.slug)\"",
                    hint: "\(first.source.file) has the same slug")
                continue
            }
            planSlugs[page.slug] = page
            planPages.append(page)
        }
        var content = SiteContent(
            config: loaded.config, units: loaded.units, fields: loaded.fields,
            articles: articles, planPages: planPages,
            tables: validTables,
            targets: TargetValidator.validate(
                loaded.targets, schemas: loaded.schemas, fields: loaded.fields, log: log),
            metricsCacheable: metricsClean)
        content.listedOn = buildDate
        content.scheduled = scheduled.map { all[$0] }.sorted {
            ($0.date, $0.slug) < ($1.date, $1.slug)
        }
        return content
    }

    /// `build --unit ID` must name units of units.yml.
    package static func validateUnitSelection(
        _ ids: [String], in content: SiteContent, log: DiagnosticLog
    ) {
        let known = content.units.map(\.id)
        for id in ids where content.unit(id) == nil {
            let hint: DiagnosticText? = Spelling.closest(to: id, among: known, maxDistance: 3).map {
                "did you mean \"\($0)\"?"
            }
            log.error(
                SourceLocation(file: "--unit", line: 0), "unknown unit \"\(id)\"",
                hint: hint ?? "unit ids are listed in units.yml")
        }
    }
}
