import CongkhaiCore

/// The outcome of one target for the district or one unit, over one span.
package struct TargetResult: Sendable {
    package enum Status: String, Sendable, Hashable {
        case met, missed, noData = "no-data", noBaseline = "no-baseline", notMeasurable =
            "not-measurable"

        /// Words and a symbol: never colour alone.
        package var label: String {
            switch self {
            case .met: return "✔ Đạt"
            case .missed: return "✘ Chưa đạt"
            case .noData: return "– Chưa có số liệu"
            case .noBaseline: return "– Chưa có số liệu năm gốc"
            case .notMeasurable: return "Không đo bằng số liệu"
            }
        }
    }

    /// A field (or quarter) that must meet the target on its own.
    package struct Part: Sendable {
        package var key: String
        package var value: MeasureValue
        package var status: Status
    }

    package var target: Target
    package var status: Status
    package var value: MeasureValue
    /// The threshold in the value's units (per mille for rates), once any baseline is applied.
    package var threshold: Double?
    /// `≥ 98,0%`, `< 4,0%`, `≥ 13,9% (năm 2020: 10,9% + 3 điểm)`.
    package var thresholdText: String
    package var parts: [Part]
    package var span: Span?
}

/// Judges targets against the computed figures. Rates are compared as shown: rounded half up
/// to 0,1% (`Rate.perMille`), against the threshold in the same units.
package struct TargetEvaluator: Sendable {
    package let figures: SiteFigures

    package func evaluate(_ target: Target, unit: String? = nil, span: Span? = nil) -> TargetResult
    {
        guard let indicator = target.indicator else {
            return TargetResult(
                target: target, status: .notMeasurable, value: .noData, threshold: nil,
                thresholdText: "", parts: [], span: nil)
        }
        if DerivedIndicators.isDerived(indicator) {
            return evaluateDerived(target, indicator, unit: unit)
        }
        guard let data = figures.dataset(indicator.dataset),
            let measure = data.schema.measure(indicator.measure),
            let span = span ?? figures.defaultSpan(for: data)
        else {
            return TargetResult(
                target: target, status: .noData, value: .noData, threshold: nil,
                thresholdText: "", parts: [], span: nil)
        }
        let (threshold, text) = self.threshold(
            target, data: data, measure: measure, unit: unit, span: span)
        let value = data.value(measure, unit: unit, fields: target.fields, span: span)
        guard let threshold else {
            return TargetResult(
                target: target, status: .noBaseline, value: value, threshold: nil,
                thresholdText: text, parts: [], span: span)
        }
        func judge(_ v: MeasureValue) -> TargetResult.Status {
            guard let x = v.comparable else { return .noData }
            return target.comparison.holds(x, threshold) ? .met : .missed
        }
        var parts: [TargetResult.Part] = []
        switch target.scope {
        case .overall: break
        case .field:
            for field in data.fields(unit: unit, span: span) where target.fields.includes(field) {
                let v = data.value(measure, unit: unit, fields: .only([field]), span: span)
                parts.append(.init(key: field, value: v, status: judge(v)))
            }
        case .quarter:
            for quarter in data.spans
            where quarter.kind == .quarter && quarter.year == span.year
                && quarter.lastMonth <= span.lastMonth
            {
                let v = data.value(measure, unit: unit, fields: target.fields, span: quarter)
                parts.append(.init(key: quarter.key, value: v, status: judge(v)))
            }
        }
        var status = judge(value)
        if status != .noData, parts.contains(where: { $0.status == .missed }) { status = .missed }
        return TargetResult(
            target: target, status: status, value: value, threshold: threshold,
            thresholdText: text, parts: parts, span: span)
    }

    /// The threshold, after applying a baseline for "up N on 2020" targets, and how to say it:
    /// `≥ 98,0%`, `≥ 13,9% (tăng 3,0 điểm so với năm 2020: 10,9%)`, `≥ 186 (tăng 5,0% so với năm 2020: 177)`.
    func threshold(
        _ target: Target, data: DatasetFigures, measure: Measure, unit: String?, span: Span
    ) -> (Double?, String) {
        let isRate = measure.isRate
        func show(_ v: Double) -> String {
            isRate
                ? VietnameseNumber.decimal(scaled: Int(v.rounded()), decimals: 1) + "%"
                : VietnameseNumber.integer(Int(v.rounded(.up)))
        }
        let symbol = target.comparison.symbol
        guard let change = target.change else {
            let t = isRate ? RateRounding.perMille(target.value) : target.value
            return (t, "\(symbol) \(show(t))")
        }
        let step =
            VietnameseNumber.decimal(scaled: Int((target.value * 1000).rounded()), decimals: 1)
            + (change == .points ? " điểm" : "%")
        // The baseline: the baseline period's own figures when present, else the declared value
        // (a district figure, so it applies to the district only).
        let period = target.baselinePeriod.flatMap { Period(key: $0) }
        let label = period.map { Span($0).label.lowercased() } ?? "năm gốc"
        var baseline: Double?
        if let period,
            case let v = data.value(measure, unit: unit, fields: target.fields, span: Span(period)),
            v != .noData
        {
            baseline = isRate ? v.rate?.fraction : v.comparable
        } else if unit == nil {
            baseline = target.baselineValue
        }
        guard let baseline else { return (nil, "tăng \(step) so với \(label)") }
        let raw = change == .points ? baseline + target.value : baseline * (1 + target.value)
        let t = isRate ? RateRounding.perMille(raw) : raw
        let baseText =
            isRate
            ? show(RateRounding.perMille(baseline))
            : VietnameseNumber.integer(Int(baseline.rounded()))
        return (t, "\(symbol) \(show(t)) (tăng \(step) so với \(label): \(baseText))")
    }

    func evaluateDerived(_ target: Target, _ indicator: Indicator, unit: String?) -> TargetResult {
        guard unit == nil else {
            return TargetResult(
                target: target, status: .notMeasurable, value: .noData, threshold: nil,
                thresholdText: "", parts: [], span: nil)
        }
        let rate: Rate
        if indicator.dataset == DerivedIndicators.news {
            rate = figures.compliance.newsColumnRate
        } else {
            rate = figures.compliance.publishingRate(
                String(indicator.measure.dropLast("_share".count)))
        }
        let threshold = RateRounding.perMille(target.value)
        let value: MeasureValue = rate.hasData ? .rate(rate) : .noData
        let status: TargetResult.Status =
            value.comparable.map { target.comparison.holds($0, threshold) ? .met : .missed }
            ?? .noData
        return TargetResult(
            target: target, status: status, value: value, threshold: threshold,
            thresholdText:
                "\(target.comparison.symbol) \(VietnameseNumber.decimal(scaled: Int(threshold), decimals: 1))%",
            parts: [], span: nil)
    }
}
