import CongkhaiCore
import Foundation

/// `check` on a site's own templates: a `{{name}}` that no page rendered with the template
/// provides (a mistyped name renders as empty text, without a word), and a `{{> partial}}` or
/// `{{< parent}}` that does not exist. The names a template may use are read from the data the
/// pages that use it are actually given (`PageRenderer.context`), sampled over the site's pages;
/// a name the default theme uses is accepted too, since some data is there only on some sites
/// (a pager with one page, an article not yet expired). A partial's or layout's place is
/// reported only when no page that includes it has the name.
struct ThemeLint {
    let renderer: PageRenderer
    let pages: [PlannedPage]
    let log: DiagnosticLog

    /// Pages sampled per template, spread over the site: a name present on any of them is known.
    static let samplesPerTemplate = 40
    /// Names swift-mustache gives inside a section over a list.
    static let builtins: Set<String> = ["first", "last", "index", "even", "odd"]

    private var theme: Theme { renderer.theme }

    /// Every name (each part of a dotted name) the default theme's templates use.
    static let defaultThemeNames: Set<String> = {
        var names = Set<String>()
        for (path, text) in DefaultTheme.files where path.hasSuffix(".mustache") {
            for tag in tags(in: text) {
                names.formUnion(tag.name.split(separator: ".").map(String.init))
            }
        }
        return names
    }()

    /// Places found, and places where a name was missing, with what to report there.
    private final class Findings {
        var found = Set<String>()
        var missing:
            [String: (location: SourceLocation, message: DiagnosticText, hint: DiagnosticText)] =
                [:]
    }

    func run() {
        let findings = Findings()
        walkAll(findings)
        for (place, miss) in findings.missing.sorted(by: { $0.key < $1.key })
        where !findings.found.contains(place) {
            log.warning(miss.location, miss.message, hint: miss.hint)
        }
    }

    private func walkAll(_ findings: Findings) {
        var byTemplate: [String: [PlannedPage]] = [:]
        for page in pages {
            let name = renderer.templateName(page.kind)
            if !name.isEmpty { byTemplate[name, default: []].append(page) }
        }
        for name in byTemplate.keys.sorted() {
            let sample = byTemplate[name]!
            let step = max(1, sample.count / Self.samplesPerTemplate)
            var tree = KeyTree()
            for i in stride(from: 0, to: sample.count, by: step) {
                tree.merge(renderer.context(sample[i]), renderer.environment)
            }
            lint(name, stack: [tree], depth: 0, findings: findings)
        }
        // Fragments rendered once with their own data: the header and footer, and an article's card.
        let environment = renderer.environment
        var shared = KeyTree()
        shared.merge(
            ["site": environment.siteData, "nav": [["label": "", "url": "", "current": false]]]
                as [String: Any], environment)
        for name in ["header", "footer"] {
            lint(name, stack: [shared], depth: 0, findings: findings)
        }
        if !environment.content.articles.isEmpty {
            var card = KeyTree()
            card.merge(environment.cardData(0), environment)
            lint("article-card", stack: [card], depth: 0, findings: findings)
        }
    }

    /// Walks a template's tags with the names in scope, noting each place's names found or missing.
    private func lint(_ name: String, stack base: [KeyTree], depth: Int, findings: Findings) {
        guard depth < 8, let source = theme.sources[name] else { return }
        let origin = theme.origins[name] ?? "\(name).mustache"
        let own = !origin.hasPrefix("(default theme)")
        var stack = base
        func report(_ tag: Tag, _ message: DiagnosticText, hint: DiagnosticText) {
            guard own else { return }
            findings.missing["\(origin):\(tag.line):\(tag.column)"] =
                (SourceLocation(file: origin, line: tag.line, column: tag.column), message, hint)
        }
        for tag in Self.tags(in: source) {
            switch tag.kind {
            case .variable, .section, .inverted:
                let found =
                    tag.name == "." || Self.builtins.contains(tag.name)
                    ? KeyTree(open: true) : Self.resolve(tag.name, in: stack)
                let known =
                    found != nil
                    || tag.name.split(separator: ".").allSatisfy {
                        Self.defaultThemeNames.contains(String($0))
                    }
                if known {
                    findings.found.insert("\(origin):\(tag.line):\(tag.column)")
                } else {
                    report(
                        tag, "no page rendered with this template has `\(tag.name)`",
                        hint:
                            "the names each page has are in Sources/CongkhaiKit/Render/*Contexts.swift; check the spelling"
                    )
                }
                if tag.kind == .section { stack.append(found ?? KeyTree(open: true)) }
                if tag.kind == .inverted { stack.append(KeyTree()) }
            case .block:
                stack.append(KeyTree())
            case .close:
                if stack.count > base.count { stack.removeLast() }
            case .partial, .parent:
                guard theme.sources[tag.name] != nil else {
                    report(
                        tag, "template \"\(tag.name).mustache\" does not exist",
                        hint: "add it to the templates folder, or correct the name")
                    if tag.kind == .parent { stack.append(KeyTree(open: true)) }
                    continue
                }
                lint(tag.name, stack: stack, depth: depth + 1, findings: findings)
                if tag.kind == .parent { stack.append(KeyTree()) }
            case .stop:
                return
            }
        }
    }

    /// The names a value offers to a template, and under each name what it offers in turn.
    struct KeyTree {
        var children: [String: KeyTree] = [:]
        /// What lies below is not known: any name is accepted.
        var open = false

        mutating func merge(_ value: Any, _ environment: RenderEnvironment) {
            switch value {
            case let dictionary as [String: Any]:
                for (key, child) in dictionary {
                    children[key, default: KeyTree()].merge(child, environment)
                }
            case let object as TemplateObject:
                merge(object.values, environment)
            case let card as ListedCard:
                merge(environment.cardData(card.index), environment)
                children["html"] = KeyTree()
            case let array as [Any]:
                // A section over a list shows each element's names.
                for element in array { merge(element, environment) }
            default:
                break
            }
        }
    }

    /// `a.b.c` looked up as Mustache does: the first name down the stack, the rest inside it.
    static func resolve(_ name: String, in stack: [KeyTree]) -> KeyTree? {
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return KeyTree(open: true) }
        for scope in stack.reversed() {
            if scope.open { return KeyTree(open: true) }
            guard var node = scope.children[first] else { continue }
            for part in parts.dropFirst() {
                if node.open { return node }
                guard let next = node.children[part] else { return nil }
                node = next
            }
            return node
        }
        return nil
    }

    struct Tag {
        enum Kind { case variable, section, inverted, block, close, partial, parent, stop }
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
    }

    /// The tags of a template with their places (line and column of `{{`, from 1). A tag that
    /// changes the delimiters stops the walk: what follows is not read with `{{ }}`.
    static func tags(in source: String) -> [Tag] {
        var tags: [Tag] = []
        for (number, line) in source.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                var content = afterOpen[..<close.lowerBound]
                var end = close.upperBound
                if content.hasPrefix("{") {
                    content = content.dropFirst()
                    if end < line.endIndex && line[end] == "}" { end = line.index(after: end) }
                }
                rest = line[end...]
                let text = content.trimmingCharacters(in: .whitespaces)
                guard let sigil = text.first else { continue }
                let body = String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
                var kind = Tag.Kind.variable, name = text
                switch sigil {
                case "#": kind = .section; name = body
                case "^": kind = .inverted; name = body
                case "$": kind = .block; name = body
                case "/": kind = .close; name = body
                case ">": kind = .partial; name = body
                case "<": kind = .parent; name = body
                case "&": name = body
                case "!": continue
                case "=":
                    tags.append(Tag(kind: .stop, name: "", line: number + 1, column: column));
                    return tags
                default: break
                }
                // A transform, `uppercased(name)`: the name is inside.
                if let paren = name.firstIndex(of: "("), name.hasSuffix(")") {
                    name = String(
                        name[name.index(after: paren)..<name.index(before: name.endIndex)])
                }
                tags.append(Tag(kind: kind, name: name, line: number + 1, column: column))
            }
        }
        return tags
    }
}
