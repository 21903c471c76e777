/// The text of a diagnostic in every language the catalogue knows.
///
/// A call site writes an ordinary string literal, `"bad date \"\(text)\""`; the literal becomes
/// a key with one `%@` per interpolation (`bad date "%@"`) and the interpolated values as
/// arguments. `MessageCatalogue` maps the key to its Vietnamese text; an argument that is itself
/// a `DiagnosticText` (a word like "unit" that the sentence names) is translated too, anything
/// else (a file's own text, a number) is shown as it is.
public struct DiagnosticText: Hashable, Sendable, ExpressibleByStringInterpolation,
    CustomStringConvertible
{
    public enum Argument: Hashable, Sendable {
        /// Shown as it is: user data, numbers, ids.
        case verbatim(String)
        /// A nested text, translated with the sentence.
        case text(DiagnosticText)
        /// A number, `value` × 10^`decimals` rounded: `14236` and `0.21` in English, `14.236`
        /// and `0,21` in Vietnamese, as the site's pages write them.
        case number(scaled: Int, decimals: Int)

        func rendered(in language: MessageLanguage) -> String {
            switch self {
            case .verbatim(let text): return text
            case .text(let text): return text.rendered(in: language)
            case .number(let scaled, let decimals):
                if language == .vietnamese {
                    return VietnameseNumber.decimal(scaled: scaled, decimals: decimals)
                }
                guard decimals > 0 else { return String(scaled) }
                var divisor = 1
                for _ in 0..<decimals { divisor *= 10 }
                let fraction = String(scaled.magnitude % UInt(divisor))
                return (scaled < 0 ? "-" : "") + String(scaled.magnitude / UInt(divisor)) + "."
                    + String(repeating: "0", count: decimals - fraction.count) + fraction
            }
        }
    }

    /// The English text with `%@` for each argument and `%%` for a percent sign.
    public let key: String
    public let arguments: [Argument]

    public init(key: String, arguments: [Argument] = []) {
        self.key = key
        self.arguments = arguments
    }

    /// A text that has no translation of its own (a library's message): shown as it is in
    /// every language.
    public init(verbatim text: String) {
        self.init(key: "%@", arguments: [.verbatim(text)])
    }

    public init(stringLiteral value: String) {
        self.init(key: Self.escape(value))
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(key: stringInterpolation.key, arguments: stringInterpolation.arguments)
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var key = ""
        var arguments: [Argument] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            key.reserveCapacity(literalCapacity + 2 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            key += DiagnosticText.escape(literal)
        }

        public mutating func appendInterpolation(_ text: DiagnosticText) {
            key += "%@"
            arguments.append(.text(text))
        }

        /// A count, grouped by thousands in Vietnamese: `"built \(count: n) files"`.
        public mutating func appendInterpolation(count value: Int) {
            key += "%@"
            arguments.append(.number(scaled: value, decimals: 0))
        }

        /// A measure with `decimals` places, with a decimal comma in Vietnamese.
        public mutating func appendInterpolation(_ value: Double, decimals: Int) {
            key += "%@"
            var power = 1.0
            for _ in 0..<decimals { power *= 10 }
            arguments.append(.number(scaled: Int((value * power).rounded()), decimals: decimals))
        }

        public mutating func appendInterpolation<T>(_ value: T) {
            key += "%@"
            arguments.append(.verbatim(String(describing: value)))
        }
    }

    /// The English text.
    public var description: String { rendered(in: .english) }

    /// The text in `language`; English where the catalogue has no translation.
    public func rendered(in language: MessageLanguage) -> String {
        let format = language == .english ? key : (MessageCatalogue.vietnamese[key] ?? key)
        return Self.format(format, arguments.map { $0.rendered(in: language) })
    }

    /// This text and every text among its arguments have a Vietnamese translation (a text
    /// without words, `%@ (%@) ≠ %@ (%@)` or a verbatim one, is the same in every language).
    public var isCatalogued: Bool {
        (!key.contains(where: \.isLetter) || MessageCatalogue.vietnamese[key] != nil)
            && arguments.allSatisfy {
                if case .text(let inner) = $0 { return inner.isCatalogued } else { return true }
            }
    }

    static func escape(_ literal: String) -> String {
        literal.contains("%") ? literal.replacingOccurrences(of: "%", with: "%%") : literal
    }

    /// Fills `%@` (in order) and `%1$@`, `%2$@`… (by position), and turns `%%` into `%`.
    static func format(_ format: String, _ values: [String]) -> String {
        guard format.contains("%") else { return format }
        var out = ""
        var next = 0
        var scalars = Array(format.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            guard c == "%" else { out.unicodeScalars.append(c); continue }
            if scalars.first == "%" { scalars.removeFirst(); out += "%"; continue }
            if scalars.first == "@" {
                scalars.removeFirst()
                out += next < values.count ? values[next] : ""
                next += 1
                continue
            }
            // %N$@
            var digits = ""
            var probe = scalars
            while let d = probe.first, ("0"..."9").contains(d) {
                digits.unicodeScalars.append(d); probe.removeFirst()
            }
            if !digits.isEmpty, probe.first == "$", probe.dropFirst().first == "@",
                let n = Int(digits), n >= 1
            {
                scalars = probe.dropFirst(2)
                out += n <= values.count ? values[n - 1] : ""
                continue
            }
            out += "%"
        }
        return out
    }

    /// The number of arguments a format takes (for the catalogue's own test).
    static func placeholderCount(_ format: String) -> Int {
        var count = 0, positional = 0
        var scalars = Array(format.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            guard c == "%" else { continue }
            if scalars.first == "%" { scalars.removeFirst(); continue }
            if scalars.first == "@" { scalars.removeFirst(); count += 1; continue }
            var digits = ""
            while let d = scalars.first, ("0"..."9").contains(d) {
                digits.unicodeScalars.append(d); scalars.removeFirst()
            }
            if let n = Int(digits) { positional = max(positional, n) }
        }
        return max(count, positional)
    }
}

extension DiagnosticText {
    /// Joins texts with `separator`, each translated with the sentence.
    public static func list(_ items: [DiagnosticText], separator: String = ", ") -> DiagnosticText {
        guard let first = items.first else { return DiagnosticText(key: "") }
        var key = "%@", arguments: [Argument] = [.text(first)]
        for item in items.dropFirst() {
            key += escape(separator) + "%@"
            arguments.append(.text(item))
        }
        return DiagnosticText(key: key, arguments: arguments)
    }
}
