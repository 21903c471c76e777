import CongkhaiCore

/// Building blocks for pages that show figures: values with their parts, target rows, tables.
extension RenderEnvironment {
    func fieldName(_ id: String?) -> String {
        guard let id else { return "Tất cả lĩnh vực" }
        return content.fields.first { $0.id == id }?.name ?? id
    }

    /// A value as a table cell: `98,5%` with `1.234/1.253` beside it, so the denominator is always stated.
    func cell(_ value: MeasureValue) -> Context {
        var cell: Context = ["text": value.text, "no_data": value == .noData]
        if let rate = value.rate {
            cell["parts"] =
                "\(VietnameseNumber.integer(rate.numerator))/\(VietnameseNumber.integer(rate.denominator))"
        }
        return cell
    }

    func statusContext(_ status: TargetResult.Status) -> Context {
        [
            "label": status.label, "class": "status-\(status.rawValue)", "met": status == .met,
            "missed": status == .missed,
        ]
    }

    /// A target's result as a row of a target table.
    func targetRow(_ result: TargetResult, measure: Measure?) -> Context {
        var row: Context = [
            "id": result.target.id, "clause": result.target.clause, "title": result.target.title,
            "value": cell(result.value), "threshold": result.thresholdText,
            "status": statusContext(result.status),
            "measurable": result.target.isMeasurable,
            "span": result.span?.label ?? derivedSpanLabel(result.target),
        ]
        if let note = result.target.note { row["note"] = note }
        if let label = measure?.denominatorLabel, result.value.rate != nil {
            row["denominator"] = label
        }
        row["missed_parts"] = result.parts.filter { $0.status == .missed }.map { part -> Context in
            [
                "name": part.key.contains("-Q")
                    ? Span(Period(key: part.key)!).label : fieldName(part.key),
                "value": part.value.text,
            ]
        }
        // Present on every row (the statistics pages fill it in): a name a row lacks is looked for
        // down the whole context stack, on every row of every unit page.
        row["units_meeting"] = false
        return row
    }

    /// Derived indicators are judged on the latest period (publishing) or the plan year (news column).
    func derivedSpanLabel(_ target: Target) -> String {
        guard let indicator = target.indicator, DerivedIndicators.isDerived(indicator) else {
            return ""
        }
        return indicator.dataset == DerivedIndicators.news ? "năm \(config.year)" : "kỳ mới nhất"
    }

    func measure(of target: Target) -> Measure? {
        guard let indicator = target.indicator else { return nil }
        return figures.dataset(indicator.dataset)?.schema.measure(indicator.measure)
    }

    /// Every measurable target for a unit (nil: the district), over the plan year to date.
    func targetRows(unit: String?) -> [Context] {
        let evaluator = figures.evaluator
        return figures.targets.compactMap { target -> Context? in
            guard let indicator = target.indicator else { return nil }
            if unit != nil {
                // A unit is judged only on datasets it files.
                guard !DerivedIndicators.isDerived(indicator),
                    let data = figures.dataset(indicator.dataset), data.has(unit: unit!)
                else { return nil }
            }
            let result = evaluator.evaluate(target, unit: unit)
            if unit != nil && result.value == .noData { return nil }
            return targetRow(result, measure: measure(of: target))
        }
    }

    /// The dossier table for a unit (nil: the district) over a span: one row per field, then the total.
    func dossierTable(unit: String?, span: Span, caption: String) -> Context? {
        guard let data = figures.dossiers else { return nil }
        let fields = data.fields(unit: unit, span: span)
        guard !fields.isEmpty else { return nil }
        let fieldTargets = figures.targets.filter {
            $0.indicator?.dataset == "dossiers" && $0.scope != .quarter && $0.change == nil
        }
        let evaluator = figures.evaluator
        func row(_ selection: FieldSelection, name: String, field: String?) -> Context {
            let counts = data.counts(unit: unit, fields: selection, span: span)
            var row: Context = [
                "name": name,
                "received": VietnameseNumber.integer(
                    counts.sum(["received_online", "received_offline"], in: data.schema)),
                "resolved": VietnameseNumber.integer(
                    counts.sum(
                        ["resolved_early", "resolved_on_time", "resolved_late"], in: data.schema)),
                "on_time": cell(
                    counts.value(of: data.schema.measure("on_time_rate")!, in: data.schema)),
                "late": cell(counts.value(of: data.schema.measure("late_rate")!, in: data.schema)),
                "online": cell(
                    counts.value(of: data.schema.measure("online_share")!, in: data.schema)),
                "pending_overdue": VietnameseNumber.integer(
                    counts.sum(["pending_overdue"], in: data.schema)),
            ]
            if let field {
                // The targets that apply to this field (I.5.1 outside land and investment, I.5.2 inside).
                row["targets"] = fieldTargets.filter { $0.fields.includes(field) }.map {
                    target -> Context in
                    var single = target
                    single.fields = .only([field])
                    single.scope = .overall
                    let result = evaluator.evaluate(single, unit: unit, span: span)
                    return [
                        "clause": target.clause, "threshold": result.thresholdText,
                        "status": statusContext(result.status),
                        "indicator": measure(of: target)?.title ?? "",
                    ]
                }
            }
            return row
        }
        return [
            "caption": caption, "span": span.label,
            "rows": fields.map { row(.only([$0]), name: fieldName($0), field: $0) },
            "total": row(.all, name: "Tổng cộng", field: nil),
        ]
    }

    /// Monthly on-time rate of a unit (nil: the district) through the plan year, as chart and table.
    func onTimeTrend(unit: String?, id: String) -> Context? {
        guard
            let target = figures.targets.first(where: {
                $0.indicator?.description == "dossiers.on_time_rate" && $0.change == nil
            })
        else {
            return Indicator("dossiers.on_time_rate").flatMap {
                trend($0, target: nil, unit: unit, id: id)
            }
        }
        return trend(target.indicator!, target: target, unit: unit, id: id)
    }

    /// Every rate a unit's targets are judged on, month by month (quarter by quarter for
    /// quarterly datasets), each as a chart with its table.
    func trends(unit: String) -> [Context] {
        var seen = Set<String>()
        return figures.targets.compactMap { target -> Context? in
            guard let indicator = target.indicator, target.change == nil,
                !DerivedIndicators.isDerived(indicator),
                seen.insert(indicator.description + "\(target.fields)").inserted,
                figures.dataset(indicator.dataset)?.has(unit: unit) == true
            else { return nil }
            return trend(indicator, target: target, unit: unit, id: "xu-huong-\(unit)-\(target.id)")
        }
    }

    /// A rate over the plan year's months (or quarters), drawn against its target with its data table.
    func trend(_ indicator: Indicator, target: Target?, unit: String?, id: String) -> Context? {
        guard let data = figures.dataset(indicator.dataset),
            let measure = data.schema.measure(indicator.measure), measure.isRate
        else { return nil }
        let months = data.spans.filter { $0.kind == .month && $0.year == config.year }
        let spans =
            months.isEmpty
            ? data.spans.filter { $0.kind == .quarter && $0.year == config.year } : months
        let fields = target?.fields ?? .all
        let points = spans.map {
            TrendChart.Point(
                label: $0.label, value: data.value(measure, unit: unit, fields: fields, span: $0))
        }
        guard points.contains(where: { $0.value != .noData }) else { return nil }
        let threshold = target.map { RateRounding.perMille($0.value) }
        let chart = TrendChart(
            title: "\(measure.title) theo \(months.isEmpty ? "quý" : "tháng"), năm \(config.year)",
            points: points,
            target: threshold, comparison: target?.comparison ?? .atLeast,
            targetLabel: target.map {
                "\($0.comparison.symbol) \(VietnameseNumber.decimal(scaled: Int(RateRounding.perMille($0.value)), decimals: 1))%"
            })
        var notes = measure.denominatorLabel.map { ["Mẫu số: \($0)."] } ?? []
        if let target {
            notes.append("Chỉ tiêu mục \(target.clause).")
            switch target.fields {
            case .all: break
            case .excluding(let ids):
                notes.append(
                    "Không tính lĩnh vực \(ids.sorted().map { fieldName($0) }.joined(separator: ", "))."
                )
            case .only(let ids):
                notes.append(
                    "Chỉ tính lĩnh vực \(ids.sorted().map { fieldName($0) }.joined(separator: ", "))."
                )
            }
        }
        let description = chart.description
        return [
            "svg": chart.svg(id: id, description: description), "title": chart.title,
            "description": description,
            "period_label": months.isEmpty ? "Quý" : "Tháng",
            "rows": points.map { point -> Context in
                // flat: a nested `value` cost a lookup and a context push per row
                var row = cell(point.value)
                row["label"] = point.label
                return row
            },
            "note": notes.joined(separator: " "),
        ]
    }

    /// One line per other dataset a unit (nil: district) files: satisfaction, feedback, online, declared ones.
    func datasetSummaries(unit: String?, span: Span?) -> [Context] {
        figures.datasets.filter {
            $0.schema.id != "dossiers" && (unit == nil || $0.has(unit: unit!))
        }.compactMap { data in
            guard
                let span = span.flatMap({ s in
                    data.spans.last {
                        $0.year == s.year && $0.lastMonth <= s.lastMonth && $0.kind == s.kind
                    }
                })
                    ?? figures.defaultSpan(for: data)
            else { return nil }
            let measures = data.schema.measures.map { measure -> Context in
                var m = cell(data.value(measure, unit: unit, span: span))
                m["title"] = measure.title
                if let label = measure.denominatorLabel, measure.isRate { m["denominator"] = label }
                return m
            }
            return [
                "title": data.schema.title, "id": data.schema.id, "span": span.label,
                "measures": measures,
            ]
        }
    }
}

extension SiteFigures {
    var dossiers: DatasetFigures? { dataset("dossiers") }
}
