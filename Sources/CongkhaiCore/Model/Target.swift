/// A measurable target of the plan (`targets.yml`), e.g. clause I.5.1: on-time rate ≥ 98%
/// in every field but land and investment.
package struct Target: Sendable, Equatable {
    package enum Comparison: String, Sendable, Equatable, CaseIterable {
        case atLeast = ">=", above = ">", atMost = "<=", below = "<"

        package func holds(_ value: Double, _ threshold: Double) -> Bool {
            switch self {
            case .atLeast: return value >= threshold
            case .above: return value > threshold
            case .atMost: return value <= threshold
            case .below: return value < threshold
            }
        }

        /// `≥`, `>`, `≤`, `<`
        package var symbol: String {
            switch self {
            case .atLeast: return "≥"
            case .above: return ">"
            case .atMost: return "≤"
            case .below: return "<"
            }
        }
    }

    /// A rise over a baseline: in percentage points, or relative to the baseline.
    package enum Change: String, Sendable, Equatable { case points, relative }

    /// Must hold in every field (or every quarter), not only overall.
    package enum Scope: String, Sendable, Equatable { case overall, field, quarter }

    package var id: String
    package var clause: String
    package var title: String
    package var note: String?
    /// nil for a clause that is shown on the plan pages but not computed (`measurable: false`).
    package var indicator: Indicator?
    package var comparison: Comparison
    package var value: Double
    package var fields: FieldSelection
    package var scope: Scope
    package var change: Change?
    package var baselinePeriod: String?
    package var baselineValue: Double?
    package var location: SourceLocation

    package init(
        id: String, clause: String, title: String, note: String?, indicator: Indicator?,
        comparison: Comparison, value: Double, fields: FieldSelection, scope: Scope,
        change: Change?,
        baselinePeriod: String?, baselineValue: Double?, location: SourceLocation
    ) {
        self.id = id
        self.clause = clause
        self.title = title
        self.note = note
        self.indicator = indicator
        self.comparison = comparison
        self.value = value
        self.fields = fields
        self.scope = scope
        self.change = change
        self.baselinePeriod = baselinePeriod
        self.baselineValue = baselineValue
        self.location = location
    }

    package var isMeasurable: Bool { indicator != nil }
}

/// `dataset.measure`, e.g. `dossiers.on_time_rate`.
package struct Indicator: Sendable, Hashable, CustomStringConvertible {
    package var dataset: String
    package var measure: String
    package var description: String { "\(dataset).\(measure)" }

    package init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        dataset = String(parts[0])
        measure = String(parts[1])
    }
}
