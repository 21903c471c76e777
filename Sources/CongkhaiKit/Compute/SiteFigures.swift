import CongkhaiCore

/// The compute stage's output: every dataset indexed, the compliance facts, and the targets.
package struct SiteFigures: Sendable {
    package var datasets: [DatasetFigures]
    package var compliance: ComplianceFacts
    package var targets: [Target]
    package var year: Int

    package init(
        tables: [MetricTable], targets: [Target], content: SiteContent, buildDate: CalendarDay
    ) {
        datasets = tables.map(DatasetFigures.init)
        compliance = ComplianceFacts(
            datasets: datasets, units: content.units, articles: content.articles,
            config: content.config, buildDate: buildDate)
        self.targets = targets
        year = content.config.year
    }

    package func dataset(_ id: String) -> DatasetFigures? { datasets.first { $0.schema.id == id } }

    /// The span targets are judged over by default: the plan year to date.
    package func defaultSpan(for data: DatasetFigures) -> Span? {
        data.yearSpan(year) ?? data.spans.last
    }

    /// Every span any dataset has figures for, newest first: the pages under `/thong-ke/`.
    /// One span per period key: datasets end their year at different months (a yearly file says
    /// December, quarterly ones September), so the year page takes the dossiers' year to date.
    package var statisticsSpans: [Span] {
        let preferred = dossiers.flatMap { defaultSpan(for: $0) }
        var byKey: [String: Span] = [:]
        for span in datasets.flatMap(\.spans) {
            if span == preferred { byKey[span.key] = span; continue }
            if let existing = byKey[span.key],
                existing == preferred || existing.lastMonth >= span.lastMonth
            {
                continue
            }
            byKey[span.key] = span
        }
        return byKey.values.sorted().reversed()
    }

    package var evaluator: TargetEvaluator { TargetEvaluator(figures: self) }
}
