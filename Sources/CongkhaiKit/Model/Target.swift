/// A measurable target of the plan (`targets.yml`), e.g. clause I.5.1: on-time rate ≥ 98%
/// in every field but land and investment.
public struct Target: Sendable, Equatable {
    public enum Comparison: String, Sendable, Equatable, CaseIterable {
        case atLeast = ">=", above = ">", atMost = "<=", below = "<"

        public func holds(_ value: Double, _ threshold: Double) -> Bool {
            switch self {
            case .atLeast: return value >= threshold
            case .above: return value > threshold
            case .atMost: return value <= threshold
            case .below: return value < threshold
            }
        }

        /// `≥`, `>`, `≤`, `<`
        public var symbol: String {
            switch self {
            case .atLeast: return "≥"
            case .above: return ">"
            case .atMost: return "≤"
            case .below: return "<"
            }
        }
    }

    /// A rise over a baseline: in percentage points, or relative to the baseline.
    public enum Change: String, Sendable, Equatable { case points, relative }

    /// Must hold in every field (or every quarter), not only overall.
    public enum Scope: String, Sendable, Equatable { case overall, field, quarter }

    public var id: String
    public var clause: String
    public var title: String
    public var note: String?
    /// nil for a clause that is shown on the plan pages but not computed (`measurable: false`).
    public var indicator: Indicator?
    public var comparison: Comparison
    public var value: Double
    public var fields: FieldSelection
    public var scope: Scope
    public var change: Change?
    public var baselinePeriod: String?
    public var baselineValue: Double?
    public var location: SourceLocation

    public var isMeasurable: Bool { indicator != nil }
}

/// `dataset.measure`, e.g. `dossiers.on_time_rate`.
public struct Indicator: Sendable, Hashable, CustomStringConvertible {
    public var dataset: String
    public var measure: String
    public var description: String { "\(dataset).\(measure)" }

    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        dataset = String(parts[0])
        measure = String(parts[1])
    }
}
