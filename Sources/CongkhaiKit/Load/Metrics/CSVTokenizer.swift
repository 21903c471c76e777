import CongkhaiCore
import Foundation

/// One cell of a CSV file, with the place it starts (for diagnostics that point at the cell).
package struct CSVCell: Sendable, Equatable {
    /// The cell's text: quotes removed, `""` unescaped, CRLF inside quotes turned into LF.
    package var text: String
    /// The line the cell starts on (1-based).
    package var line: Int
    /// The 1-based character column of the cell's first character (its opening quote, if quoted)
    /// in that line. Characters are Unicode scalars, as in the YAML diagnostics.
    package var column: Int
}

/// An RFC 4180 reader that remembers where every cell starts, one record at a time, without
/// making strings: a cell is a range of the file's bytes (or, for a quoted cell, of the unquoted
/// text kept in `scratch`). The metric loader reads cells as bytes; `cell(_:)` makes a `CSVCell`
/// for a header or an importer's sheet.
///
/// - separator: `,`; `;` when the first line that has a separator has more semicolons than commas
///   (outside quotes);
/// - quoted cells may hold separators, `""` for a quote, and line breaks;
/// - lines end with LF, CRLF or a lone CR; empty lines (blank trailing lines among them) are skipped;
/// - a quote that is never closed is an error at the opening quote, and that record is dropped.
package struct CSVTokenizer {
    package struct Cell {
        /// Where the cell's text is: `bytes` (plain cell) or `scratch` (quoted cell).
        var start: Int, end: Int
        var quoted: Bool
        /// The line the cell starts on, where that line starts in `bytes`, and where the cell does:
        /// enough to count its column only when a diagnostic needs it.
        package var line: Int
        var lineStart: Int, offset: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    let log: DiagnosticLog
    let separator: UInt8
    private(set) var i = 0
    private var line = 1
    private var lineStart = 0
    private var done = false
    /// Unquoted text of the quoted cells of the current record.
    private(set) var scratch: [UInt8] = []
    /// A record longer than this is reported ("line is too long") and skipped: a line of hundreds
    /// of megabytes must not become millions of cells. `max_line_kb` in site.yml.
    package var maxRecordBytes = Int.max

    private static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, semicolon: UInt8 = 0x3B
    private static let lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    package init(bytes: UnsafeBufferPointer<UInt8>, file: String, log: DiagnosticLog) {
        self.bytes = bytes
        self.file = file
        self.log = log
        separator = Self.detectSeparator(bytes)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            i = 3; lineStart = 3
        }
    }

    /// The 1-based column of a cell: Unicode scalars (bytes that are not UTF-8 continuation bytes)
    /// from the start of its line.
    package func column(_ cell: Cell) -> Int {
        var column = 1
        for k in cell.lineStart..<cell.offset where bytes[k] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    /// The cell's bytes (valid while the record is the current one).
    package func withText<R>(_ cell: Cell, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if cell.quoted {
            return scratch.withUnsafeBufferPointer {
                body(UnsafeBufferPointer(rebasing: $0[cell.start..<cell.end]))
            }
        }
        return body(UnsafeBufferPointer(rebasing: bytes[cell.start..<cell.end]))
    }

    package func text(_ cell: Cell) -> String {
        withText(cell) { String(decoding: $0, as: UTF8.self) }
    }

    package func cell(_ cell: Cell) -> CSVCell {
        CSVCell(text: text(cell), line: cell.line, column: column(cell))
    }

    /// Reads the next record's cells into `cells`; returns the line it starts on, or nil at the end
    /// (or after a quote that is never closed: an error at the opening quote, that record dropped).
    package mutating func next(into cells: inout [Cell]) -> Int? {
        let count = bytes.count
        let quote = Self.quote, lf = Self.lf, cr = Self.cr, separator = separator
        cells.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        // Skip empty lines between records.
        while !done && i < count && (bytes[i] == lf || bytes[i] == cr) { consumeLineEnd() }
        guard !done && i < count else { return nil }
        let recordLine = line, recordStart = i
        while true {
            if i - recordStart > maxRecordBytes {
                return skipLongRecord(from: recordStart, line: recordLine, cells: &cells)
            }
            let cellLine = line, cellLineStart = lineStart, cellOffset = i
            if i < count && bytes[i] == quote {
                // Quoted cell.
                i += 1
                let textStart = scratch.count
                var closed = false
                var runStart = i
                while i < count {
                    let b = bytes[i]
                    if b == quote {
                        scratch.append(
                            contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                        if i + 1 < count && bytes[i + 1] == quote {
                            scratch.append(quote)
                            i += 2
                            runStart = i
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    } else if b == lf || b == cr {
                        scratch.append(
                            contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                        scratch.append(lf)
                        consumeLineEnd()
                        runStart = i
                    } else {
                        i += 1
                    }
                }
                if !closed {
                    let place = Cell(
                        start: 0, end: 0, quoted: true, line: cellLine, lineStart: cellLineStart,
                        offset: cellOffset)
                    log.error(
                        SourceLocation(file: file, line: cellLine, column: column(place)),
                        "quoted cell is never closed",
                        hint:
                            "a cell that starts with \" must end with \"; write \"\" for a quote inside it"
                    )
                    done = true
                    return nil
                }
                // Text between the closing quote and the separator is kept as it is.
                let tailStart = i
                while i < count {
                    let b = bytes[i]
                    if b == separator || b == lf || b == cr { break }
                    i += 1
                }
                if tailStart < i {
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[tailStart..<i]))
                }
                cells.append(
                    Cell(
                        start: textStart, end: scratch.count, quoted: true,
                        line: cellLine, lineStart: cellLineStart, offset: cellOffset))
            } else {
                // Plain cell: up to the separator or the end of the line.
                let start = i
                while i < count {
                    let b = bytes[i]
                    if b == separator || b == lf || b == cr { break }
                    i += 1
                }
                cells.append(
                    Cell(
                        start: start, end: i, quoted: false, line: cellLine,
                        lineStart: cellLineStart, offset: cellOffset))
            }
            // After a cell: a separator (another cell follows), a line end or the end of the text.
            if i < count && bytes[i] == separator {
                i += 1
                continue
            }
            if i < count { consumeLineEnd() }
            return recordLine
        }
    }

    /// Reports the record starting at `start` as too long, and skips it to the end of its line.
    private mutating func skipLongRecord(
        from start: Int, line recordLine: Int, cells: inout [Cell]
    ) -> Int {
        while i < bytes.count && bytes[i] != Self.lf && bytes[i] != Self.cr { i += 1 }
        let length = i - start
        if i < bytes.count { consumeLineEnd() }
        cells.removeAll(keepingCapacity: false)
        scratch.removeAll(keepingCapacity: false)
        log.error(
            SourceLocation(file: file, line: recordLine, column: 1),
            "line is too long (\((length + 1023) / 1024) KB; the limit is \(maxRecordBytes / 1024) KB)",
            hint: "raise `max_line_kb` in site.yml if the file is meant to have such lines")
        return recordLine
    }

    /// Steps over LF, CRLF or a lone CR at `i`.
    private mutating func consumeLineEnd() {
        if bytes[i] == Self.cr, i + 1 < bytes.count, bytes[i + 1] == Self.lf {
            i += 2
        } else {
            i += 1
        }
        line += 1
        lineStart = i
    }

    /// The separator of the first line that has one (a form exported as CSV may open with a title
    /// alone on its line): `;` if it has more semicolons than commas outside quotes.
    static func detectSeparator(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var inQuotes = false, sawContent = false, commas = 0, semicolons = 0
        var i = 0
        // A UTF-8 byte-order mark, in case the text still has one.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count {
            let b = bytes[i]
            if b == quote {
                inQuotes.toggle()
                sawContent = true
            } else if !inQuotes {
                if b == lf || b == cr {
                    // The end of the first line with a separator (empty lines and titles skipped).
                    if sawContent && commas + semicolons > 0 { break }
                    i += 1
                    continue
                }
                sawContent = true
                if b == comma {
                    commas += 1
                } else if b == semicolon {
                    semicolons += 1
                }
            }
            i += 1
        }
        // More semicolons than commas: titles such as "Trực tiếp, dịch vụ bưu chính" hold commas.
        return semicolons > commas ? semicolon : comma
    }
}
