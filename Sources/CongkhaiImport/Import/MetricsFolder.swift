import CongkhaiCore
import CongkhaiKit
import Foundation

/// A dataset's folder of canonical CSV files (`metrics/<dataset>/`): where a unit × period's rows
/// are, and the files as they become once an import replaces them. Only the lines of that unit ×
/// period change; every other byte of every file stays as it was.
struct MetricsFolder {
    struct ExistingRow {
        var file: String  // relative to the content folder
        var line: Int
        var field: String?
        var values: [String: Int]
    }

    struct FileText {
        var relative: String
        var lines: [Substring]  // each with its line ending
        var newline: String
        var headerKeys: [String?]
    }

    let content: ContentDirectory
    let schema: DatasetSchema
    var files: [String: FileText] = [:]
    /// Each file's text as it was read (nil for a file the import creates).
    var original: [String: String] = [:]
    /// (unit, period key) → rows, in file order.
    var existing: [String: [ExistingRow]] = [:]

    static func key(_ unit: String, _ period: Period) -> String { unit + "\u{1}" + period.key }

    init(
        content: ContentDirectory, schema: DatasetSchema, units: [CongkhaiKit.Unit], fields: [Field]
    ) {
        self.content = content
        self.schema = schema
        let folder = "\(MetricsLoader.folder)/\(schema.id)"
        for relative in content.files(under: folder, extensions: ["csv"]) {
            guard let data = FileManager.default.contents(atPath: content.path(relative)),
                var text = String(data: data, encoding: .utf8)
            else { continue }
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let log = DiagnosticLog()
            let rows = MetricsLoader.parse(
                text, file: relative, schema: schema, units: units, fields: fields, log: log)
            for row in rows {
                existing[Self.key(row.unit, row.period), default: []].append(
                    ExistingRow(
                        file: relative, line: row.location.line, field: row.field,
                        values: Self.values(of: row, schema: schema)))
            }
            let whole = String(decoding: data, as: UTF8.self)
            original[relative] = whole
            files[relative] = Self.split(whole, relative: relative, schema: schema)
        }
    }

    /// A parsed row's counts by column key (the columns it leaves empty left out).
    static func values(of row: MetricRow, schema: DatasetSchema) -> [String: Int] {
        var values: [String: Int] = [:]
        for (i, column) in schema.columns.enumerated() {
            if let v = row.values[i] { values[column.key] = v }
        }
        return values
    }

    static func split(_ text: String, relative: String, schema: DatasetSchema) -> FileText {
        // Lines with their endings, found on the UTF-8 bytes (a Character walk costs seconds on a national site).
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let next = utf8.index(after: i)
            if utf8[i] == 0x0A {
                lines.append(Substring(text[start..<next]))
                start = next
            }
            i = next
        }
        if start != utf8.endIndex { lines.append(Substring(text[start...])) }
        let newline = lines.first.map { $0.hasSuffix("\r\n") ? "\r\n" : "\n" } ?? "\n"
        var header: [String?] = []
        if let first = lines.first {
            // The tokenizer skips a byte-order mark, as the loader does.
            header = MetricsLoader.headerKeys(ofFile: String(first), schema: schema)
        }
        return FileText(relative: relative, lines: lines, newline: newline, headerKeys: header)
    }

    /// The canonical header for a new file: the key columns, then the columns given, in the form's
    /// order (totals left out: they were checked against their parts).
    static func canonicalKeys(schema: DatasetSchema, given: [String]) -> [String] {
        let columns = schema.columns.filter {
            !FormLayout.totalKeys.contains($0.key) && (given.contains($0.key) || $0.required)
        }.map(\.key)
        return ["unit", "period"] + (schema.byField ? ["field"] : [])
            + canonicalOrder(schema, columns)
    }

    /// The order of the files Content holds: carried over first, as the plain CSV has always had it.
    static func canonicalOrder(_ schema: DatasetSchema, _ keys: [String]) -> [String] {
        guard schema.id == "dossiers" else { return keys }
        let order = [
            "carried_over", "received_online", "received_offline", "resolved_early",
            "resolved_on_time", "resolved_late",
            "pending_in_time", "pending_overdue", "withdrawn", "received_online_full",
            "received_online_partial",
            "resolved_late_apologised",
        ]
        return order.filter(keys.contains)
    }

    /// A file the import creates: the canonical header alone.
    func newFile(_ relative: String, given: [String]) -> FileText {
        let keys = Self.canonicalKeys(schema: schema, given: given)
        return FileText(
            relative: relative, lines: [Substring(keys.joined(separator: ",") + "\n")],
            newline: "\n", headerKeys: keys)
    }

    /// One row as a CSV line with `keys` as its columns.
    static func line(
        _ row: ImportedFigures.Row, unit: String, period: Period, keys: [String?], newline: String
    ) -> String {
        keys.map { key -> String in
            switch key {
            case "unit"?: return unit
            case "period"?: return period.key
            case "field"?: return row.field ?? ""
            case let key?: return row.values[key].map(String.init) ?? ""
            case nil: return ""
            }
        }.joined(separator: ",") + newline
    }

    /// Places `figures`: replaces its unit × period's lines where they are, or appends them to the
    /// period's file (made with the canonical header if it does not exist). Returns the files it
    /// changed and their new text, and the destination's name.
    mutating func place(_ figures: ImportedFigures) -> (changed: [String], destination: String) {
        let old = existing[Self.key(figures.unit, figures.period)] ?? []
        var changed: Set<String> = []
        // Where the block goes: the file and line of the first old row whose file has every column given.
        let needed = figures.keys.filter { key in
            figures.rows.contains { ($0.values[key] ?? 0) != 0 }
                && !FormLayout.totalKeys.contains(key)
        }
        func fits(_ file: FileText) -> Bool { needed.allSatisfy { file.headerKeys.contains($0) } }
        var destination: String
        var insertAt: Int?
        if let first = old.first(where: { files[$0.file].map(fits) ?? false }) {
            destination = first.file
            insertAt = first.line - 1
        } else {
            let periodFile = "\(MetricsLoader.folder)/\(schema.id)/\(figures.period.key).csv"
            if let file = files[periodFile], fits(file) {
                destination = periodFile
            } else if files[periodFile] == nil {
                destination = periodFile
                files[periodFile] = newFile(periodFile, given: figures.keys)
            } else {
                destination =
                    "\(MetricsLoader.folder)/\(schema.id)/\(figures.period.key)-\(figures.unit).csv"
                if files[destination] == nil {
                    files[destination] = newFile(destination, given: figures.keys)
                }
            }
        }
        // Remove the old lines (bottom up, so line numbers hold), remembering where the block goes.
        var removals: [String: [Int]] = [:]
        for row in old { removals[row.file, default: []].append(row.line - 1) }
        for (file, indices) in removals {
            guard var text = files[file] else { continue }
            for index in Set(indices).sorted(by: >) where index < text.lines.count {
                text.lines.remove(at: index)
                if file == destination, let at = insertAt, index < at { insertAt = at - 1 }
            }
            files[file] = text
            changed.insert(file)
        }
        var text = files[destination]!
        if let last = text.lines.last, !last.hasSuffix("\n") {
            text.lines[text.lines.count - 1] = Substring(String(last) + text.newline)
        }
        let block = figures.rows.map {
            Substring(
                Self.line(
                    $0, unit: figures.unit, period: figures.period, keys: text.headerKeys,
                    newline: text.newline))
        }
        let at = min(insertAt ?? text.lines.count, text.lines.count)
        text.lines.insert(contentsOf: block, at: at)
        files[destination] = text
        changed.insert(destination)
        existing[Self.key(figures.unit, figures.period)] = nil
        return (changed.sorted(), destination)
    }

    func text(_ relative: String) -> String { files[relative]!.lines.joined() }

    /// Writes one file atomically: a temporary file beside it, renamed over it.
    func write(_ relative: String) throws {
        let url = content.url(relative)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileIO.writeAtomically(
            Data(text(relative).utf8), to: url.path,
            temporary: FileIO.hiddenTemporary(for: url.path, tag: "import"))
    }
}
