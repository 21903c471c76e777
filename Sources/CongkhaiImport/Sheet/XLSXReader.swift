import CongkhaiCore
import CongkhaiKit
import Foundation
import XMLCoder
import ZIPFoundation

/// Reads the sheets of an `.xlsx` workbook (Office Open XML) into `Sheet`s: ZIPFoundation opens the
/// package, XMLCoder decodes its parts. Shared strings, inline strings, rich text, numbers, dates
/// (by the cell's number format) and merged cells (the top-left value fills the range).
package enum XLSXReader {
    package enum Failure: Error, Sendable {
        case notAWorkbook(String)
        case missingPart(String)
        case badPart(String, String)

        package var text: DiagnosticText {
            switch self {
            case .notAWorkbook(let reason): return "not an .xlsx workbook (\(reason))"
            case .missingPart(let part): return "the workbook has no \(part)"
            case .badPart(let part, let reason):
                return "cannot read \(part) of the workbook: \(reason)"
            }
        }
    }

    /// Every sheet of the workbook in memory (tests, the fuzz target), read from a temporary file
    /// as an import reads it: ZIPFoundation 0.9.20's in-memory archive traps on some damaged
    /// packages (MemoryFile.readData) and keeps its stream open when it finds no directory.
    package static func read(_ data: Data, file: String) throws(Failure) -> [Sheet] {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "congkhai-xlsx-\(UUID().uuidString).xlsx")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw .notAWorkbook("cannot be staged")
        }
        defer { try? FileManager.default.removeItem(at: temporary) }
        return try read(at: temporary, file: file)
    }

    /// Every sheet of the workbook at `url`, in the workbook's order.
    package static func read(at url: URL, file: String) throws(Failure) -> [Sheet] {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .notAWorkbook("\(error)")
        }
        return try read(archive, file: file)
    }

    static func read(_ archive: Archive, file: String) throws(Failure) -> [Sheet] {
        func part(_ path: String) throws(Failure) -> Data? {
            guard let entry = archive[path] else { return nil }
            var bytes = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
            } catch {
                throw .badPart(path, "\(error)")
            }
            return bytes
        }
        guard let workbookData = try part("xl/workbook.xml") else {
            throw .missingPart("xl/workbook.xml")
        }
        let workbook: WorkbookXML = try decode(workbookData, part: "xl/workbook.xml")
        let relations: RelationshipsXML =
            try part("xl/_rels/workbook.xml.rels").map { data throws(Failure) in
                try decode(data, part: "xl/_rels/workbook.xml.rels")
            } ?? RelationshipsXML(relationship: [])
        let strings: [String] =
            try part("xl/sharedStrings.xml").map { data throws(Failure) -> [String] in
                let table: SharedStringsXML = try decode(data, part: "xl/sharedStrings.xml")
                return (table.si ?? []).map(\.plainText)
            } ?? []
        let dateStyles: Set<Int> =
            try part("xl/styles.xml").map { data throws(Failure) -> Set<Int> in
                let styles: StylesXML = try decode(data, part: "xl/styles.xml")
                return styles.dateStyleIndices
            } ?? []

        var sheets: [Sheet] = []
        for (index, entry) in (workbook.sheets.sheet ?? []).enumerated() {
            let target =
                relations.relationship.first { $0.id == entry.relationID }?.target
                ?? "worksheets/sheet\(index + 1).xml"
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let sheetData = try part(path) else { throw .missingPart(path) }
            let worksheet = try WorksheetStream.read(sheetData, part: path)
            sheets.append(
                sheet(
                    worksheet, name: entry.name, file: file, strings: strings,
                    dateStyles: dateStyles))
        }
        return sheets
    }

    static func decode<T: Decodable>(_ data: Data, part: String) throws(Failure) -> T {
        guard WellFormedXML.check(data) else { throw .badPart(part, "not well-formed XML") }
        let decoder = XMLDecoder()
        decoder.shouldProcessNamespaces = false
        decoder.trimValueWhitespaces = false
        do {
            return try decoder.decode(T.self, from: data)
        } catch {
            throw .badPart(part, "\(error)")
        }
    }

    static func sheet(
        _ worksheet: WorksheetXML, name: String, file: String, strings: [String],
        dateStyles: Set<Int>
    ) -> Sheet {
        var rows: [[SheetCell]] = []
        var nextRow = 0
        for row in worksheet.sheetData.row ?? [] {
            let r = (row.r ?? nextRow + 1) - 1
            nextRow = r + 1
            guard r >= 0, r < 1_048_576 else { continue }
            if rows.count <= r { rows += Array(repeating: [], count: r + 1 - rows.count) }
            var nextColumn = 0
            for c in row.c ?? [] {
                let column = c.r.flatMap { Self.reference($0)?.column } ?? nextColumn
                nextColumn = column + 1
                guard column >= 0, column < 16_384 else { continue }
                let cell = value(c, strings: strings, dateStyles: dateStyles)
                if rows[r].count <= column {
                    rows[r] += Array(repeating: SheetCell.empty, count: column + 1 - rows[r].count)
                }
                rows[r][column] = cell
            }
        }
        // Merged ranges: the top-left cell's value in every cell of the range.
        for merge in worksheet.mergeCells?.mergeCell ?? [] {
            let parts = merge.ref.split(separator: ":")
            guard parts.count == 2, let from = reference(String(parts[0])),
                let to = reference(String(parts[1])),
                from.row <= to.row, from.column <= to.column, to.row < 1_048_576,
                to.column < 16_384,
                (to.row - from.row + 1) * (to.column - from.column + 1) <= 10_000
            else { continue }
            let value =
                from.row < rows.count && from.column < rows[from.row].count
                ? rows[from.row][from.column] : .empty
            if rows.count <= to.row { rows += Array(repeating: [], count: to.row + 1 - rows.count) }
            for r in from.row...to.row {
                if rows[r].count <= to.column {
                    rows[r] += Array(
                        repeating: SheetCell.empty, count: to.column + 1 - rows[r].count)
                }
                for c in from.column...to.column { rows[r][c] = value }
            }
        }
        return Sheet(file: file, name: name, rows: rows)
    }

    static func value(_ c: CellXML, strings: [String], dateStyles: Set<Int>) -> SheetCell {
        switch c.t {
        case "s":
            guard let v = c.v, let i = Int(v.trimmingCharacters(in: .whitespaces)), i >= 0,
                i < strings.count
            else { return .empty }
            return SheetCell(text: strings[i])
        case "inlineStr":
            return SheetCell(text: c.inline?.plainText ?? "")
        case "str", "e":
            return SheetCell(text: c.v ?? "")
        case "b":
            return SheetCell(text: c.v == "1" ? "TRUE" : "FALSE")
        default:
            guard let v = c.v?.trimmingCharacters(in: .whitespaces), !v.isEmpty else {
                return .empty
            }
            guard let number = Double(v), number.isFinite else { return SheetCell(text: v) }
            let isDate = c.s.map { dateStyles.contains($0) } ?? false
            return SheetCell(
                text: number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : v,
                number: number, isDate: isDate)
        }
    }

    /// `H13` → (row 12, column 7), 0-based.
    static func reference(_ text: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "A"..."Z":
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int(scalar.value - 64); letters += 1
            case "a"..."z":
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int(scalar.value - 96); letters += 1
            case "0"..."9":
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(scalar.value - 48); digits += 1
            case "$": continue
            default: return nil
            }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        return (row - 1, column - 1)
    }
}

// MARK: - The XML parts, as XMLCoder decodes them

struct WorkbookXML: Decodable {
    struct Sheets: Decodable { var sheet: [SheetEntry]? }
    struct SheetEntry: Decodable {
        var name: String
        var relationID: String?
        enum CodingKeys: String, CodingKey { case name, relationID = "r:id" }
    }
    var sheets: Sheets
}

struct RelationshipsXML: Decodable {
    struct Relationship: Decodable {
        var id: String
        var target: String
        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case target = "Target"
        }
    }
    var relationship: [Relationship]
    enum CodingKeys: String, CodingKey { case relationship = "Relationship" }
    init(relationship: [Relationship]) { self.relationship = relationship }
    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        relationship =
            try container.decodeIfPresent([Relationship].self, forKey: .relationship) ?? []
    }
}

/// `<t>` (with `xml:space` or not): its text.
struct TextXML: Decodable {
    var value: String
    init(_ value: String) { self.value = value }
    enum CodingKeys: String, CodingKey { case value = "" }
    init(from decoder: Decoder) throws {
        if let container = try? decoder.container(keyedBy: CodingKeys.self),
            let text = try? container.decodeIfPresent(String.self, forKey: .value)
        {
            value = text
        } else if let single = try? decoder.singleValueContainer(),
            let text = try? single.decode(String.self)
        {
            value = text
        } else {
            value = ""
        }
    }
}

/// A shared or inline string: plain `<t>`, or rich-text runs `<r><t>…</t></r>`.
struct StringItemXML: Decodable {
    struct Run: Decodable { var t: TextXML? }
    var t: TextXML?
    var r: [Run]?
    var plainText: String { t?.value ?? (r ?? []).map { $0.t?.value ?? "" }.joined() }
}

struct SharedStringsXML: Decodable {
    var si: [StringItemXML]?
}

struct CellXML: Decodable {
    var r: String?
    var t: String?
    var s: Int?
    var v: String?
    var inline: StringItemXML?
    enum CodingKeys: String, CodingKey { case r, t, s, v, inline = "is" }
}

struct RowXML: Decodable {
    var r: Int?
    var c: [CellXML]?
}

struct WorksheetXML: Decodable {
    struct SheetData: Decodable { var row: [RowXML]? }
    struct MergeCells: Decodable {
        struct MergeCell: Decodable { var ref: String }
        var mergeCell: [MergeCell]?
    }
    var sheetData: SheetData
    var mergeCells: MergeCells?
}

struct StylesXML: Decodable {
    struct NumFmts: Decodable {
        struct NumFmt: Decodable { var numFmtId: Int; var formatCode: String }
        var numFmt: [NumFmt]?
    }
    struct CellXfs: Decodable {
        struct Xf: Decodable { var numFmtId: Int? }
        var xf: [Xf]?
    }
    var numFmts: NumFmts?
    var cellXfs: CellXfs?

    /// Built-in date formats (14–22, 45–47) and custom ones whose code shows days, months or years.
    var dateStyleIndices: Set<Int> {
        var dateFormats: Set<Int> = Set(14...22).union(45...47)
        for format in numFmts?.numFmt ?? [] {
            // Strip quoted text and [colour] parts; a date code has d, m or y outside them.
            var code = "", inQuotes = false, inBrackets = false
            for ch in format.formatCode.lowercased() {
                if ch == "\"" { inQuotes.toggle(); continue }
                if ch == "[" { inBrackets = true; continue }
                if ch == "]" { inBrackets = false; continue }
                if !inQuotes && !inBrackets { code.append(ch) }
            }
            if code.contains("d") || code.contains("y")
                || (code.contains("m") && !code.contains("h") && !code.contains("0"))
            {
                dateFormats.insert(format.numFmtId)
            }
        }
        var result: Set<Int> = []
        for (i, xf) in (cellXfs?.xf ?? []).enumerated() where dateFormats.contains(xf.numFmtId ?? 0)
        { result.insert(i) }
        return result
    }
}
