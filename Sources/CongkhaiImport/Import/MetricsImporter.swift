import CongkhaiCore
import CongkhaiKit
import Foundation

/// `congkhai import`: reads exports (the form as `.xlsx` or `.csv` in any encoding offices use,
/// or the canonical CSV), checks them, and writes each unit × period's rows into the dataset's
/// canonical CSV under `Content/metrics/`. All or nothing: an import with any error writes nothing.
package enum MetricsImporter {
    package static func run(_ request: ImportRequest) -> ImportResult {
        let log = DiagnosticLog()
        var content = ContentDirectory(path: request.contentPath)
        content.displayName = request.contentPath
        func fail() -> ImportResult {
            ImportResult(diagnostics: log.all, summaries: [], files: [], dryRun: request.dryRun)
        }

        guard let schema = BuiltInDatasets.named(request.dataset),
            let layout = FormLayout.forDataset(request.dataset)
        else {
            log.error(
                SourceLocation(file: request.dataset, line: 0),
                "cannot import dataset \"\(request.dataset)\"",
                hint: "import dossiers, satisfaction or feedback")
            return fail()
        }
        guard
            let (units, fields) = SiteLists.unitsAndFields(
                content, path: request.contentPath, log: log)
        else { return fail() }
        let unitNames = UnitNames(units)

        var givenPeriod: Period?
        if let text = request.period {
            guard let period = periodOption(text, log: log) else { return fail() }
            givenPeriod = period
        }
        var givenUnit: String?
        if let text = request.unit {
            guard let id = unitNames.unitOption(text, log: log) else { return fail() }
            givenUnit = id
        }

        // Read every file.
        // On every core; the results in the order the files were given.
        let inputs = request.files
        var results = [[ImportedFigures]](repeating: [], count: inputs.count)
        let (unitGiven, periodGiven) = (givenUnit, givenPeriod)
        results.withUnsafeMutableBufferPointer { slots in
            let slots = UnsafeSendable(slots)
            DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
                slots.value[i] = read(
                    inputs[i], request: request, schema: schema, layout: layout, units: units,
                    fields: fields,
                    unitNames: unitNames, givenUnit: unitGiven, givenPeriod: periodGiven, log: log)
            }
        }
        let batches = results.flatMap { $0 }
        var seen: [String: String] = [:]
        for figures in batches {
            let key = MetricsFolder.key(figures.unit, figures.period)
            if let first = seen[key] {
                log.error(
                    SourceLocation(file: figures.source, line: 0),
                    "\(figures.unit), \(figures.period.key) is also imported from \(first)",
                    hint: "import one export per unit and period")
            }
            seen[key] = figures.source
        }
        if log.hasErrors || batches.isEmpty {
            if batches.isEmpty && !log.hasErrors {
                log.error(
                    SourceLocation(file: request.files.first ?? "", line: 0), "no figures to import"
                )
            }
            return fail()
        }

        // Place them.
        var folder = MetricsFolder(content: content, schema: schema, units: units, fields: fields)
        var summaries: [ImportSummary] = []
        var changed: Set<String> = []
        let fieldNames = Dictionary(
            fields.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for figures in batches {
            let old = folder.existing[MetricsFolder.key(figures.unit, figures.period)] ?? []
            let placed = folder.place(figures)
            changed.formUnion(placed.changed)
            summaries.append(
                ImportSummary(
                    figures: figures, schema: schema,
                    unitName: units.first { $0.id == figures.unit }?.short ?? figures.unit,
                    fieldNames: fieldNames, destination: content.display(placed.destination),
                    change: change(from: old, to: figures)))
        }
        // A file changes only if its text does (the same export again rewrites nothing).
        let files = changed.sorted().filter { folder.text($0) != folder.original[$0] }
        if !request.dryRun {
            for file in files {
                do {
                    try folder.write(file)
                } catch {
                    log.error(
                        SourceLocation(file: content.display(file), line: 0),
                        "cannot write: \(error.localizedDescription)")
                }
            }
        }
        return ImportResult(
            diagnostics: log.all, summaries: summaries, files: files.map(content.display),
            dryRun: request.dryRun)
    }

    /// `--period`: a month or a quarter (nil, and an error, for anything else).
    static func periodOption(_ text: String, log: DiagnosticLog) -> Period? {
        guard let period = Period(key: text), !period.isYear else {
            log.error(
                SourceLocation(file: "--period", line: 0),
                "period \"\(text)\" must be a month (YYYY-MM) or a quarter (YYYY-Qn)")
            return nil
        }
        return period
    }

    // MARK: - One file

    static func read(
        _ file: String, request: ImportRequest, schema: DatasetSchema, layout: FormLayout,
        units: [CongkhaiKit.Unit],
        fields: [Field], unitNames: UnitNames, givenUnit: String?, givenPeriod: Period?,
        log: DiagnosticLog
    ) -> [ImportedFigures] {
        let place = SourceLocation(file: file, line: 0)
        // Its first bytes say whether it is a workbook (a ZIP package, under any name); a workbook
        // is then read by ZIPFoundation from the file, a text file whole: each is read once.
        guard let head = FileIO.head(atPath: file, count: 4) else {
            // Said plainly: a clerk's usual slip is a name typed wrong or the wrong folder.
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) {
                log.error(
                    place, "no such file",
                    hint: "check the file's name and the folder it is in")
            } else if isFolder.boolValue {
                log.error(
                    place, "this is a folder, not a file", hint: "give the export files in it")
            } else {
                log.error(place, "cannot read file")
            }
            return []
        }
        let lower = file.lowercased()
        if lower.hasSuffix(".xls") {
            log.error(
                place, "this is the old Excel format (.xls)",
                hint: "open it in Excel and save it as .xlsx (Excel Workbook), or as CSV UTF-8")
            return []
        }
        var sheets: [Sheet] = []
        if lower.hasSuffix(".xlsx") || head == [0x50, 0x4B, 0x03, 0x04] {
            do throws(XLSXReader.Failure) {
                sheets = try XLSXReader.read(at: URL(fileURLWithPath: file), file: file)
            } catch {
                log.error(place, error.text)
                return []
            }
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                log.error(place, "cannot read file")
                return []
            }
            let text: String
            switch TextDecoding.decode(data, as: request.encoding) {
            case .success(let decoded): text = decoded.text
            case .failure(let failure):
                log.error(
                    place, failure.text,
                    hint: "give the encoding with --encoding utf-8, utf-16, windows-1258 or tcvn3")
                return []
            }
            // The canonical columns (unit, period, …): rows for any unit and period.
            let keys = MetricsLoader.headerKeys(ofFile: text, schema: schema)
            if keys.contains("unit") && keys.contains("period") {
                return canonical(
                    text, keys: keys, file: file, schema: schema, units: units, fields: fields,
                    givenUnit: givenUnit, givenPeriod: givenPeriod, log: log)
            }
            sheets = [DelimitedReader.sheet(text, file: file, log: log)]
        }
        for sheet in sheets {
            let sheetLog = DiagnosticLog()
            guard let form = FormReader.read(sheet, layout: layout, fields: fields, log: sheetLog)
            else { continue }
            log.add(contentsOf: sheetLog.all)
            return figures(
                of: form, file: file, layout: layout, unitNames: unitNames, givenUnit: givenUnit,
                givenPeriod: givenPeriod, log: log)
        }
        log.error(
            place, "no sheet has the header of \(layout.formName ?? schema.title)",
            hint:
                "the header's first row has \"Lĩnh vực\" and the form's column titles; see `congkhai template \(schema.id)`"
        )
        return []
    }

    static func figures(
        of form: FormFigures, file: String, layout: FormLayout, unitNames: UnitNames,
        givenUnit: String?,
        givenPeriod: Period?, log: DiagnosticLog
    ) -> [ImportedFigures] {
        var unit = givenUnit
        if let (text, location) = form.unitText {
            let named = unitNames.unit(text)
            if unit == nil {
                if let named {
                    unit = named
                } else {
                    log.error(location, "unknown unit \"\(text)\"", hint: unitNames.hint(text))
                    return []
                }
            } else if let named, named != unit {
                log.warning(
                    location,
                    "the form says \"\(text)\" (\(named)); importing it as \(unit!) as --unit says")
            }
        }
        guard let unit else {
            log.error(
                SourceLocation(file: file, line: 0),
                "the form does not say which unit it is from (\"Đơn vị báo cáo: …\")",
                hint: "give the unit with --unit ID")
            return []
        }
        var period = givenPeriod
        if let (found, location) = form.period {
            if period == nil {
                period = found
            } else if found != period {
                log.warning(
                    location,
                    "the form says \(found.key); importing it as \(period!.key) as --period says")
            }
        }
        guard let period else {
            log.error(
                SourceLocation(file: file, line: 0),
                "the form does not say its period (\"Kỳ báo cáo: Tháng 11 năm 2021\")",
                hint: "give the period with --period YYYY-MM or YYYY-Qn")
            return []
        }
        let rows = form.rows.map { ImportedFigures.Row(field: $0.field, values: $0.values) }
        return [
            ImportedFigures(source: file, unit: unit, period: period, keys: form.keys, rows: rows)
        ]
    }

    /// A file in the canonical columns (`keys`, its header's): its rows, grouped by unit and period.
    static func canonical(
        _ text: String, keys: [String?], file: String, schema: DatasetSchema,
        units: [CongkhaiKit.Unit], fields: [Field],
        givenUnit: String?, givenPeriod: Period?, log: DiagnosticLog
    ) -> [ImportedFigures] {
        let rows = MetricsLoader.parse(
            text, file: file, schema: schema, units: units, fields: fields, log: log)
        let given = keys.compactMap { $0 }.filter { !["unit", "period", "field"].contains($0) }
        var groups: [String: ImportedFigures] = [:]
        var order: [String] = []
        for row in rows {
            if let givenUnit, row.unit != givenUnit { continue }
            if let givenPeriod, row.period != givenPeriod { continue }
            let key = MetricsFolder.key(row.unit, row.period)
            if groups[key] == nil {
                groups[key] = ImportedFigures(
                    source: file, unit: row.unit, period: row.period,
                    keys: schema.columns.map(\.key).filter(given.contains), rows: [])
                order.append(key)
            }
            groups[key]!.rows.append(
                ImportedFigures.Row(
                    field: row.field, values: MetricsFolder.values(of: row, schema: schema)))
        }
        return order.map { groups[$0]! }
    }

    static func change(
        from old: [MetricsFolder.ExistingRow], to figures: ImportedFigures
    ) -> ImportSummary.Change {
        if old.isEmpty { return .new }
        var changes: [(field: String, changes: [(key: String, old: Int?, new: Int?)])] = []
        let oldByField = Dictionary(
            old.map { ($0.field ?? "", $0.values) }, uniquingKeysWith: { a, _ in a })
        let newByField = Dictionary(
            figures.rows.map { ($0.field ?? "", $0.values) }, uniquingKeysWith: { a, _ in a })
        let keys = figures.keys.filter { !FormLayout.totalKeys.contains($0) }
        var fieldOrder = figures.rows.map { $0.field ?? "" }
        for row in old where !fieldOrder.contains(row.field ?? "") {
            fieldOrder.append(row.field ?? "")
        }
        for field in fieldOrder {
            let a = oldByField[field], b = newByField[field]
            var diff: [(key: String, old: Int?, new: Int?)] = []
            for key in keys {
                let x = a?[key], y = b?[key]
                if x != y && !(x == nil && y == 0) && !(x == 0 && y == nil) {
                    diff.append((key, x, y))
                }
            }
            if !diff.isEmpty { changes.append((field, diff)) }
        }
        return changes.isEmpty ? .unchanged : .changed(changes)
    }
}

/// Units as forms name them ("UBND Phường 5", "Ủy ban nhân dân Phường 5", "Phường 5", the id).
struct UnitNames {
    var bySlug: [String: String] = [:]

    init(_ units: [CongkhaiKit.Unit]) {
        for unit in units {
            let names =
                [unit.id, unit.name, unit.short]
                + unit.renamed.flatMap { [$0.name, $0.short].compactMap { $0 } }
            for name in names {
                for slug in Self.variants(name) where bySlug[slug] == nil { bySlug[slug] = unit.id }
            }
        }
    }

    /// The slug, with abbreviations spelt out and the body's title ("Ủy ban nhân dân") dropped.
    static func variants(_ text: String) -> [String] {
        var slug = Slug.make(text)
        let abbreviations = [
            ("ubnd", "uy-ban-nhan-dan"), ("hdnd", "hoi-dong-nhan-dan"), ("p", "phuong"),
        ]
        var words = slug.split(separator: "-").map(String.init)
        for (i, word) in words.enumerated() {
            if let full = abbreviations.first(where: { $0.0 == word })?.1,
                !(word == "p" && i + 1 >= words.count)
            {
                words[i] = full
            }
        }
        slug = words.joined(separator: "-")
        var result = [slug]
        for prefix in ["uy-ban-nhan-dan-", "ubnd-"] where slug.hasPrefix(prefix) {
            result.append(String(slug.dropFirst(prefix.count)))
        }
        return result
    }

    func unit(_ text: String) -> String? {
        for slug in Self.variants(text) { if let id = bySlug[slug] { return id } }
        return nil
    }

    /// `--unit`: the unit's id (nil, and an error, for a name no unit has).
    func unitOption(_ text: String, log: DiagnosticLog) -> String? {
        guard let id = unit(text) else {
            log.error(
                SourceLocation(file: "--unit", line: 0), "unknown unit \"\(text)\"",
                hint: hint(text))
            return nil
        }
        return id
    }

    func hint(_ text: String) -> DiagnosticText {
        let slug = Self.variants(text).last ?? Slug.make(text)
        if let best = bySlug.keys.map({ ($0, Spelling.distance(slug, $0)) }).min(by: {
            ($0.1, $0.0) < ($1.1, $1.0)
        }), best.1 <= 3 {
            return "did you mean \"\(bySlug[best.0]!)\"?"
        }
        return "unit ids are listed in units.yml"
    }
}
