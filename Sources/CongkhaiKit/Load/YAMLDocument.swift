import CongkhaiCore
import Yams

/// A parsed YAML text with enough context to point diagnostics at its lines.
struct YAMLDocument {
    var root: Yams.Node?
    var file: String
    /// Added to YAML's own line numbers (front matter starts below the `---` fence).
    var lineOffset: Int

    /// Parses `text`; on a syntax error reports YAML's own line and column and returns nil.
    static func parse(
        _ text: String, file: String, firstLine: Int = 1, log: DiagnosticLog
    ) -> YAMLDocument? {
        do {
            // The basic resolver keeps every scalar a string: loaders parse numbers, dates and booleans
            // themselves (with located diagnostics), and skipping the regex-based tag resolution is faster.
            // UTF-8 named explicitly: Yams' default reads the whole environment on every call.
            let root = try Yams.compose(yaml: text, .basic, .default, .utf8)
            return YAMLDocument(root: root, file: file, lineOffset: firstLine - 1)
        } catch let error as YamlError {
            let (mark, message) = describe(error)
            log.error(
                SourceLocation(
                    file: file, line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1),
                "YAML syntax: \(message)")
            return nil
        } catch {
            log.error(
                SourceLocation(file: file, line: firstLine, column: 1), "YAML syntax: \(error)")
            return nil
        }
    }

    func location(of node: Yams.Node?) -> SourceLocation {
        guard let mark = node?.mark else {
            return SourceLocation(file: file, line: lineOffset + 1, column: 1)
        }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    private static func describe(_ error: YamlError) -> (Mark?, String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            return (mark, problem + detail)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark, "duplicate key \(duplicates.joined(separator: ", "))")
        case let .reader(problem, _, _, _):
            return (nil, problem)
        default:
            return (nil, "\(error)")
        }
    }
}

/// Reads one YAML mapping (a front matter, an entry of units.yml) with located diagnostics.
struct YAMLRecord {
    let document: YAMLDocument
    let node: Yams.Node
    let log: DiagnosticLog
    let what: DiagnosticText
    /// Values by key, built once: Yams' mapping subscript compares every key node each time.
    private let values: [String: Yams.Node]

    init?(_ node: Yams.Node?, in document: YAMLDocument, log: DiagnosticLog, what: DiagnosticText) {
        guard let node, node.mapping != nil else {
            log.error(
                document.location(of: node), "\(what) must be a mapping of `key: value` lines")
            return nil
        }
        self.document = document
        self.node = node
        self.log = log
        self.what = what
        var values: [String: Yams.Node] = [:]
        for (key, value) in node.mapping! {
            if let name = key.string, values[name] == nil { values[name] = value }
        }
        self.values = values
    }

    var location: SourceLocation { document.location(of: node) }

    /// The value node for `key`, if present.
    func value(_ key: String) -> Yams.Node? { values[key] }

    /// Where to point for `key`: its value, else the start of the mapping.
    func location(_ key: String) -> SourceLocation {
        if let keyNode = node.mapping?.keys.first(where: { $0.string == key }) {
            return document.location(of: keyNode)
        }
        return location
    }

    func valueLocation(_ key: String) -> SourceLocation { document.location(of: value(key)) }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key) else {
            if required { log.error(location, "\(what) is missing `\(key)`") }
            return nil
        }
        guard let scalar = value.scalar else {
            log.error(document.location(of: value), "`\(key)` must be text")
            return nil
        }
        let text = YAMLRecord.trimmed(scalar.string)
        if required && text.isEmpty {
            log.error(document.location(of: value), "`\(key)` is empty")
            return nil
        }
        // YAML's `~`/`null` means absent.
        if scalar.style == .plain && (text == "~" || text == "null") { return required ? nil : nil }
        return text
    }

    func int(_ key: String, required: Bool = false) -> Int? {
        guard let text = string(key, required: required) else { return nil }
        guard let n = Int(text) else {
            log.error(valueLocation(key), "`\(key)` must be a whole number, not \"\(text)\"")
            return nil
        }
        return n
    }

    func double(_ key: String, required: Bool = false) -> Double? {
        guard let text = string(key, required: required) else { return nil }
        guard let n = Double(text) else {
            log.error(valueLocation(key), "`\(key)` must be a number, not \"\(text)\"")
            return nil
        }
        return n
    }

    func bool(_ key: String) -> Bool? {
        guard let text = string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            log.error(valueLocation(key), "`\(key)` must be true or false, not \"\(text)\"")
            return nil
        }
    }

    /// A list of strings; a single string is accepted as a list of one.
    func stringList(_ key: String) -> [String]? {
        guard let value = value(key) else { return nil }
        if let sequence = value.sequence {
            var items: [String] = []
            for item in sequence {
                guard let scalar = item.scalar else {
                    log.error(document.location(of: item), "each item of `\(key)` must be text")
                    continue
                }
                items.append(Self.trimmed(scalar.string))
            }
            return items
        }
        if let scalar = value.scalar, !scalar.string.isEmpty { return [scalar.string] }
        log.error(
            document.location(of: value),
            "`\(key)` must be a list, e.g. [\"một cửa\", \"bưu chính\"]")
        return nil
    }

    /// Trims surrounding whitespace; most values have none, and Foundation's trimming is costly.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        return isSpace(first) || isSpace(last)
            ? text.trimmingCharacters(in: .whitespacesAndNewlines) : text
    }

    /// Warns about keys this record does not know, with a suggestion when one is close.
    func warnUnknownKeys(allowed: [String]) {
        guard let mapping = node.mapping else { return }
        for key in mapping.keys {
            guard let name = key.string, !allowed.contains(name) else { continue }
            let hint: DiagnosticText =
                Spelling.closest(to: name, among: allowed).map { "did you mean `\($0)`?" }
                ?? "known keys: \(allowed.joined(separator: ", "))"
            log.warning(document.location(of: key), "unknown key `\(name)` in \(what)", hint: hint)
        }
    }
}
