import CongkhaiCore
import Foundation

/// Reads `metrics/<dataset>/**/*.csv` into one `MetricTable` per dataset.
///
/// The first folder under `metrics/` names the dataset. Headers may be the English keys or the
/// Vietnamese titles of the national form (compared as slugs: case, diacritics, spacing and `_`
/// do not matter); a title that several columns share goes to the first of them, in the form's
/// order, that the file has not given yet. Every problem is reported at its cell.
package enum MetricsLoader {
    package static let folder = "metrics"

    /// Header texts of the key columns.
    static let unitHeaders = ["unit", "Đơn vị", "Mã đơn vị"]
    static let periodHeaders = ["period", "Kỳ báo cáo", "Kỳ"]
    static let fieldHeaders = ["field", "Lĩnh vực", "Mã lĩnh vực"]
    /// Row numbers, ignored without a word.
    static let rowNumberHeaders = ["STT", "row_no", "Số thứ tự"]

    package static func load(
        _ content: ContentDirectory, schemas: [DatasetSchema], units: [Unit], fields: [Field],
        textColumns: [String: [TextColumnSpec]] = [:], log: DiagnosticLog
    ) -> [MetricTable] {
        let files = content.files(under: folder, extensions: ["csv"], log: log)
        guard !files.isEmpty else { return [] }
        let references = References(units: units, fields: fields)

        // Which schema each file belongs to; a folder without one is reported once, at its first file.
        var schemaIndex: [String: Int] = [:]
        for (i, schema) in schemas.enumerated() where schemaIndex[schema.id] == nil {
            schemaIndex[schema.id] = i
        }
        var jobs: [(file: String, display: String, schema: Int)] = []
        var reportedFolders: Set<String> = []
        for file in files {
            let parts = file.split(separator: "/", omittingEmptySubsequences: true)
            guard parts.count >= 3 else {
                log.error(
                    SourceLocation(file: content.display(file)),
                    "metric file outside a dataset folder",
                    hint: "move it into \(folder)/<dataset>/, e.g. \(folder)/dossiers/")
                continue
            }
            let dataset = String(parts[1])
            guard let index = schemaIndex[dataset] else {
                if reportedFolders.insert(dataset).inserted {
                    let ids = schemas.map(\.id)
                    log.error(
                        SourceLocation(file: content.display(file)),
                        "unknown dataset \"\(dataset)\" (folder \(folder)/\(dataset))",
                        hint: Spelling.closest(to: dataset, among: ids, maxDistance: 3).map {
                            "did you mean \"\($0)\"?"
                        }
                            ?? "the datasets are \(ids.joined(separator: ", ")); declare others in datasets.yml"
                    )
                }
                continue
            }
            jobs.append((file, content.display(file), index))
        }
        // In the order of the names diagnostics show: a table's rows then come in file order.
        jobs.sort { $0.display < $1.display }

        let jobList = jobs
        let headerTables = schemas.map { HeaderTable($0, textColumns: textColumns[$0.id] ?? []) }
        var results = [FileRows?](repeating: nil, count: jobs.count)
        results.withUnsafeMutableBufferPointer { slots in
            let slots = UnsafeSendable(slots)
            DispatchQueue.concurrentPerform(iterations: jobList.count) { i in
                let job = jobList[i]
                slots.value[i] = readFile(
                    at: content.url(job.file), display: job.display, schema: schemas[job.schema],
                    headers: headerTables[job.schema], references: references,
                    limits: content.limits, log: log)
            }
        }

        var tables: [MetricTable] = []
        for (index, schema) in schemas.enumerated() {
            let mine = jobs.indices.filter { jobs[$0].schema == index }
            guard !mine.isEmpty else { continue }
            var parts: [FileRows] = []
            for i in mine {
                if let rows = results[i] { parts.append(rows) }
                results[i] = nil
            }
            tables.append(
                table(schema, parts, files: mine.map { jobs[$0].display }, references: references))
        }
        return tables
    }

    /// The rows of one file's text (also for importing exports), in the table's order; diagnostics name `file`.
    package static func parse(
        _ text: String, file: String, schema: DatasetSchema, units: [Unit], fields: [Field],
        textColumns: [TextColumnSpec] = [], log: DiagnosticLog
    ) -> [MetricRow] {
        let references = References(units: units, fields: fields)
        var text = text
        let rows = text.withUTF8 { bytes in
            rowsOfFile(
                bytes, file: file, schema: schema,
                headers: HeaderTable(schema, textColumns: textColumns),
                references: references, log: log)
        }
        return Array(table(schema, [rows], files: [file], references: references).rows)
    }

    /// One table from the files' rows, given in file order.
    static func table(
        _ schema: DatasetSchema, _ parts: [FileRows], files: [String], references: References
    ) -> MetricTable {
        let total = parts.reduce(0) { $0 + $1.count }
        var unit: [Int32] = [], field: [Int32] = [], period: [PeriodCode] = [], file: [Int32] = [],
            line: [Int32] = []
        unit.reserveCapacity(total); field.reserveCapacity(total); period.reserveCapacity(total)
        file.reserveCapacity(total); line.reserveCapacity(total)
        // Every column some file gives, in the schema's order: the table's row layout.
        let columns = Set(parts.flatMap(\.columns)).sorted()
        var cells: [Int32] = []
        cells.reserveCapacity(total * columns.count)
        var large: [Int: Int] = [:]
        var sources: [String] = []
        for part in parts {
            unit += part.unit
            field += part.field
            period += part.period
            line += part.line
            file += repeatElement(Int32(sources.count), count: part.count)
            sources.append(part.file)
            let base = cells.count
            if part.columns == columns {
                cells += part.cells
                for (k, value) in part.large { large[base + k] = value }
            } else {
                let position = columns.map { part.columns.firstIndex(of: $0) }
                let width = part.columns.count
                for row in 0..<part.count {
                    for p in position {
                        guard let p else { cells.append(MetricTable.absent); continue }
                        let k = row * width + p
                        if part.cells[k] == MetricTable.large { large[cells.count] = part.large[k] }
                        cells.append(part.cells[k])
                    }
                }
            }
        }
        return MetricTable(
            schema: schema, files: files.sorted(), unitIDs: references.unitIDs,
            fieldIDs: references.fieldIDs,
            sourceFiles: sources, unitIndex: unit, fieldIndex: field, periodCode: period,
            fileIndex: file,
            lineNumber: line, columns: columns, cells: cells, large: large, rowsInFileOrder: true)
    }

    // MARK: - One file

    /// The valid rows of one file: units and fields as their place in `References`, and the counts
    /// of the columns the file gives (`columns`, schema indices in order), row after row.
    struct FileRows {
        var file: String
        var columns: [Int] = []
        var unit: [Int32] = [], field: [Int32] = [], period: [PeriodCode] = [], line: [Int32] = []
        var cells: [Int32] = []
        /// Counts too large for 32 bits, by cell index (the cell says `MetricTable.large`).
        var large: [Int: Int] = [:]
        var count: Int { unit.count }
    }

    /// Reads one file (UTF-8; a byte-order mark is dropped, anything else not UTF-8 is an error).
    static func readFile(
        at url: URL, display: String, schema: DatasetSchema, headers: HeaderTable,
        references: References, limits: SizeLimits = SizeLimits(), log: DiagnosticLog
    ) -> FileRows? {
        guard
            let data = SourceReader.readBytes(
                atPath: url.path, displayPath: display, log: log, limit: .csv(limits))
        else { return nil }
        return data.withUnsafeBufferPointer { file -> FileRows? in
            var bytes = file
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                bytes = UnsafeBufferPointer(rebasing: bytes[3...])
            }
            if !isASCII(bytes) && String(validating: bytes, as: UTF8.self) == nil {
                // reports the first bad byte
                _ = SourceReader.decode(data[...], displayPath: display, log: log)
                return nil
            }
            return rowsOfFile(
                bytes, file: display, schema: schema, headers: headers, references: references,
                maxLineBytes: limits.lineBytes, log: log)
        }
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var any: UInt8 = 0
        for b in bytes { any |= b }
        return any < 0x80
    }

    static func rowsOfFile(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, schema: DatasetSchema,
        headers table: HeaderTable,
        references: References, maxLineBytes: Int = .max, log: DiagnosticLog
    ) -> FileRows {
        var tokenizer = CSVTokenizer(bytes: bytes, file: file, log: log)
        tokenizer.maxRecordBytes = maxLineBytes
        var result = FileRows(file: file)
        var cells: [CSVTokenizer.Cell] = []
        func at(_ cell: CSVTokenizer.Cell) -> SourceLocation {
            SourceLocation(file: file, line: cell.line, column: tokenizer.column(cell))
        }
        /// A unit or field its bytes did not find: its trimmed text resolved (aliases, slugs), else a located error.
        func named(
            _ cell: CSVTokenizer.Cell, _ what: DiagnosticText, _ resolve: (String) -> Int32?,
            hint: (String) -> DiagnosticText?
        ) -> Int32? {
            let text = trimmed(tokenizer.text(cell))
            if text.isEmpty { log.error(at(cell), "\(what) is empty"); return nil }
            if let index = resolve(text) { return index }
            log.error(at(cell), "unknown \(what) \"\(text)\"", hint: hint(text))
            return nil
        }

        guard tokenizer.next(into: &cells) != nil,
            !cells.allSatisfy({ tokenizer.withText($0, isBlank) })
        else {
            log.warning(
                SourceLocation(file: file), "empty file: no header row",
                hint: "the first line names the columns, e.g. \(table.example)")
            return result
        }
        let header = cells.map { tokenizer.cell($0) }

        // Map header cells to key columns and count columns.
        var targets = [HeaderTable.Target?](repeating: nil, count: header.count)
        var givenBy: [HeaderTable.Target: CSVCell] = [:]
        var unnamed: [Int] = []
        for (i, cell) in header.enumerated() {
            let slug = Slug.make(cell.text)
            if slug.isEmpty {
                // a column without a header (spreadsheets add them): ignored, unless it has values
                unnamed.append(i)
                continue
            }
            if table.ignored.contains(slug) { continue }
            let candidates = table.candidates(for: slug)
            guard let last = candidates.last else {
                log.warning(
                    SourceLocation(file: file, line: cell.line, column: cell.column),
                    "unknown column \"\(cell.text)\" is ignored", hint: table.suggestion(for: slug))
                continue
            }
            guard let target = candidates.first(where: { givenBy[$0] == nil }) else {
                log.error(
                    SourceLocation(file: file, line: cell.line, column: cell.column),
                    "duplicate column \"\(cell.text)\": \(table.key(last)) is already given by \"\(givenBy[last]!.text)\""
                )
                continue
            }
            targets[i] = target
            givenBy[target] = cell
        }
        var missing = false
        for target in table.targets where givenBy[target] == nil && table.isRequired(target) {
            log.error(
                SourceLocation(file: file, line: header[0].line, column: 1),
                "missing column \(table.key(target)) (\"\(table.title(target))\")")
            missing = true
        }
        let given = targets.compactMap { target -> Int? in
            if case .column(let c)? = target { return c } else { return nil }
        }.sorted()
        result.columns = given
        result.cells.reserveCapacity(bytes.count / 4)

        var unnamedWithValues = Set<Int>()
        var resolved = Resolved()
        let width = header.count
        let columns = schema.columns
        var values = [Int32](repeating: MetricTable.absent, count: columns.count)
        var large: [(column: Int, value: Int)] = []
        records: while let line = tokenizer.next(into: &cells) {
            for i in unnamed where i < cells.count && !unnamedWithValues.contains(i) {
                if tokenizer.withText(cells[i], hasText) { unnamedWithValues.insert(i) }
            }
            if missing || cells.allSatisfy({ tokenizer.withText($0, isBlank) }) { continue }
            guard cells.count == width else {
                log.error(
                    SourceLocation(file: file, line: line, column: 1),
                    "row has \(cells.count) cell\(cells.count == 1 ? "" : "s"), the header has \(width)"
                )
                continue
            }
            var unit: Int32?, field: Int32?, period: PeriodCode?
            var ok = true
            large.removeAll(keepingCapacity: true)
            for c in values.indices { values[c] = MetricTable.absent }
            for (i, cell) in cells.enumerated() {
                guard let target = targets[i] else { continue }
                switch target {
                case .unit:
                    if let index = tokenizer.withText(cell, references.unitIndex)
                        ?? named(
                            cell, "unit", { resolved.unit($0, references) },
                            hint: references.unitHint)
                    {
                        unit = index
                    } else {
                        ok = false
                    }
                case .period:
                    if let code = tokenizer.withText(cell, { quickPeriod($0, schema.granularity) })
                    {
                        period = code
                    } else {
                        let text = trimmed(tokenizer.text(cell))
                        if text.isEmpty {
                            log.error(at(cell), "period is empty"); ok = false
                        } else if let value = Period(key: text), accepts(schema.granularity, value)
                        {
                            period = PeriodCode(value)
                        } else {
                            log.error(
                                at(cell),
                                "period \"\(text)\" must be \(describe(schema.granularity))",
                                hint: "e.g. \(example(schema.granularity))")
                            ok = false
                        }
                    }
                case .field:
                    if let index = tokenizer.withText(cell, references.fieldIndex)
                        ?? named(
                            cell, "field", { resolved.field($0, references) },
                            hint: references.fieldHint)
                    {
                        field = index
                    } else {
                        ok = false
                    }
                case .column(let c):
                    let quick = tokenizer.withText(cell, quickCount)
                    if quick >= 0 { values[c] = Int32(quick); continue }
                    if quick == -2 {
                        if columns[c].required {
                            log.error(
                                at(cell), "\(columns[c].key) is empty",
                                hint: "write 0 if there were none");
                            ok = false
                        }
                        continue
                    }
                    let column = columns[c]
                    switch parseCount(tokenizer.text(cell)) {
                    case .value(let n):
                        if n <= Int(Int32.max) {
                            values[c] = Int32(n)
                        } else {
                            values[c] = MetricTable.large; large.append((c, n))
                        }
                    case .empty:
                        if column.required {
                            log.error(
                                at(cell), "\(column.key) is empty",
                                hint: "write 0 if there were none");
                            ok = false
                        }
                    case .negative(let text):
                        log.error(at(cell), "\(column.key) is negative (\(text))"); ok = false
                    case .tooLarge(let text):
                        log.error(at(cell), "\(column.key) is too large (\"\(text)\")"); ok = false
                    case .notWhole(let text):
                        log.error(
                            at(cell), "\(column.key) is not a whole number (\"\(text)\")",
                            hint: countHint(text));
                        ok = false
                    }
                }
            }
            guard ok, let unit, let period, !schema.byField || field != nil else { continue }
            for (c, value) in large {
                result.large[result.cells.count + given.firstIndex(of: c)!] = value
            }
            result.unit.append(unit)
            result.field.append(schema.byField ? field! : MetricTable.noField)
            result.period.append(period)
            result.line.append(Int32(clamping: line))
            for c in given { result.cells.append(values[c]) }
        }
        for i in unnamedWithValues.sorted() {
            log.warning(
                SourceLocation(
                    file: file, line: header[i].line, column: header[i].column),
                "column \(i + 1) has no header; its values are ignored")
        }
        return result
    }

    /// Names a file writes other than as ids ("Phường 1"), resolved once per file.
    struct Resolved {
        var units: [String: Int32?] = [:], fields: [String: Int32?] = [:]

        mutating func unit(_ text: String, _ references: References) -> Int32? {
            if let known = units[text] { return known }
            let index = references.unit(text).flatMap { references.unitPosition[$0] }
            units[text] = index
            return index
        }

        mutating func field(_ text: String, _ references: References) -> Int32? {
            if let known = fields[text] { return known }
            let index = references.field(text).flatMap { references.fieldPosition[$0] }
            fields[text] = index
            return index
        }
    }

    // MARK: - Cells as bytes (the common case; anything else goes the way of text)

    static func isBlank(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        cell.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Not empty once spaces are trimmed (`.whitespaces`, as a spreadsheet user means it).
    static func hasText(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        if isASCII(cell) { return !isBlank(cell) }
        return !String(decoding: cell, as: UTF8.self).trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// A count written as 1 to 12 plain digits; -2 for an empty cell; -1 for anything else.
    @inline(__always) static func quickCount(_ cell: UnsafeBufferPointer<UInt8>) -> Int {
        if cell.isEmpty { return -2 }
        guard cell.count <= 12 else { return -1 }
        var value = 0
        for b in cell {
            let digit = b &- 0x30
            guard digit < 10 else { return -1 }
            value = value * 10 + Int(digit)
        }
        return value <= Int(Int32.max) ? value : -1
    }

    /// `YYYY-MM`, `YYYY-Qn` or `YYYY` when valid for the dataset; nil sends the cell the slow way.
    static func quickPeriod(
        _ cell: UnsafeBufferPointer<UInt8>, _ granularity: DatasetSchema.Granularity
    ) -> PeriodCode? {
        guard cell.count == 7 || cell.count == 4 else { return nil }
        func digit(_ k: Int) -> Int? { let d = cell[k] &- 0x30; return d < 10 ? Int(d) : nil }
        guard let a = digit(0), let b = digit(1), let c = digit(2), let d = digit(3) else {
            return nil
        }
        let year = a * 1000 + b * 100 + c * 10 + d
        guard year >= 1900 && year <= 2999 else { return nil }
        let period: Period
        if cell.count == 4 {
            period = .year(year)
        } else {
            guard cell[4] == 0x2D else { return nil }
            if cell[5] == 0x51 || cell[5] == 0x71 {  // Q, q
                guard let q = digit(6), (1...4).contains(q) else { return nil }
                period = .quarter(year: year, quarter: q)
            } else {
                guard let m1 = digit(5), let m2 = digit(6), (1...12).contains(m1 * 10 + m2) else {
                    return nil
                }
                period = .month(year: year, month: m1 * 10 + m2)
            }
        }
        return accepts(granularity, period) ? PeriodCode(period) : nil
    }

    // MARK: - Cells

    enum Count: Equatable {
        case value(Int), empty, negative(String), notWhole(String), tooLarge(String)
    }

    /// The largest count accepted: far above any real figure, and small enough that sums over
    /// millions of rows cannot overflow.
    package static let maximumCount = 999_999_999_999

    /// A count: plain digits, spaces around allowed. Nothing else (no signs, separators or decimals).
    static func parseCount(_ text: String) -> Count {
        var utf8 = text.utf8[...]
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while let b = utf8.first, isSpace(b) { utf8 = utf8.dropFirst() }
        while let b = utf8.last, isSpace(b) { utf8 = utf8.dropLast() }
        if utf8.isEmpty {
            // Other white space (a no-break space from a spreadsheet) counts as empty too.
            return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? .empty : .notWhole(text)
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
        if utf8.first == 0x2D, utf8.count > 1,
            utf8.dropFirst().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        {
            return .negative(shown)
        }
        return .notWhole(shown)
    }

    /// `1.234` / `1,234`: a thousands separator.
    static func countHint(_ text: String) -> DiagnosticText? {
        let groups = text.split(
            omittingEmptySubsequences: false,
            whereSeparator: { $0 == "." || $0 == "," || $0 == " " })
        guard groups.count > 1, let first = groups.first, (1...3).contains(first.count),
            groups.allSatisfy({
                !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber)
            }),
            groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { return nil }
        return "write counts as plain digits, without a thousands separator: \(groups.joined())"
    }

    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if first > 0x20 && last > 0x20 && first < 0x80 && last < 0x80 { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func accepts(_ granularity: DatasetSchema.Granularity, _ period: Period) -> Bool {
        switch (granularity, period) {
        case (.monthOrQuarter, .month), (.monthOrQuarter, .quarter), (.quarter, .quarter),
            (.year, .year):
            return true
        default: return false
        }
    }

    static func describe(_ granularity: DatasetSchema.Granularity) -> DiagnosticText {
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
        /// Each id's place in `unitIDs` / `fieldIDs` (the first, should an id repeat).
        var unitPosition: [String: Int32] = [:], fieldPosition: [String: Int32] = [:]
        /// Every key of `units` / `fields`, as bytes, to its id's place.
        private var unitBytes = ByteKeyMap([]), fieldBytes = ByteKeyMap([])

        init(units: [Unit], fields: [Field]) {
            unitIDs = units.map(\.id)
            fieldIDs = fields.map(\.id)
            for unit in units { self.units[unit.id] = unit.id }
            for unit in units {
                for name in [unit.name, unit.short]
                    + unit.renamed.flatMap({ [$0.name, $0.short].compactMap { $0 } })
                {
                    let slug = Slug.make(name)
                    if !slug.isEmpty && self.units[slug] == nil { self.units[slug] = unit.id }
                }
            }
            for field in fields { self.fields[field.id] = field.id }
            for field in fields {
                for name in [field.name] + field.aliases {
                    let slug = Slug.make(name)
                    if !slug.isEmpty && self.fields[slug] == nil { self.fields[slug] = field.id }
                }
            }
            for (i, id) in unitIDs.enumerated() where unitPosition[id] == nil {
                unitPosition[id] = Int32(i)
            }
            for (i, id) in fieldIDs.enumerated() where fieldPosition[id] == nil {
                fieldPosition[id] = Int32(i)
            }
            let unitPosition = unitPosition, fieldPosition = fieldPosition
            unitBytes = ByteKeyMap(
                self.units.sorted { $0.key < $1.key }.map { ($0.key, unitPosition[$0.value]!) })
            fieldBytes = ByteKeyMap(
                self.fields.sorted { $0.key < $1.key }.map { ($0.key, fieldPosition[$0.value]!) })
        }

        /// A cell that is exactly a unit's key (id or slug of a name): its place, found without a string.
        func unitIndex(_ cell: UnsafeBufferPointer<UInt8>) -> Int32? { unitBytes.value(cell) }
        func fieldIndex(_ cell: UnsafeBufferPointer<UInt8>) -> Int32? { fieldBytes.value(cell) }

        func unit(_ text: String) -> String? { units[text] ?? units[Slug.make(text)] }
        func field(_ text: String) -> String? { fields[text] ?? fields[Slug.make(text)] }

        func unitHint(_ text: String) -> DiagnosticText {
            Spelling.closest(to: text, among: unitIDs, maxDistance: 3).map {
                "did you mean \"\($0)\"?"
            }
                ?? "unit ids are listed in units.yml"
        }

        func fieldHint(_ text: String) -> DiagnosticText {
            if fieldIDs.isEmpty { return "list the fields in fields.yml" }
            return Spelling.closest(to: text, among: fieldIDs, maxDistance: 3).map {
                "did you mean \"\($0)\"?"
            }
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
                    if !(byTitle[slug] ?? []).contains(target) {
                        byTitle[slug, default: []].append(target)
                    }
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
            case .column(let i):
                return [schema.columns[i].key, schema.columns[i].title] + schema.columns[i].aliases
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

        func suggestion(for slug: String) -> DiagnosticText {
            let distances = known.map { ($0, Spelling.distance(slug, $0.slug)) }
            let limit = max(2, slug.count / 5)
            if let best = distances.filter({ $0.1 <= limit }).min(by: { $0.1 < $1.1 })?.0 {
                return "did you mean \"\(best.text)\"?"
            }
            return "the columns of \(schema.id) are \(targets.map(key).joined(separator: ", "))"
        }
    }
}
