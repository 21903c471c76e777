import CongkhaiCore
import Foundation

/// A unit's figures for its own website (plan clause I.5.3: every unit publishes its rates on its
/// own site): the targets on dossiers, satisfaction and feedback, each over the unit's latest
/// period and over the plan year to date, with its verdict. `/don-vi/<id>/nhung/` shows them in an
/// iframe-able page, `/don-vi/<id>/so-lieu.json` gives them to a portal that draws its own.
/// The year-to-date figures are the unit page's target table, computed by the same evaluator.
struct EmbedFigure {
    var target: Target
    /// The unit's newest period of the target's dataset: its figures were updated to it.
    var updated: Span
    var latest: TargetResult
    var yearToDate: TargetResult
}

extension RenderEnvironment {
    static let embedDatasets: Set<String> = ["dossiers", "satisfaction", "feedback"]

    func embedFigures(_ id: String) -> [EmbedFigure] {
        let evaluator = figures.evaluator
        return figures.targets.compactMap { target in
            guard let indicator = target.indicator, Self.embedDatasets.contains(indicator.dataset),
                let data = figures.dataset(indicator.dataset),
                let newest = data.newestPeriod(unit: id)
            else { return nil }
            let latest = Span(newest)
            let yearToDate = evaluator.evaluate(target, unit: id)
            guard yearToDate.value != .noData else { return nil }
            return EmbedFigure(
                target: target, updated: latest,
                latest: evaluator.evaluate(target, unit: id, span: latest), yearToDate: yearToDate)
        }
    }

    private func embedCell(_ result: TargetResult) -> Context {
        [
            "value": cell(result.value), "status": statusContext(result.status),
            "threshold": result.thresholdText,
            "span": result.span?.label ?? "",
        ]
    }

    func embedContext(_ id: String) -> Context {
        let unit = content.unit(id)!
        let name = unit.name(on: buildDate)
        let rows = embedFigures(id).map { figure -> Context in
            [
                "clause": figure.target.clause, "title": figure.target.title,
                // What the rates are out of, as every page states ("hồ sơ đã giải quyết").
                "denominator": measure(of: figure.target)?.denominatorLabel ?? false,
                "updated": figure.updated.label,
                "latest": embedCell(figure.latest), "year": embedCell(figure.yearToDate),
            ]
        }
        return [
            "site": siteData,
            "unit": [
                "id": id, "name": name, "url": config.absoluteURL(Routes.unit(id)),
                "json": config.absoluteURL(Routes.unitFigures(id)),
            ] as Context,
            "rows": rows, "has_rows": !rows.isEmpty,
            // The unit page's social card: a link to the embed shared on Zalo shows it too.
            "page": [
                "title": "Số liệu cải cách hành chính – \(name)",
                "canonical": config.absoluteURL(Routes.unitEmbed(id)),
                "description": "Kết quả thực hiện các chỉ tiêu cải cách hành chính của \(name)",
                "og_type": "website", "og_image": config.absoluteURL(Routes.unitCard(id)),
                "og_image_alt": "\(name): tỷ lệ hồ sơ giải quyết đúng hạn",
            ] as Context,
        ]
    }

    /// The code a unit's webmaster copies onto its own site.
    func embedSnippet(_ id: String, name: String) -> String {
        "<iframe src=\"\(config.absoluteURL(Routes.unitEmbed(id)))\" title=\"Số liệu cải cách hành chính – \(name)\" "
            + "width=\"100%\" height=\"640\" style=\"border:0;max-width:44rem\" loading=\"lazy\"></iframe>"
    }

    /// `so-lieu.json`: the embed's figures. Rates as numerator, denominator and the rounded
    /// percentage shown on the pages (null when there is no denominator).
    func embedJSON(_ id: String) -> Data {
        let unit = content.unit(id)!
        let sink = ByteSink()
        func field(_ key: String, _ value: String, comma: Bool = true) {
            sink.appendJSON(key); sink.append(":"); sink.appendJSON(value);
            if comma { sink.append(",") }
        }
        func result(_ r: TargetResult) {
            sink.append("{")
            if let span = r.span { field("period", span.key); field("period_label", span.label) }
            switch r.value {
            case .rate(let rate):
                sink.append("\"numerator\":"); sink.append(rate.numerator)
                sink.append(",\"denominator\":"); sink.append(rate.denominator)
                sink.append(",\"percent\":")
                if let perMille = rate.perMille {
                    sink.append("\(perMille / 10).\(perMille % 10)")
                } else {
                    sink.append("null")
                }
                sink.append(",")
            case .count(let n): sink.append("\"count\":"); sink.append(n); sink.append(",")
            case .noData: sink.append("\"percent\":null,")
            }
            field("text", r.value.text); field("threshold", r.thresholdText);
            field("status", r.status.rawValue)
            field("status_label", r.status.label, comma: false)
            sink.append("}")
        }
        sink.append("{")
        field("unit", id); field("name", unit.name(on: buildDate))
        field("page", config.absoluteURL(Routes.unit(id)));
        field("embed", config.absoluteURL(Routes.unitEmbed(id)))
        field("built", buildDate.description)
        sink.append("\"figures\":[")
        for (i, figure) in embedFigures(id).enumerated() {
            if i > 0 { sink.append(",") }
            sink.append("{")
            field("target", figure.target.id); field("clause", figure.target.clause);
            field("title", figure.target.title)
            field("updated_to", figure.updated.key)
            sink.append("\"latest\":"); result(figure.latest)
            sink.append(",\"year_to_date\":"); result(figure.yearToDate)
            sink.append("}")
        }
        sink.append("]}\n")
        return sink.data()
    }
}
