/// What one dataset's CSV files hold and what may be computed from them. The four built-in
/// datasets and every dataset a site declares in `datasets.yml` are described the same way, so
/// one loader, one validator and one calculator serve them all.
@usableFromInline package struct DatasetSchema: Sendable, Equatable {
    package enum Granularity: String, Sendable, Equatable {
        /// Months, or whole quarters (never both within one quarter for the same unit × field).
        case monthOrQuarter = "month"
        case quarter
        case year
    }

    /// Who must file a dataset, for the compliance page. nil means every unit that has filed it once.
    package enum ReportedBy: Sendable, Equatable {
        case units([String])
        case kinds([Unit.Kind])
    }

    package var id: String
    package var title: String
    /// Rows carry a `field` (lĩnh vực) column.
    package var byField: Bool
    package var granularity: Granularity
    /// The count columns, in the national form's order (that order resolves repeated titles).
    package var columns: [ColumnSpec] { didSet { positions = DatasetSchema.positions(columns) } }
    package var measures: [Measure]
    /// Sums that must be equal in every row (the form's identities).
    package var identities: [Identity]
    /// Sums that may not exceed others in any row (a part never exceeds its whole).
    package var bounds: [Bound]
    /// A month's carried-over count should equal the previous month's pending (a warning).
    package var carryOver: CarryOver?
    package var reportedBy: ReportedBy?
    package var builtIn: Bool
    /// Where it was declared (`datasets.yml:12:3`), for declared datasets.
    package var location: SourceLocation?

    package init(
        id: String, title: String, byField: Bool, granularity: Granularity, columns: [ColumnSpec],
        measures: [Measure], identities: [Identity] = [], bounds: [Bound] = [],
        carryOver: CarryOver? = nil,
        reportedBy: ReportedBy? = nil, builtIn: Bool, location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.byField = byField
        self.granularity = granularity
        self.columns = columns
        positions = DatasetSchema.positions(columns)
        self.measures = measures
        self.identities = identities
        self.bounds = bounds
        self.carryOver = carryOver
        self.reportedBy = reportedBy
        self.builtIn = builtIn
        self.location = location
    }

    /// Each column key's index (the first, should a key repeat): figures look columns up by key
    /// millions of times.
    @usableFromInline var positions: [String: Int] = [:]

    private static func positions(_ columns: [ColumnSpec]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (i, column) in columns.enumerated() where positions[column.key] == nil {
            positions[column.key] = i
        }
        return positions
    }

    @inlinable package func columnIndex(_ key: String) -> Int? { positions[key] }
    package func measure(_ id: String) -> Measure? {
        measures.first { $0.id == id || $0.aliases.contains(id) }
    }
}

/// One count column: its English key, the titles it may have in a Vietnamese export, and how
/// it adds up over time.
package struct ColumnSpec: Sendable, Equatable {
    package enum Aggregation: String, Sendable, Equatable {
        /// A flow (dossiers received in a month): a quarter is the sum of its months.
        case sum
        /// A stock (procedures offered online): a quarter is its latest month's value.
        case latest
    }

    package var key: String
    package var title: String
    /// Other header texts accepted for this column (national form titles, older exports).
    package var aliases: [String]
    package var required: Bool
    package var aggregation: Aggregation

    package init(
        _ key: String, title: String, aliases: [String] = [], required: Bool = true,
        aggregation: Aggregation = .sum
    ) {
        self.key = key
        self.title = title
        self.aliases = aliases
        self.required = required
        self.aggregation = aggregation
    }
}

/// How an indicator is computed from summed columns.
package enum Formula: Sendable, Equatable {
    /// sum(numerator) / sum(denominator), over every row selected: never an average of rates.
    case ratio(numerator: [String], denominator: [String])
    /// A count: the sum of columns.
    case sum([String])

    package var columns: [String] {
        switch self {
        case .ratio(let n, let d): return n + d
        case .sum(let c): return c
        }
    }
}

package struct Measure: Sendable, Equatable {
    package var id: String
    package var title: String
    package var formula: Formula
    /// What the denominator counts, said on every page that shows the rate.
    package var denominatorLabel: String?
    /// Other names targets may use for this measure.
    package var aliases: [String]

    package init(
        id: String, title: String, formula: Formula, denominatorLabel: String? = nil,
        aliases: [String] = []
    ) {
        self.id = id
        self.aliases = aliases
        self.title = title
        self.formula = formula
        self.denominatorLabel = denominatorLabel
    }

    package var isRate: Bool { if case .ratio = formula { return true } else { return false } }
}

/// sum(left) == sum(right) in every row. Checked only when every column involved is present,
/// unless `always`.
package struct Identity: Sendable, Equatable {
    package var left: [String]
    package var right: [String]
    package var always: Bool

    package init(left: [String], right: [String], always: Bool = true) {
        self.left = left
        self.right = right
        self.always = always
    }
}

/// sum(part) <= sum(whole) in every row, when every column involved is present.
package struct Bound: Sendable, Equatable {
    package var part: [String]
    package var whole: [String]

    package init(part: [String], whole: [String]) {
        self.part = part
        self.whole = whole
    }
}

/// `column` of a month should equal sum(`from`) of the previous month, same unit × field.
package struct CarryOver: Sendable, Equatable {
    package var column: String
    package var from: [String]
}
