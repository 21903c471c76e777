import CongkhaiKit

/// What `congkhai import` was asked to do.
public struct ImportRequest: Sendable {
    /// `dossiers`, `satisfaction` or `feedback`.
    public var dataset: String
    /// The exports: `.xlsx` forms, or `.csv` files (the form's layout, or the canonical columns).
    public var files: [String]
    /// The unit and period, when the title rows do not say them (or say them wrongly).
    public var unit: String?
    public var period: String?
    public var contentPath: String
    /// The CSV files' encoding; detected when nil.
    public var encoding: TextEncoding?
    /// Check and summarise, write nothing.
    public var dryRun: Bool

    public init(dataset: String, files: [String], unit: String? = nil, period: String? = nil, contentPath: String = "Content",
                encoding: TextEncoding? = nil, dryRun: Bool = false) {
        self.dataset = dataset
        self.files = files
        self.unit = unit
        self.period = period
        self.contentPath = contentPath
        self.encoding = encoding
        self.dryRun = dryRun
    }
}

/// One unit × period an import brings: its rows, and what they replace.
public struct ImportedFigures: Sendable {
    public struct Row: Sendable, Equatable {
        public var field: String?
        public var values: [String: Int]
    }

    public var source: String
    public var unit: String
    public var period: Period
    /// The columns given, in the form's order.
    public var keys: [String]
    public var rows: [Row]
}

/// What happened, for the summary.
public struct ImportResult: Sendable {
    public var diagnostics: [Diagnostic]
    public var summaries: [ImportSummary]
    /// The metric files written (or, in a dry run, that would be), as the content folder names them.
    public var files: [String]
    public var dryRun: Bool

    public var succeeded: Bool { !diagnostics.hasErrors }
}
