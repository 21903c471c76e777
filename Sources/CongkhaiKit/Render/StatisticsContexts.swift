import CongkhaiCore

/// Data for `/thong-ke/`, `/thong-ke/<period>/`, `/cong-khai/` and the figures on home, unit and plan pages.
extension RenderEnvironment {
    /// The span a statistics index shows: the plan year to date.
    var headlineSpan: Span? {
        figures.dossiers.flatMap { figures.defaultSpan(for: $0) } ?? figures.statisticsSpans.first
    }

    func statisticsIndexContext() -> Context {
        statisticsContext(span: headlineSpan, url: Routes.statistics)
    }

    func statisticsContext(span: Span?, url: String) -> Context {
        var extra: Context = ["span_groups": spanGroups(current: span)]
        if let span {
            extra["span"] = span.label
            extra["is_year"] = span.kind == .year
            if let table = dossierTable(
                unit: nil, span: span,
                caption: "Kết quả giải quyết hồ sơ theo lĩnh vực – \(span.label)")
            {
                extra["fields_table"] = table
            }
            extra["ranking"] = unitRanking(span: span)
            extra["summaries"] = datasetSummaries(unit: nil, span: span)
        }
        let title = span.map { "Thống kê – \($0.label)" } ?? "Thống kê"
        var crumbs = [("Thống kê", Routes.statistics)]
        if url != Routes.statistics, let span { crumbs.append((span.label, url)) }
        return pageContext(
            title: title, url: url,
            description:
                "Số liệu giải quyết hồ sơ thủ tục hành chính của các đơn vị, \(span?.label ?? "")",
            breadcrumbs: crumbs, extra: extra)
    }

    /// Links to every period page, grouped as years, quarters, months.
    func spanGroups(current: Span?) -> [Context] {
        let spans = figures.statisticsSpans
        return [(Span.Kind.year, "Cả năm"), (.quarter, "Theo quý"), (.month, "Theo tháng")]
            .compactMap { kind, label in
                let items = spans.filter { $0.kind == kind }.map { span -> Context in
                    [
                        "label": span.label, "url": Routes.statistics(span),
                        "current": span == current,
                    ]
                }
                return items.isEmpty ? nil : ["label": label, "spans": items]
            }
    }

    /// Units ranked by on-time rate over a span (highest first; units without resolved dossiers last).
    /// Beyond `ranking_rows` units, the best and the worst halves, with a row saying how many are
    /// between (all of them are in the open data).
    func unitRanking(span: Span) -> [Context] {
        guard let data = figures.dossiers else { return [] }
        let onTime = data.schema.measure("on_time_rate")!, late = data.schema.measure("late_rate")!,
            online = data.schema.measure("online_share")!
        let rows = content.units.compactMap { unit -> (unit: Unit, counts: Counts, rate: Rate?)? in
            let counts = data.counts(unit: unit.id, span: span)
            return counts.rows > 0
                ? (unit, counts, counts.value(of: onTime, in: data.schema).rate) : nil
        }
        let ranked = rows.sorted { a, b in
            // Compare exact fractions by cross-multiplying, so ties are ties and order is stable.
            let x = (a.rate?.numerator ?? -1) * max(b.rate?.denominator ?? 1, 1),
                y = (b.rate?.numerator ?? -1) * max(a.rate?.denominator ?? 1, 1)
            return x != y ? x > y : a.unit.id < b.unit.id
        }
        func row(_ i: Int) -> Context {
            let (unit, counts, _) = ranked[i]
            return [
                "rank": i + 1, "name": unit.name(on: span.lastDay), "url": Routes.unit(unit.id),
                "resolved": VietnameseNumber.integer(
                    counts.sum(
                        ["resolved_early", "resolved_on_time", "resolved_late"], in: data.schema)),
                "on_time": cell(counts.value(of: onTime, in: data.schema)),
                "late": cell(counts.value(of: late, in: data.schema)),
                "online": cell(counts.value(of: online, in: data.schema)),
                "pending_overdue": VietnameseNumber.integer(
                    counts.sum(["pending_overdue"], in: data.schema)),
            ]
        }
        let limit = config.rankingRows
        guard limit > 0, ranked.count > limit else { return ranked.indices.map(row) }
        let best = (limit + 1) / 2, worst = limit - best
        let omitted = ranked.count - best - worst
        return (0..<best).map(row) + [["gap": true, "omitted": VietnameseNumber.integer(omitted)]]
            + ((ranked.count - worst)..<ranked.count).map(row)
    }

    func complianceContext() -> Context {
        let facts = figures.compliance
        let datasets = figures.datasets.map { data -> Context in
            [
                "id": data.schema.id, "title": data.schema.title,
                "latest": facts.latest[data.schema.id]?.label ?? "",
                "rate": cell(
                    facts.publishingRate(data.schema.id).hasData
                        ? .rate(facts.publishingRate(data.schema.id)) : .noData),
            ]
        }
        let rows = facts.rows.map { row -> Context in
            let unit = content.unit(row.unit)!
            let cells = figures.datasets.map { data -> Context in
                guard let status = row.statuses.first(where: { $0.dataset == data.schema.id })
                else {
                    return ["owed": false, "dataset": data.schema.title]
                }
                return [
                    "owed": true, "dataset": data.schema.title, "label": status.state.label,
                    "class": "status-\(status.state.rawValue)",
                    "newest": status.newest.map { Span($0).label } ?? "",
                ]
            }
            return [
                "name": unit.name(on: buildDate), "url": Routes.unit(unit.id), "cells": cells,
                "articles_year": row.articlesInYear, "articles_month": row.articlesInLatestMonth,
                "news_status": row.articlesInLatestMonth > 0
                    ? "✔ Có bài"
                    : (row.articlesInYear > 0 ? "◐ Không có bài trong tháng" : "✘ Chưa có bài"),
            ]
        }
        let behind = facts.rows.filter { !$0.isFullyUpToDate }.count
        return pageContext(
            title: "Tình hình công khai số liệu của các đơn vị", url: Routes.compliance,
            description:
                "Đơn vị nào đã công khai, chậm cập nhật hoặc chưa công khai số liệu cải cách hành chính",
            breadcrumbs: [("Công khai", Routes.compliance)],
            extra: [
                "datasets": datasets, "rows": rows, "behind_count": behind,
                "unit_count": facts.rows.count,
                "news_month": facts.newsMonth.label, "stale_after_days": config.staleAfterDays,
                "stale_before": buildDate.adding(days: -config.staleAfterDays).vietnamese,
            ])
    }

    /// The home page's headline: each measurable target for the district, year to date.
    func headlineTiles() -> [Context] {
        let evaluator = figures.evaluator
        return figures.targets.filter { target in
            guard let indicator = target.indicator else { return false }
            return BuiltInDatasets.named(indicator.dataset) != nil
        }.map { target in
            let result = evaluator.evaluate(target)
            var tile = targetRow(result, measure: measure(of: target))
            tile["class"] =
                result.status == .met ? "met" : (result.status == .missed ? "missed" : "")
            return tile
        }
    }

    /// Each clause of section I with its indicator's district value and how many units meet it.
    func planProgress() -> [Context] {
        let evaluator = figures.evaluator
        return figures.targets.map { target -> Context in
            let result = evaluator.evaluate(target)
            var row = targetRow(result, measure: measure(of: target))
            if let indicator = target.indicator, !DerivedIndicators.isDerived(indicator),
                let data = figures.dataset(indicator.dataset)
            {
                let judged = data.units.map { evaluator.evaluate(target, unit: $0).status }.filter {
                    $0 == .met || $0 == .missed
                }
                if !judged.isEmpty {
                    row["units_meeting"] = "\(judged.filter { $0 == .met }.count)/\(judged.count)"
                }
            }
            return row
        }
    }
}

extension RenderEnvironment {
    func openDataContext() -> Context {
        let datasets = figures.datasets.map { data -> Context in
            let table = content.tables.first { $0.schema.id == data.schema.id }
            return [
                "id": data.schema.id, "title": data.schema.title,
                "rows": VietnameseNumber.integer(table?.rows.count ?? 0),
                "from": data.spans.first?.label ?? "",
                "to": data.spans.last(where: { $0.kind != .year })?.label ?? "",
                "csv": Routes.datasetFile(data.schema.id, .csv),
                "json": Routes.datasetFile(data.schema.id, .json),
                "by_field": data.schema.byField,
                "columns": data.schema.columns.map {
                    ["key": $0.key, "title": $0.title] as Context
                },
                "measures": data.schema.measures.map { measure -> Context in
                    var m: Context = ["id": measure.id, "title": measure.title]
                    switch measure.formula {
                    case .ratio(let n, let d):
                        m["formula"] =
                            "(\(n.joined(separator: " + "))) / (\(d.joined(separator: " + ")))"
                    case .sum(let c): m["formula"] = c.joined(separator: " + ")
                    }
                    return m
                },
            ]
        }
        return pageContext(
            title: "Dữ liệu mở", url: Routes.openData,
            description: "Tải về toàn bộ số liệu cải cách hành chính dạng CSV và JSON",
            breadcrumbs: [("Dữ liệu mở", Routes.openData)],
            extra: ["datasets": datasets, "has_datasets": !datasets.isEmpty])
    }
}
