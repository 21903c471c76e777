import CongkhaiCore
import Yams

/// Reads `units.yml` and `fields.yml`: the lists every other file refers to by id.
enum UnitsLoader {
    static let unitsFile = "units.yml"
    static let fieldsFile = "fields.yml"
    static let unitKeys = ["id", "name", "kind", "short", "renamed"]

    static func loadUnits(_ content: ContentDirectory, log: DiagnosticLog) -> [Unit] {
        guard let (document, items) = list(file: unitsFile, content: content, log: log) else {
            return []
        }
        var units: [Unit] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let record = YAMLRecord(item, in: document, log: log, what: "a unit") else {
                continue
            }
            record.warnUnknownKeys(allowed: unitKeys)
            // Each key checked before the unit is dropped: all of an entry's mistakes at once.
            let id = validID(record, seen: &seen, log: log)
            let name = record.string("name", required: true)
            let kindText = record.string("kind", required: true) ?? ""
            let kind = Unit.Kind(rawValue: kindText)
            if kind == nil && !kindText.isEmpty {
                log.error(
                    record.valueLocation("kind"), "unknown unit kind \"\(kindText)\"",
                    hint:
                        "use one of: \(Unit.Kind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            guard let id, let name, let kind else { continue }
            var renames: [Unit.Rename] = []
            if let list = record.value("renamed") {
                for entry in list.sequence ?? [] {
                    guard let rename = YAMLRecord(entry, in: document, log: log, what: "a rename")
                    else { continue }
                    rename.warnUnknownKeys(allowed: ["from", "name", "short"])
                    guard let fromText = rename.string("from", required: true),
                        let newName = rename.string("name", required: true)
                    else { continue }
                    guard let from = CalendarDay(iso: fromText) else {
                        log.error(
                            rename.valueLocation("from"),
                            "`from` must be a date YYYY-MM-DD, not \"\(fromText)\"")
                        continue
                    }
                    renames.append(
                        Unit.Rename(from: from, name: newName, short: rename.string("short")))
                }
                if list.sequence == nil {
                    log.error(
                        document.location(of: list), "`renamed` must be a list of {from, name}")
                }
            }
            units.append(
                Unit(
                    id: id, name: name, kind: kind, short: record.string("short") ?? name,
                    renamed: renames, location: record.location))
        }
        return units
    }

    static func loadFields(_ content: ContentDirectory, log: DiagnosticLog) -> [Field] {
        guard
            let (document, items) = list(
                file: fieldsFile, content: content, log: log, required: false)
        else { return [] }
        var fields: [Field] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let record = YAMLRecord(item, in: document, log: log, what: "a field") else {
                continue
            }
            record.warnUnknownKeys(allowed: ["id", "name", "aliases"])
            let id = validID(record, seen: &seen, log: log)
            let name = record.string("name", required: true)
            guard let id, let name else { continue }
            fields.append(
                Field(
                    id: id, name: name, aliases: record.stringList("aliases") ?? [],
                    location: record.location))
        }
        return fields
    }

    /// Opens a YAML file whose top level is a list.
    static func list(
        file: String, content: ContentDirectory, log: DiagnosticLog,
        required: Bool = true
    ) -> (YAMLDocument, [Yams.Node])? {
        let display = content.display(file)
        guard content.exists(file) else {
            if required { log.error(SourceLocation(file: display), "missing \(file)") }
            return nil
        }
        guard let text = content.readText(file, log: log),
            let document = YAMLDocument.parse(text, file: display, log: log)
        else { return nil }
        guard let root = document.root else { return (document, []) }
        guard let items = root.sequence else {
            log.error(
                document.location(of: root),
                "\(file) must be a list of entries, each starting with `- id: …`")
            return nil
        }
        return (document, Array(items))
    }

    /// An `id` in `[a-z0-9-]`, unique within its file.
    static func validID(
        _ record: YAMLRecord, seen: inout [String: SourceLocation], log: DiagnosticLog
    ) -> String? {
        guard let id = record.string("id", required: true) else { return nil }
        guard Slug.isValid(id) else {
            log.error(
                record.valueLocation("id"), "id \"\(id)\" may use only a-z, 0-9 and -",
                hint: "e.g. \"\(Slug.make(id))\"")
            return nil
        }
        if let first = seen[id] {
            log.error(
                record.valueLocation("id"), "duplicate id \"\(id)\"",
                hint: "first defined at \(first.file):\(first.line)")
            return nil
        }
        seen[id] = record.valueLocation("id")
        return id
    }
}
