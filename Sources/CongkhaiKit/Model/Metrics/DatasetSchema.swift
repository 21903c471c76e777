/// What one dataset's CSV files hold and what may be computed from them. The four built-in
/// datasets and every dataset a site declares in `datasets.yml` are described the same way, so
/// one loader, one validator and one calculator serve them all.
public struct DatasetSchema: Sendable, Equatable {
    public enum Granularity: String, Sendable, Equatable {
        /// Months, or whole quarters (never both within one quarter for the same unit × field).
        case monthOrQuarter = "month"
        case quarter
        case year
    }

    /// Who must file a dataset, for the compliance page. nil means every unit that has filed it once.
    public enum ReportedBy: Sendable, Equatable {
        case units([String])
        case kinds([Unit.Kind])
    }

    public var id: String
    public var title: String
    /// Rows carry a `field` (lĩnh vực) column.
    public var byField: Bool
    public var granularity: Granularity
    /// The count columns, in the national form's order (that order resolves repeated titles).
    public var columns: [ColumnSpec] { didSet { positions = DatasetSchema.positions(columns) } }
    public var measures: [Measure]
    /// Sums that must be equal in every row (the form's identities).
    public var identities: [Identity]
    /// Sums that may not exceed others in any row (a part never exceeds its whole).
    public var bounds: [Bound]
    /// A month's carried-over count should equal the previous month's pending (a warning).
    public var carryOver: CarryOver?
    public var reportedBy: ReportedBy?
    public var builtIn: Bool
    /// Where it was declared (`datasets.yml:12:3`), for declared datasets.
    public var location: SourceLocation?

    public init(id: String, title: String, byField: Bool, granularity: Granularity, columns: [ColumnSpec],
                measures: [Measure], identities: [Identity] = [], bounds: [Bound] = [], carryOver: CarryOver? = nil,
                reportedBy: ReportedBy? = nil, builtIn: Bool, location: SourceLocation? = nil) {
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
    private var positions: [String: Int] = [:]

    private static func positions(_ columns: [ColumnSpec]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (i, column) in columns.enumerated() where positions[column.key] == nil { positions[column.key] = i }
        return positions
    }

    public func columnIndex(_ key: String) -> Int? { positions[key] }
    public func measure(_ id: String) -> Measure? { measures.first { $0.id == id || $0.aliases.contains(id) } }
}

/// One count column: its English key, the titles it may have in a Vietnamese export, and how
/// it adds up over time.
public struct ColumnSpec: Sendable, Equatable {
    public enum Aggregation: String, Sendable, Equatable {
        /// A flow (dossiers received in a month): a quarter is the sum of its months.
        case sum
        /// A stock (procedures offered online): a quarter is its latest month's value.
        case latest
    }

    public var key: String
    public var title: String
    /// Other header texts accepted for this column (national form titles, older exports).
    public var aliases: [String]
    public var required: Bool
    public var aggregation: Aggregation

    public init(_ key: String, title: String, aliases: [String] = [], required: Bool = true, aggregation: Aggregation = .sum) {
        self.key = key
        self.title = title
        self.aliases = aliases
        self.required = required
        self.aggregation = aggregation
    }
}

/// How an indicator is computed from summed columns.
public enum Formula: Sendable, Equatable {
    /// sum(numerator) / sum(denominator), over every row selected: never an average of rates.
    case ratio(numerator: [String], denominator: [String])
    /// A count: the sum of columns.
    case sum([String])

    public var columns: [String] {
        switch self {
        case .ratio(let n, let d): return n + d
        case .sum(let c): return c
        }
    }
}

public struct Measure: Sendable, Equatable {
    public var id: String
    public var title: String
    public var formula: Formula
    /// What the denominator counts, said on every page that shows the rate.
    public var denominatorLabel: String?
    /// Other names targets may use for this measure.
    public var aliases: [String]

    public init(id: String, title: String, formula: Formula, denominatorLabel: String? = nil, aliases: [String] = []) {
        self.id = id
        self.aliases = aliases
        self.title = title
        self.formula = formula
        self.denominatorLabel = denominatorLabel
    }

    public var isRate: Bool { if case .ratio = formula { return true } else { return false } }
}

/// sum(left) == sum(right) in every row. Checked only when every column involved is present,
/// unless `always`.
public struct Identity: Sendable, Equatable {
    public var left: [String]
    public var right: [String]
    public var always: Bool

    public init(left: [String], right: [String], always: Bool = true) {
        self.left = left
        self.right = right
        self.always = always
    }
}

/// sum(part) <= sum(whole) in every row, when every column involved is present.
public struct Bound: Sendable, Equatable {
    public var part: [String]
    public var whole: [String]

    public init(part: [String], whole: [String]) {
        self.part = part
        self.whole = whole
    }
}

/// `column` of a month should equal sum(`from`) of the previous month, same unit × field.
public struct CarryOver: Sendable, Equatable {
    public var column: String
    public var from: [String]
}
