import CongkhaiCore

/// Indicators congkhai computes from the site itself rather than from a metric file.
package enum DerivedIndicators {
    /// `publishing.<dataset>_share`: share of the units that owe a dataset that published its latest period.
    package static let publishing = "publishing"
    /// `news.units_with_column_share`: share of units whose news column has an article in the span.
    package static let news = "news"

    package static func isDerived(_ indicator: Indicator) -> Bool {
        indicator.dataset == publishing || indicator.dataset == news
    }

    /// The measure names that exist, for validation messages.
    package static func measures(datasets: [String]) -> [Indicator] {
        (datasets.map { "\(publishing).\($0)_share" } + ["\(news).units_with_column_share"])
            .compactMap(Indicator.init)
    }
}
