import CongkhaiCore
import CongkhaiKit

/// What `congkhai import` was asked to do.
package struct ImportRequest: Sendable {
    /// `dossiers`, `satisfaction` or `feedback`.
    package var dataset: String
    /// The exports: `.xlsx` forms, or `.csv` files (the form's layout, or the canonical columns).
    package var files: [String]
    /// The unit and period, when the title rows do not say them (or say them wrongly).
    package var unit: String?
    package var period: String?
    package var contentPath: String
    /// The CSV files' encoding; detected when nil.
    package var encoding: TextEncoding?
    /// Check and summarise, write nothing.
    package var dryRun: Bool

    package init(
        dataset: String, files: [String], unit: String? = nil, period: String? = nil,
        contentPath: String = "Content",
        encoding: TextEncoding? = nil, dryRun: Bool = false
    ) {
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
package struct ImportedFigures: Sendable {
    package struct Row: Sendable, Equatable {
        package var field: String?
        package var values: [String: Int]
    }

    package var source: String
    package var unit: String
    package var period: Period
    /// The columns given, in the form's order.
    package var keys: [String]
    package var rows: [Row]
}

/// What happened, for the summary.
package struct ImportResult: Sendable {
    package var diagnostics: [Diagnostic]
    package var summaries: [ImportSummary]
    /// The metric files written (or, in a dry run, that would be), as the content folder names them.
    package var files: [String]
    package var dryRun: Bool

    package var succeeded: Bool { !diagnostics.hasErrors }
}
