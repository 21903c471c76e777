import CongkhaiCore
import Foundation
import Yams

/// A column of a declared dataset that holds text (a note, a name). Files may carry it; nothing
/// is computed from it, so it is not a `ColumnSpec`.
package struct TextColumnSpec: Sendable, Equatable {
    package var name: String
    package var title: String

    package init(name: String, title: String) {
        self.name = name
        self.title = title
    }
}

/// What `datasets.yml` declares.
package struct DatasetDeclarations: Sendable, Equatable {
    /// The declared datasets, in file order (`builtIn: false`).
    package var schemas: [DatasetSchema]
    /// Text columns by dataset id: header texts the metrics loader accepts and ignores.
    package var textColumns: [String: [TextColumnSpec]]

    package init(schemas: [DatasetSchema] = [], textColumns: [String: [TextColumnSpec]] = [:]) {
        self.schemas = schemas
        self.textColumns = textColumns
    }
}

/// Reads `Content/datasets.yml` (optional): datasets a site adds to the four built-in ones.
/// The keys are documented in the header comment of Gò Vấp's `datasets.yml`; in addition a column
/// may have `aggregate: sum | latest`, `aliases: [...]` and `required: false`, a dataset
/// `by_field: true`, and a measure `denominator_label` and `bounded: false` (a ratio that may
/// exceed 100%; otherwise every ratio's numerator may not exceed its denominator in any row).
package enum DatasetDeclarationLoader {
    package static let fileName = "datasets.yml"

    static let datasetKeys = [
        "id", "title", "period", "by_field", "reported_by", "columns", "measures",
    ]
    static let columnKeys = ["name", "title", "type", "aggregate", "aliases", "required"]
    static let measureKeys = ["id", "title", "formula", "denominator_label", "bounded"]
    static let periods: [String: DatasetSchema.Granularity] = [
        "month": .monthOrQuarter, "quarter": .quarter, "year": .year,
    ]
    /// Column names every file has already.
    static let keyColumns = ["unit", "period", "field"]

    /// The declared datasets; `[]` when the site has no `datasets.yml`.
    package static func load(
        _ content: ContentDirectory, unitIDs: [String], log: DiagnosticLog
    ) -> [DatasetSchema] {
        loadDeclarations(content, unitIDs: unitIDs, log: log).schemas
    }

    /// The declared datasets and their text columns.
    package static func loadDeclarations(
        _ content: ContentDirectory, unitIDs: [String], log: DiagnosticLog
    ) -> DatasetDeclarations {
        guard content.exists(fileName) else { return DatasetDeclarations() }
        let display = content.display(fileName)
        guard let text = content.readText(fileName, log: log) else {
            return DatasetDeclarations()
        }
        return parse(text, file: display, unitIDs: unitIDs, log: log)
    }

    /// Parses the text of a `datasets.yml`; diagnostics name `file`. Units in `reported_by` are
    /// checked against `unitIDs` unless it is empty (units.yml could not be read).
    package static func parse(
        _ text: String, file: String, unitIDs: [String], log: DiagnosticLog
    ) -> DatasetDeclarations {
        guard let document = YAMLDocument.parse(text, file: file, log: log) else {
            return DatasetDeclarations()
        }
        guard let root = document.root else { return DatasetDeclarations() }
        guard let items = root.sequence else {
            log.error(
                document.location(of: root),
                "\(fileName) must be a list of datasets, each starting with `- id: …`")
            return DatasetDeclarations()
        }
        var result = DatasetDeclarations()
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let record = YAMLRecord(item, in: document, log: log, what: "a dataset") else {
                continue
            }
            if let (schema, text) = dataset(record, seen: &seen, unitIDs: unitIDs) {
                result.schemas.append(schema)
                if !text.isEmpty { result.textColumns[schema.id] = text }
            }
        }
        return result
    }

    /// `[a-z][a-z0-9_]*`: dataset ids, column names, measure ids.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, (0x61...0x7A).contains(first) else { return false }
        return text.utf8.allSatisfy {
            (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F
        }
    }

    /// A suggestion for a bad identifier: `E-Office` → `e_office`.
    static func identifierHint(_ text: String) -> DiagnosticText? {
        let suggestion = Slug.make(text).replacingOccurrences(of: "-", with: "_")
        return isIdentifier(suggestion) ? "e.g. \"\(suggestion)\"" : nil
    }

    private static func dataset(
        _ record: YAMLRecord, seen: inout [String: SourceLocation],
        unitIDs: [String]
    ) -> (DatasetSchema, [TextColumnSpec])? {
        let log = record.log
        record.warnUnknownKeys(allowed: datasetKeys)
        guard let id = record.string("id", required: true) else { return nil }
        guard isIdentifier(id) else {
            log.error(
                record.valueLocation("id"),
                "dataset id \"\(id)\" may use only a-z, 0-9 and _, and must start with a letter",
                hint: identifierHint(id))
            return nil
        }
        if BuiltInDatasets.named(id) != nil {
            log.error(
                record.valueLocation("id"), "dataset id \"\(id)\" is a built-in dataset",
                hint:
                    "choose another id; the built-in datasets are \(BuiltInDatasets.all.map(\.id).joined(separator: ", "))"
            )
            return nil
        }
        if let first = seen[id] {
            log.error(
                record.valueLocation("id"), "duplicate dataset id \"\(id)\"",
                hint: "first declared at \(first.file):\(first.line)")
            return nil
        }
        seen[id] = record.valueLocation("id")

        let title = record.string("title", required: true) ?? id
        var granularity: DatasetSchema.Granularity?
        if let text = record.string("period", required: true) {
            granularity = periods[text]
            if granularity == nil {
                let names = ["month", "quarter", "year"]
                log.error(
                    record.valueLocation("period"),
                    "period must be month, quarter or year, not \"\(text)\"",
                    hint: Spelling.closest(to: text.lowercased(), among: names, maxDistance: 3).map
                    { "did you mean \"\($0)\"?" })
            }
        }
        let byField = record.bool("by_field") ?? false
        let reportedBy = reportedBy(record, unitIDs: unitIDs)
        let (columns, textColumns) = columns(record, dataset: id)
        let measures = measures(record, dataset: id, columns: columns, textColumns: textColumns)

        guard let granularity else { return nil }
        var bounds: [Bound] = []
        for measure in measures.list where measures.bounded.contains(measure.id) {
            if case .ratio(let numerator, let denominator) = measure.formula {
                let bound = Bound(part: numerator, whole: denominator)
                if !bounds.contains(bound) { bounds.append(bound) }
            }
        }
        let schema = DatasetSchema(
            id: id, title: title, byField: byField, granularity: granularity, columns: columns,
            measures: measures.list, bounds: bounds, reportedBy: reportedBy, builtIn: false,
            location: record.location)
        return (schema, textColumns)
    }

    private static func reportedBy(
        _ record: YAMLRecord, unitIDs: [String]
    ) -> DatasetSchema.ReportedBy? {
        guard let node = record.value("reported_by") else { return nil }
        let log = record.log, document = record.document
        let shape: DiagnosticText =
            "`reported_by` must be { units: [unit ids] } or { kinds: [agency, ward, service-unit] }"
        guard let inner = YAMLRecord(node, in: document, log: log, what: "`reported_by`") else {
            return nil
        }
        inner.warnUnknownKeys(allowed: ["units", "kinds"])
        let hasUnits = inner.value("units") != nil, hasKinds = inner.value("kinds") != nil
        guard hasUnits != hasKinds else {
            log.error(document.location(of: node), shape)
            return nil
        }
        if hasUnits {
            guard let items = list(inner, "units") else { return nil }
            var units: [String] = []
            for (unit, location) in items {
                if !unitIDs.isEmpty && !unitIDs.contains(unit) {
                    log.error(
                        location, "unknown unit \"\(unit)\" in reported_by",
                        hint: Spelling.closest(to: unit, among: unitIDs, maxDistance: 3).map {
                            "did you mean \"\($0)\"?"
                        }
                            ?? "unit ids are listed in units.yml")
                } else if !units.contains(unit) {
                    units.append(unit)
                }
            }
            return .units(units)
        }
        guard let items = list(inner, "kinds") else { return nil }
        var kinds: [Unit.Kind] = []
        let names = Unit.Kind.allCases.map(\.rawValue)
        for (name, location) in items {
            guard let kind = Unit.Kind(rawValue: name) else {
                log.error(
                    location, "unknown unit kind \"\(name)\" in reported_by",
                    hint: Spelling.closest(to: name, among: names).map { "did you mean \"\($0)\"?" }
                        ?? "use one of: \(names.joined(separator: ", "))")
                continue
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        return .kinds(kinds)
    }

    private static func columns(
        _ record: YAMLRecord, dataset: String
    ) -> ([ColumnSpec], [TextColumnSpec]) {
        let log = record.log, document = record.document
        guard let node = record.value("columns") else {
            log.error(record.location, "a dataset is missing `columns`")
            return ([], [])
        }
        guard let items = node.sequence, !items.isEmpty else {
            log.error(
                document.location(of: node),
                "`columns` must be a list of { name, title, type: integer | text }")
            return ([], [])
        }
        var columns: [ColumnSpec] = []
        var texts: [TextColumnSpec] = []
        var seen: Set<String> = []
        for item in items {
            guard let column = YAMLRecord(item, in: document, log: log, what: "a column") else {
                continue
            }
            column.warnUnknownKeys(allowed: columnKeys)
            guard let name = column.string("name", required: true) else { continue }
            guard isIdentifier(name) else {
                log.error(
                    column.valueLocation("name"),
                    "column name \"\(name)\" may use only a-z, 0-9 and _, and must start with a letter",
                    hint: identifierHint(name))
                continue
            }
            if keyColumns.contains(name) {
                log.error(
                    column.valueLocation("name"), "column name \"\(name)\" is a key column",
                    hint:
                        "every file starts with unit and period (and field); list only the other columns"
                )
                continue
            }
            guard seen.insert(name).inserted else {
                log.error(
                    column.valueLocation("name"),
                    "duplicate column \"\(name)\" in dataset \(dataset)")
                continue
            }
            let title = column.string("title", required: true) ?? name
            var isText = false
            if let type = column.string("type") {
                switch type {
                case "integer": break
                case "text": isText = true
                default:
                    log.error(
                        column.valueLocation("type"),
                        "column type must be integer or text, not \"\(type)\"",
                        hint: Spelling.closest(
                            to: type, among: ["integer", "text"], maxDistance: 3
                        ).map { "did you mean \"\($0)\"?" })
                    continue
                }
            }
            var aggregation = ColumnSpec.Aggregation.sum
            if let text = column.string("aggregate") {
                guard let value = ColumnSpec.Aggregation(rawValue: text) else {
                    log.error(
                        column.valueLocation("aggregate"),
                        "aggregate must be sum or latest, not \"\(text)\"",
                        hint:
                            "sum: a quarter adds its months (counts of events); latest: a quarter takes its last month (a stock)"
                    )
                    continue
                }
                aggregation = value
            }
            let aliases = column.stringList("aliases") ?? []
            let required = column.bool("required") ?? true
            if isText {
                texts.append(TextColumnSpec(name: name, title: title))
            } else {
                columns.append(
                    ColumnSpec(
                        name, title: title, aliases: aliases, required: required,
                        aggregation: aggregation))
            }
        }
        if columns.isEmpty && !items.isEmpty && !texts.isEmpty {
            log.error(
                document.location(of: node), "dataset \(dataset) has no integer column",
                hint: "measures add integer columns")
        }
        return (columns, texts)
    }

    private struct Measures {
        var list: [Measure] = []
        /// Ratios whose numerator may not exceed their denominator.
        var bounded: Set<String> = []
    }

    private static func measures(
        _ record: YAMLRecord, dataset: String, columns: [ColumnSpec],
        textColumns: [TextColumnSpec]
    ) -> Measures {
        let log = record.log, document = record.document
        var result = Measures()
        guard let node = record.value("measures") else { return result }
        guard let items = node.sequence else {
            log.error(
                document.location(of: node), "`measures` must be a list of { id, title, formula }")
            return result
        }
        var seen: Set<String> = []
        for item in items {
            guard let measure = YAMLRecord(item, in: document, log: log, what: "a measure") else {
                continue
            }
            measure.warnUnknownKeys(allowed: measureKeys)
            guard let id = measure.string("id", required: true) else { continue }
            guard isIdentifier(id) else {
                log.error(
                    measure.valueLocation("id"),
                    "measure id \"\(id)\" may use only a-z, 0-9 and _, and must start with a letter",
                    hint: identifierHint(id))
                continue
            }
            guard seen.insert(id).inserted else {
                log.error(
                    measure.valueLocation("id"),
                    "duplicate measure id \"\(id)\" in dataset \(dataset)")
                continue
            }
            let title = measure.string("title", required: true) ?? id
            let label = measure.string("denominator_label")
            let bounded = measure.bool("bounded") ?? true
            guard let formulaNode = measure.value("formula") else {
                log.error(measure.location, "a measure is missing `formula`")
                continue
            }
            guard
                let formula = formula(
                    formulaNode, measure: id, in: document, log: log,
                    columns: columns, textColumns: textColumns)
            else { continue }
            result.list.append(
                Measure(id: id, title: title, formula: formula, denominatorLabel: label))
            if bounded { result.bounded.insert(id) }
        }
        return result
    }

    static let formulaShape: DiagnosticText =
        "formula must be { ratio: { numerator: [columns], denominator: [columns] } } or { sum: [columns] }"

    private static func formula(
        _ node: Yams.Node, measure: String, in document: YAMLDocument, log: DiagnosticLog,
        columns: [ColumnSpec], textColumns: [TextColumnSpec]
    ) -> Formula? {
        guard let mapping = node.mapping, mapping.count == 1, let (keyNode, value) = mapping.first,
            let key = keyNode.string
        else {
            log.error(document.location(of: node), formulaShape)
            return nil
        }
        func columnList(_ node: Yams.Node?, at fallback: SourceLocation) -> [String]? {
            guard let node, let items = listItems(node, in: document), !items.isEmpty else {
                log.error(node.map { document.location(of: $0) } ?? fallback, formulaShape)
                return nil
            }
            var names: [String] = []
            var ok = true
            for (name, location) in items {
                if columns.contains(where: { $0.key == name }) {
                    names.append(name)
                } else if textColumns.contains(where: { $0.name == name }) {
                    log.error(
                        location,
                        "column \"\(name)\" is text; measure \(measure) can only use integer columns"
                    )
                    ok = false
                } else {
                    let keys = columns.map(\.key)
                    log.error(
                        location, "unknown column \"\(name)\" in measure \(measure)",
                        hint: Spelling.closest(to: name, among: keys, maxDistance: 3).map {
                            "did you mean \"\($0)\"?"
                        }
                            ?? "the columns are \(keys.joined(separator: ", "))")
                    ok = false
                }
            }
            return ok ? names : nil
        }
        switch key {
        case "ratio":
            guard let parts = value.mapping else {
                log.error(document.location(of: value), formulaShape)
                return nil
            }
            for partKey in parts.keys {
                guard let name = partKey.string, name != "numerator", name != "denominator" else {
                    continue
                }
                log.warning(
                    document.location(of: partKey), "unknown key `\(name)` in a ratio",
                    hint: Spelling.closest(
                        to: name, among: ["numerator", "denominator"], maxDistance: 3
                    )
                    .map { "did you mean `\($0)`?" } ?? "a ratio has `numerator` and `denominator`")
            }
            let at = document.location(of: value)
            let numerator = columnList(parts["numerator"], at: at)
            let denominator = columnList(parts["denominator"], at: at)
            guard let numerator, let denominator else { return nil }
            return .ratio(numerator: numerator, denominator: denominator)
        case "sum":
            guard let list = columnList(value, at: document.location(of: value)) else { return nil }
            return .sum(list)
        default:
            log.error(
                document.location(of: keyNode), "unknown formula `\(key)`",
                hint: Spelling.closest(to: key, among: ["ratio", "sum"]).map {
                    "did you mean `\($0)`?"
                } ?? formulaShape)
            return nil
        }
    }

    /// A list of text items with their places (a single text counts as a list of one).
    private static func listItems(
        _ node: Yams.Node, in document: YAMLDocument
    ) -> [(String, SourceLocation)]? {
        if let sequence = node.sequence {
            var items: [(String, SourceLocation)] = []
            for item in sequence {
                guard let scalar = item.scalar else { return nil }
                items.append(
                    (
                        scalar.string.trimmingCharacters(in: .whitespaces),
                        document.location(of: item)
                    ))
            }
            return items
        }
        if let scalar = node.scalar, !scalar.string.isEmpty {
            return [
                (scalar.string.trimmingCharacters(in: .whitespaces), document.location(of: node))
            ]
        }
        return nil
    }

    private static func list(_ record: YAMLRecord, _ key: String) -> [(String, SourceLocation)]? {
        guard let node = record.value(key) else { return nil }
        guard let items = listItems(node, in: record.document) else {
            record.log.error(
                record.document.location(of: node), "`\(key)` must be a list, e.g. [a, b]")
            return nil
        }
        return items
    }
}
