/// One row of a metric file: a unit's counts for a period (and a field).
public struct MetricRow: Sendable, Equatable {
    public var unit: String
    public var field: String?
    public var period: Period
    /// One value per `DatasetSchema.columns`, in that order; nil where the file lacks an optional column.
    public var values: [Int?]
    /// The row's place in its file (line of the row, column 1).
    public var location: SourceLocation

    public init(unit: String, field: String?, period: Period, values: [Int?], location: SourceLocation) {
        self.unit = unit
        self.field = field
        self.period = period
        self.values = values
        self.location = location
    }
}

/// Every row of one dataset, from all its files.
public struct MetricTable: Sendable, Equatable {
    public var schema: DatasetSchema
    public var rows: [MetricRow]
    /// The files read, as diagnostics name them, sorted.
    public var files: [String]

    public init(schema: DatasetSchema, rows: [MetricRow], files: [String]) {
        self.schema = schema
        self.rows = rows
        self.files = files
    }
}
