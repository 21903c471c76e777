import Foundation

/// Reads `metrics/<dataset>/**/*.csv` into one `MetricTable` per dataset.
///
/// The first folder under `metrics/` names the dataset. Headers may be the English keys or the
/// Vietnamese titles of the national form (compared as slugs: case, diacritics, spacing and `_`
/// do not matter); a title that several columns share goes to the first of them, in the form's
/// order, that the file has not given yet. Every problem is reported at its cell.
public enum MetricsLoader {
    public static let folder = "metrics"

    /// Header texts of the key columns.
    static let unitHeaders = ["unit", "Đơn vị", "Mã đơn vị"]
    static let periodHeaders = ["period", "Kỳ báo cáo", "Kỳ"]
    static let fieldHeaders = ["field", "Lĩnh vực", "Mã lĩnh vực"]
    /// Row numbers, ignored without a word.
    static let rowNumberHeaders = ["STT", "row_no", "Số thứ tự"]

    public static func load(_ content: ContentDirectory, schemas: [DatasetSchema], units: [Unit], fields: [Field],
                            textColumns: [String: [TextColumnSpec]] = [:], log: DiagnosticLog) -> [MetricTable] {
        let files = content.files(under: folder, extensions: ["csv"])
        guard !files.isEmpty else { return [] }
        let references = References(units: units, fields: fields)

        // Which schema each file belongs to; a folder without one is reported once, at its first file.
        var schemaIndex: [String: Int] = [:]
        for (i, schema) in schemas.enumerated() where schemaIndex[schema.id] == nil { schemaIndex[schema.id] = i }
        var jobs: [(file: String, schema: Int)] = []
        var reportedFolders: Set<String> = []
        for file in files {
            let parts = file.split(separator: "/", omittingEmptySubsequences: true)
            guard parts.count >= 3 else {
                log.error(SourceLocation(file: content.display(file)), "metric file outside a dataset folder",
                          hint: "move it into \(folder)/<dataset>/, e.g. \(folder)/dossiers/")
                continue
            }
            let dataset = String(parts[1])
            guard let index = schemaIndex[dataset] else {
                if reportedFolders.insert(dataset).inserted {
                    let ids = schemas.map(\.id)
                    log.error(SourceLocation(file: content.display(file)),
                              "unknown dataset \"\(dataset)\" (folder \(folder)/\(dataset))",
                              hint: Spelling.closest(to: dataset, among: ids, maxDistance: 3).map { "did you mean \"\($0)\"?" }
                                ?? "the datasets are \(ids.joined(separator: ", ")); declare others in datasets.yml")
                }
                continue
            }
            jobs.append((file, index))
        }

        let jobList = jobs
        let headerTables = schemas.map { HeaderTable($0, textColumns: textColumns[$0.id] ?? []) }
        var results = [[MetricRow]?](repeating: nil, count: jobs.count)
        results.withUnsafeMutableBufferPointer { slots in
            let slots = UnsafeSendable(slots)
            DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
                let job = jobList[i]
                let display = content.display(job.file)
                guard let document = CSVReader.read(at: content.url(job.file), displayPath: display, log: log) else { return }
                slots.value[i] = rows(of: document, schema: schemas[job.schema], headers: headerTables[job.schema],
                                      references: references, log: log)
            }
        }

        var tables: [MetricTable] = []
        for (index, schema) in schemas.enumerated() {
            var rows: [MetricRow] = []
            var names: [String] = []
            for (i, job) in jobs.enumerated() where job.schema == index {
                names.append(content.display(job.file))
                rows.append(contentsOf: results[i] ?? [])
            }
            guard !names.isEmpty else { continue }
            tables.append(MetricTable(schema: schema, rows: sortedRows(rows), files: names.sorted()))
        }
        return tables
    }

    /// The rows of one file's text (also for importing exports); diagnostics name `file`.
    public static func parse(_ text: String, file: String, schema: DatasetSchema, units: [Unit], fields: [Field],
                             textColumns: [TextColumnSpec] = [], log: DiagnosticLog) -> [MetricRow] {
        let document = CSVReader.parse(text, file: file, log: log)
        return sortedRows(rows(of: document, schema: schema, headers: HeaderTable(schema, textColumns: textColumns),
                               references: References(units: units, fields: fields), log: log))
    }

    /// By unit, field, period, then place in the files: the same order whatever order files were read in.
    /// Strings are ranked once and rows sorted by number: comparing strings and moving whole rows
    /// on every step was the slowest part of loading a large site.
    static func sortedRows(_ rows: [MetricRow]) -> [MetricRow] {
        let unit = ranks(rows.map(\.unit)), field = ranks(rows.map { $0.field ?? "" }), file = ranks(rows.map(\.location.file))
        let keys = rows.map { (unit[$0.unit]!, field[$0.field ?? ""]!, $0.period, file[$0.location.file]!, $0.location.line, $0.location.column) }
        return rows.indices.sorted { keys[$0] < keys[$1] }.map { rows[$0] }
    }

    /// Each distinct string's place in sorted order.
    static func ranks(_ values: [String]) -> [String: Int] {
        var ranks: [String: Int] = [:]
        for (i, value) in Set(values).sorted().enumerated() { ranks[value] = i }
        return ranks
    }

    // MARK: - One file

    static func rows(of document: CSVDocument, schema: DatasetSchema, headers table: HeaderTable,
                     references: References, log: DiagnosticLog) -> [MetricRow] {
        let file = document.file
        func at(_ cell: CSVCell) -> SourceLocation { SourceLocation(file: file, line: cell.line, column: cell.column) }

        guard let header = document.header, !header.isBlank else {
            log.warning(SourceLocation(file: file), "empty file: no header row", hint: "the first line names the columns, e.g. \(table.example)")
            return []
        }

        // Map header cells to key columns and count columns.
        var targets = [HeaderTable.Target?](repeating: nil, count: header.cells.count)
        var givenBy: [HeaderTable.Target: CSVCell] = [:]
        for (i, cell) in header.cells.enumerated() {
            let slug = Slug.make(cell.text)
            if slug.isEmpty {
                // A column without a header (spreadsheets add them): ignored, unless it has values.
                if document.rows.contains(where: { i < $0.cells.count && !$0.cells[i].text.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    log.warning(at(cell), "column \(i + 1) has no header; its values are ignored")
                }
                continue
            }
            if table.ignored.contains(slug) { continue }
            let candidates = table.candidates(for: slug)
            guard let last = candidates.last else {
                log.warning(at(cell), "unknown column \"\(cell.text)\" is ignored", hint: table.suggestion(for: slug))
                continue
            }
            guard let target = candidates.first(where: { givenBy[$0] == nil }) else {
                log.error(at(cell), "duplicate column \"\(cell.text)\": \(table.key(last)) is already given by \"\(givenBy[last]!.text)\"")
                continue
            }
            targets[i] = target
            givenBy[target] = cell
        }
        var missing = false
        for target in table.targets where givenBy[target] == nil && table.isRequired(target) {
            log.error(SourceLocation(file: file, line: header.line, column: 1),
                      "missing column \(table.key(target)) (\"\(table.title(target))\")")
            missing = true
        }
        if missing { return [] }

        var rows: [MetricRow] = []
        rows.reserveCapacity(document.records.count)
        for record in document.rows {
            if record.isBlank { continue }
            guard record.cells.count == header.cells.count else {
                log.error(SourceLocation(file: file, line: record.line, column: 1),
                          "row has \(record.cells.count) cell\(record.cells.count == 1 ? "" : "s"), the header has \(header.cells.count)")
                continue
            }
            var unit: String?, period: Period?, field: String?
            var values = [Int?](repeating: nil, count: schema.columns.count)
            var ok = true
            for (i, cell) in record.cells.enumerated() {
                guard let target = targets[i] else { continue }
                switch target {
                case .unit:
                    let text = trimmed(cell.text)
                    if text.isEmpty {
                        log.error(at(cell), "unit is empty"); ok = false
                    } else if let id = references.unit(text) {
                        unit = id
                    } else {
                        log.error(at(cell), "unknown unit \"\(text)\"", hint: references.unitHint(text)); ok = false
                    }
                case .period:
                    let text = trimmed(cell.text)
                    if text.isEmpty {
                        log.error(at(cell), "period is empty"); ok = false
                    } else if let value = Period(key: text), accepts(schema.granularity, value) {
                        period = value
                    } else {
                        log.error(at(cell), "period \"\(text)\" must be \(describe(schema.granularity))",
                                  hint: "e.g. \(example(schema.granularity))")
                        ok = false
                    }
                case .field:
                    let text = trimmed(cell.text)
                    if text.isEmpty {
                        log.error(at(cell), "field is empty"); ok = false
                    } else if let id = references.field(text) {
                        field = id
                    } else {
                        log.error(at(cell), "unknown field \"\(text)\"", hint: references.fieldHint(text)); ok = false
                    }
                case .column(let c):
                    let column = schema.columns[c]
                    switch parseCount(cell.text) {
                    case .value(let n): values[c] = n
                    case .empty:
                        if column.required {
                            log.error(at(cell), "\(column.key) is empty", hint: "write 0 if there were none"); ok = false
                        }
                    case .negative(let text):
                        log.error(at(cell), "\(column.key) is negative (\(text))"); ok = false
                    case .tooLarge(let text):
                        log.error(at(cell), "\(column.key) is too large (\"\(text)\")"); ok = false
                    case .notWhole(let text):
                        log.error(at(cell), "\(column.key) is not a whole number (\"\(text)\")", hint: countHint(text)); ok = false
                    }
                }
            }
            guard ok, let unit, let period, !schema.byField || field != nil else { continue }
            rows.append(MetricRow(unit: unit, field: field, period: period, values: values,
                                  location: SourceLocation(file: file, line: record.line, column: 1)))
        }
        return rows
    }

    // MARK: - Cells

    enum Count: Equatable {
        case value(Int), empty, negative(String), notWhole(String), tooLarge(String)
    }

    /// The largest count accepted: far above any real figure, and small enough that sums over
    /// millions of rows cannot overflow.
    public static let maximumCount = 999_999_999_999

    /// A count: plain digits, spaces around allowed. Nothing else (no signs, separators or decimals).
    static func parseCount(_ text: String) -> Count {
        var utf8 = text.utf8[...]
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while let b = utf8.first, isSpace(b) { utf8 = utf8.dropFirst() }
        while let b = utf8.last, isSpace(b) { utf8 = utf8.dropLast() }
        if utf8.isEmpty {
            // Other white space (a no-break space from a spreadsheet) counts as empty too.
            return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? .empty : .notWhole(text)
        }
        var value = 0
        var digits = true
        for b in utf8 {
            guard b >= 0x30 && b <= 0x39 else { digits = false; break }
            value = value &* 10 &+ Int(b &- 0x30)
            if value > maximumCount { break }
        }
        if digits {
            if value > maximumCount || utf8.count > 18 { return .tooLarge(String(Substring(utf8))) }
            return .value(value)
        }
        let shown = String(Substring(utf8)).replacingOccurrences(of: "\n", with: "\\n")
        if utf8.first == 0x2D, utf8.count > 1, utf8.dropFirst().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return .negative(shown)
        }
        return .notWhole(shown)
    }

    /// `1.234` / `1,234`: a thousands separator.
    static func countHint(_ text: String) -> String? {
        let groups = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," || $0 == " " })
        guard groups.count > 1, let first = groups.first, (1...3).contains(first.count),
              groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return "write counts as plain digits, without a thousands separator: \(groups.joined())"
    }

    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if first > 0x20 && last > 0x20 && first < 0x80 && last < 0x80 { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func accepts(_ granularity: DatasetSchema.Granularity, _ period: Period) -> Bool {
        switch (granularity, period) {
        case (.monthOrQuarter, .month), (.monthOrQuarter, .quarter), (.quarter, .quarter), (.year, .year): return true
        default: return false
        }
    }

    static func describe(_ granularity: DatasetSchema.Granularity) -> String {
        switch granularity {
        case .monthOrQuarter: return "a month (YYYY-MM) or a quarter (YYYY-Qn)"
        case .quarter: return "a quarter (YYYY-Qn)"
        case .year: return "a year (YYYY)"
        }
    }

    static func example(_ granularity: DatasetSchema.Granularity) -> String {
        switch granularity {
        case .monthOrQuarter: return "2021-03 or 2021-Q1"
        case .quarter: return "2021-Q1"
        case .year: return "2021"
        }
    }
}

// MARK: - Units and fields

extension MetricsLoader {
    /// Unit and field ids as cells may write them: the id, or (as a slug) the id, name or short name.
    struct References: Sendable {
        var units: [String: String] = [:]
        var unitIDs: [String]
        var fields: [String: String] = [:]
        var fieldIDs: [String]

        init(units: [Unit], fields: [Field]) {
            unitIDs = units.map(\.id)
            fieldIDs = fields.map(\.id)
            for unit in units { self.units[unit.id] = unit.id }
            for unit in units {
                for name in [unit.name, unit.short] + unit.renamed.flatMap({ [$0.name, $0.short].compactMap { $0 } }) {
                    let slug = Slug.make(name)
                    if !slug.isEmpty && self.units[slug] == nil { self.units[slug] = unit.id }
                }
            }
            for field in fields { self.fields[field.id] = field.id }
            for field in fields {
                let slug = Slug.make(field.name)
                if !slug.isEmpty && self.fields[slug] == nil { self.fields[slug] = field.id }
            }
        }

        func unit(_ text: String) -> String? { units[text] ?? units[Slug.make(text)] }
        func field(_ text: String) -> String? { fields[text] ?? fields[Slug.make(text)] }

        func unitHint(_ text: String) -> String {
            Spelling.closest(to: text, among: unitIDs, maxDistance: 3).map { "did you mean \"\($0)\"?" }
                ?? "unit ids are listed in units.yml"
        }

        func fieldHint(_ text: String) -> String {
            if fieldIDs.isEmpty { return "list the fields in fields.yml" }
            return Spelling.closest(to: text, among: fieldIDs, maxDistance: 3).map { "did you mean \"\($0)\"?" }
                ?? "field ids are listed in fields.yml"
        }
    }
}

// MARK: - Headers

extension MetricsLoader {
    /// The header texts one dataset accepts, as slugs.
    struct HeaderTable: Sendable {
        enum Target: Hashable, Sendable {
            case unit, period, field
            case column(Int)
        }

        let schema: DatasetSchema
        /// Every target, keys first then the columns in the form's order.
        let targets: [Target]
        /// A target's English key, as a slug: matches only that target.
        private var byKey: [String: Target] = [:]
        /// Titles and aliases: may match several targets, in order.
        private var byTitle: [String: [Target]] = [:]
        /// Row numbers and the dataset's text columns.
        var ignored: Set<String> = []
        /// What a header may say, for "did you mean".
        private var known: [(slug: String, text: String)] = []

        init(_ schema: DatasetSchema, textColumns: [TextColumnSpec]) {
            self.schema = schema
            var targets: [Target] = [.unit, .period]
            if schema.byField { targets.append(.field) }
            targets += schema.columns.indices.map { .column($0) }
            self.targets = targets
            for target in targets {
                let names = names(target)
                let key = Slug.make(names[0])
                byKey[key] = target
                known.append((key, names[0]))
                for title in names.dropFirst() {
                    let slug = Slug.make(title)
                    guard !slug.isEmpty, slug != key else { continue }
                    if !(byTitle[slug] ?? []).contains(target) { byTitle[slug, default: []].append(target) }
                    known.append((slug, title))
                }
            }
            ignored = Set(MetricsLoader.rowNumberHeaders.map(Slug.make))
            for column in textColumns {
                ignored.insert(Slug.make(column.name))
                ignored.insert(Slug.make(column.title))
            }
        }

        /// The key, then the titles.
        private func names(_ target: Target) -> [String] {
            switch target {
            case .unit: return MetricsLoader.unitHeaders
            case .period: return MetricsLoader.periodHeaders
            case .field: return MetricsLoader.fieldHeaders
            case .column(let i): return [schema.columns[i].key, schema.columns[i].title] + schema.columns[i].aliases
            }
        }

        /// The targets a header may stand for: its key alone, or every column with that title.
        func candidates(for slug: String) -> [Target] {
            if let target = byKey[slug] { return [target] }
            return byTitle[slug] ?? []
        }

        func key(_ target: Target) -> String { names(target)[0] }
        func title(_ target: Target) -> String { names(target)[1] }

        func isRequired(_ target: Target) -> Bool {
            switch target {
            case .unit, .period, .field: return true
            case .column(let i): return schema.columns[i].required
            }
        }

        var example: String { targets.prefix(4).map(key).joined(separator: ",") + ",…" }

        func suggestion(for slug: String) -> String {
            let distances = known.map { ($0, Spelling.distance(slug, $0.slug)) }
            let limit = max(2, slug.count / 5)
            if let best = distances.filter({ $0.1 <= limit }).min(by: { $0.1 < $1.1 })?.0 {
                return "did you mean \"\(best.text)\"?"
            }
            return "the columns of \(schema.id) are \(targets.map(key).joined(separator: ", "))"
        }
    }
}
