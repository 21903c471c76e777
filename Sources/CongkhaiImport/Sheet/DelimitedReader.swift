import CongkhaiCore
import CongkhaiKit
import Foundation

/// A CSV export (`,` or `;`, any line ending, any encoding `TextDecoding` knows) as a `Sheet`,
/// each cell remembering its line and column.
package enum DelimitedReader {
    package static func sheet(_ text: String, file: String, log: DiagnosticLog) -> Sheet {
        if isTabSeparated(text) { return tabSeparated(text, file: file) }
        var rows: [[SheetCell]] = []
        var places: [[(line: Int, column: Int)]] = []
        var text = text
        text.withUTF8 { bytes in
            // The grammar the build reads metric files with (separator, quotes, line ends).
            var tokenizer = CSVTokenizer(bytes: bytes, file: file, log: log)
            var cells: [CSVTokenizer.Cell] = []
            var lastLine = 0
            while let line = tokenizer.next(into: &cells) {
                // Blank lines are not records; keep rows aligned with lines for the layout's sake.
                while lastLine + 1 < line {
                    rows.append([])
                    places.append([])
                    lastLine += 1
                }
                let record = cells.map { tokenizer.cell($0) }
                rows.append(record.map { SheetCell(text: $0.text) })
                places.append(record.map { ($0.line, $0.column) })
                lastLine = record.last?.line ?? line
            }
        }
        return Sheet(file: file, name: nil, rows: rows, csvPlaces: places)
    }

    /// Excel's "Unicode Text" separates cells with tabs.
    static func isTabSeparated(_ text: String) -> Bool {
        guard let line = text.split(whereSeparator: \.isNewline).first(where: { !$0.isEmpty })
        else { return false }
        let tabs = line.filter { $0 == "\t" }.count
        return tabs >= 2 && tabs > line.filter({ $0 == "," || $0 == ";" }).count
    }

    /// Tab-separated text: a cell in quotes may hold tabs and line breaks (`""` for a quote).
    static func tabSeparated(_ text: String, file: String) -> Sheet {
        var rows: [[SheetCell]] = [], places: [[(line: Int, column: Int)]] = []
        var row: [SheetCell] = [], rowPlaces: [(line: Int, column: Int)] = []
        var cell = "", quoted = false, atStart = true
        var line = 1, column = 1, cellLine = 1, cellColumn = 1
        var scalars = Array(text.unicodeScalars)[...]
        func endCell() {
            row.append(SheetCell(text: cell)); rowPlaces.append((cellLine, cellColumn))
            cell = ""; atStart = true
        }
        while let c = scalars.popFirst() {
            if atStart {
                cellLine = line; cellColumn = column; atStart = false;
                if c == "\"" { quoted = true; column += 1; continue }
            }
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" {
                        scalars.removeFirst(); cell += "\""; column += 2; continue
                    }
                    quoted = false; column += 1; continue
                }
                if c == "\n" { line += 1; column = 1 } else { column += 1 }
                cell.unicodeScalars.append(c)
                continue
            }
            switch c {
            case "\t": endCell(); column += 1
            case "\r": continue
            case "\n":
                endCell()
                rows.append(row); places.append(rowPlaces)
                row = []; rowPlaces = []
                line += 1; column = 1
            default: cell.unicodeScalars.append(c); column += 1
            }
        }
        if !atStart || !row.isEmpty { endCell(); rows.append(row); places.append(rowPlaces) }
        return Sheet(file: file, name: nil, rows: rows, csvPlaces: places)
    }
}
