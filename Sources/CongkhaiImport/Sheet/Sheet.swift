import CongkhaiCore
import CongkhaiKit

/// One cell of an export, as a spreadsheet shows it: its text, and its number when it holds one.
package struct SheetCell: Sendable, Equatable {
    package var text: String
    /// A number cell's value (xlsx), nil for text.
    package var number: Double?
    /// A number the cell's format shows as a date (an Excel serial day).
    package var isDate: Bool

    package init(text: String, number: Double? = nil, isDate: Bool = false) {
        self.text = text
        self.number = number
        self.isDate = isDate
    }

    package static let empty = SheetCell(text: "")

    package var isBlank: Bool {
        number == nil
            && text.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{A0}" || $0.isNewline }
    }

    /// The day an Excel serial stands for (1900 system: day 1 is 1900-01-01, with the 1900 leap-day bug).
    package var date: CalendarDay? {
        guard isDate, let number, number >= 1, number < 2_958_466 else { return nil }
        return CalendarDay(excelSerial: Int(number.rounded(.down)))
    }
}

/// A spreadsheet or a delimited file as a grid of cells, with merged ranges filled in.
package struct Sheet: Sendable {
    /// The file as diagnostics name it.
    package var file: String
    /// The sheet's name (xlsx); nil for a CSV file.
    package var name: String?
    /// Rows from the top, cells from the left (0-based).
    package var rows: [[SheetCell]]
    /// For a CSV file: where each cell starts (line, column), to point at it.
    package var csvPlaces: [[(line: Int, column: Int)]]?

    package init(
        file: String, name: String?, rows: [[SheetCell]],
        csvPlaces: [[(line: Int, column: Int)]]? = nil
    ) {
        self.file = file
        self.name = name
        self.rows = rows
        self.csvPlaces = csvPlaces
    }

    package func cell(_ row: Int, _ column: Int) -> SheetCell {
        guard row >= 0, row < rows.count, column >= 0, column < rows[row].count else {
            return .empty
        }
        return rows[row][column]
    }

    package var width: Int { rows.map(\.count).max() ?? 0 }

    /// `FILE.xlsx:Sheet1!H13`, or `file.csv:13:8`.
    package func location(_ row: Int, _ column: Int) -> SourceLocation {
        if let name {
            return .cell(file: file, sheet: name, column: column + 1, row: row + 1)
        }
        if let places = csvPlaces, row < places.count {
            let line = places[row].first?.line ?? row + 1
            if column < places[row].count {
                return SourceLocation(
                    file: file, line: places[row][column].line, column: places[row][column].column)
            }
            return SourceLocation(file: file, line: line, column: 1)
        }
        return SourceLocation(file: file, line: row + 1, column: 1)
    }
}
