import CongkhaiCore

/// Data for the units index and each unit's transparency page.
extension RenderEnvironment {
    func unitSummary(_ unit: Unit) -> Context {
        [
            "id": unit.id, "name": unit.name(on: buildDate), "short": unit.shortName(on: buildDate),
            "url": Routes.unit(unit.id), "kind": unit.kind.label,
            "article_count": plan.news.byUnit[unit.id]?.count ?? 0,
        ]
    }

    func unitIndexContext() -> Context {
        let groups = Unit.Kind.allCases.map { kind -> Context in
            let units = content.units.filter { $0.kind == kind }
            return [
                "label": kind.label, "count": units.count, "units": units.map { unitSummary($0) },
            ]
        }.filter { ($0["count"] as? Int ?? 0) > 0 }
        return pageContext(
            title: "Các đơn vị công khai số liệu", url: Routes.units,
            description: "Trang công khai của từng cơ quan, phường và đơn vị sự nghiệp",
            breadcrumbs: [("Đơn vị", Routes.units)], extra: ["groups": groups])
    }

    func unitContext(_ id: String) -> Context {
        let unit = content.unit(id)!
        let url = Routes.unit(id)
        let name = unit.name(on: buildDate)
        var data = unitSummary(unit)
        data["former_names"] = unit.renamed.isEmpty ? [] : formerNames(unit)
        let articles = plan.news.byUnit[id] ?? []
        let shown = articles.prefix(config.newsPerPage)
        let column = shown.map { listedCard($0) }
        var extra: Context = [
            "unit": data, "articles": column, "articles_html": cardsHTML(shown),
            "has_articles": !column.isEmpty,
            "more_articles": articles.count > column.count,
            "article_count": articles.count, "feed_url": Routes.unitFeed(id),
        ]
        if var transparency = transparency(id) {
            transparency["embed"] =
                [
                    "url": Routes.unitEmbed(id), "json": Routes.unitFigures(id),
                    "code": embedSnippet(id, name: name),
                ] as Context
            extra["transparency"] = transparency
        }
        return pageContext(
            title: name, url: url, description: "Công khai cải cách hành chính của \(name)",
            breadcrumbs: [("Đơn vị", Routes.units), (unit.shortName(on: buildDate), url)],
            extra: extra,
            image: (Routes.unitCard(id), "\(name): tỷ lệ hồ sơ giải quyết đúng hạn"))
    }

    /// The names a unit had before its latest one, with the days they applied.
    func formerNames(_ unit: Unit) -> [Context] {
        var names: [Context] = []
        var previous = (name: unit.name, from: CalendarDay?.none)
        for rename in unit.renamed where rename.from <= buildDate {
            names.append([
                "name": previous.name, "until": rename.from.adding(days: -1).vietnamese,
                "from": previous.from?.vietnamese ?? "",
            ])
            previous = (rename.name, rename.from)
        }
        return names
    }
}

extension RenderEnvironment {
    /// A unit's figures: targets, the dossier tables for its latest month and the year to date,
    /// the monthly trend, its other datasets, and when it last published.
    func transparency(_ id: String) -> Context? {
        let publishes = figures.datasets.contains { $0.has(unit: id) }
        guard publishes else { return nil }
        var data: Context = [:]
        let rows = targetRows(unit: id)
        if !rows.isEmpty {
            data["target_table"] =
                [
                    "caption": "Các chỉ tiêu áp dụng cho đơn vị – \(headlineSpan?.label ?? "")",
                    "rows": rows,
                ] as Context
        }
        if let dossiers = figures.dossiers, let newest = dossiers.newestPeriod(unit: id) {
            let latest = Span(newest)
            data["updated"] = latest.label
            var tables: [Context] = []
            if let table = dossierTable(
                unit: id, span: latest, caption: "Kỳ mới nhất: \(latest.label)")
            {
                tables.append(table)
            }
            if let year = dossiers.yearSpan(latest.year), year != latest,
                let table = dossierTable(
                    unit: id,
                    span: Span.year(latest.year, through: min(year.lastMonth, latest.lastMonth)),
                    caption:
                        "Từ đầu năm: \(Span.year(latest.year, through: latest.lastMonth).label)")
            {
                tables.append(table)
            }
            data["dossier_tables"] = tables
        }
        data["trends"] = trends(unit: id)
        data["has_trends"] = !(data["trends"] as! [Context]).isEmpty
        data["summaries"] = datasetSummaries(unit: id, span: nil)
        data["statuses"] =
            figures.compliance.row(unit: id)?.statuses.map { status -> Context in
                [
                    "dataset": figures.dataset(status.dataset)?.schema.title ?? status.dataset,
                    "label": status.state.label,
                    "class": "status-\(status.state.rawValue)",
                    "newest": status.newest.map { Span($0).label } ?? "—",
                ]
            } ?? []
        return data
    }
}
