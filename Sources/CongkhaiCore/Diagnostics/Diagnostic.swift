/// A place in a source file. Lines and columns count from 1; column 0 means "the whole line";
/// line 0 means `file` names the place itself (a spreadsheet cell: `Biểu 06a.xlsx:Sheet1!H13`).
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A spreadsheet cell: `file:sheet!H13`.
    public static func cell(file: String, sheet: String, column: Int, row: Int) -> SourceLocation {
        SourceLocation(file: "\(file):\(sheet)!\(columnLetters(column))\(row)", line: 0, column: 0)
    }

    /// 1 → A, 26 → Z, 27 → AA.
    public static func columnLetters(_ column: Int) -> String {
        var n = column, letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// One problem found in the input, produced by any stage and rendered in one place.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// The message and the hint in every language (`Messages/MessageCatalogue.swift`).
    public var text: DiagnosticText
    public var hintText: DiagnosticText?
    /// The message in English.
    public var message: String { text.description }
    /// The hint in English.
    public var hint: String? { hintText?.description }

    /// `message` and `hint` are ordinary string literals, interpolations and all: each becomes
    /// a catalogue key (see `DiagnosticText`).
    public init(
        _ severity: Severity, _ location: SourceLocation, _ message: DiagnosticText,
        hint: DiagnosticText? = nil
    ) {
        self.severity = severity
        self.location = location
        self.text = message
        self.hintText = hint
    }

    public static func error(
        _ location: SourceLocation, _ message: DiagnosticText, hint: DiagnosticText? = nil
    ) -> Diagnostic {
        Diagnostic(.error, location, message, hint: hint)
    }

    public static func warning(
        _ location: SourceLocation, _ message: DiagnosticText, hint: DiagnosticText? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, location, message, hint: hint)
    }

    /// Compiler style: `path:line:col: error: message`, then the hint on its own line.
    public var description: String { rendered(in: .english) }

    /// The same in `language`: `path:line:col: lỗi: …`, `    gợi ý: …` in Vietnamese.
    public func rendered(in language: MessageLanguage) -> String {
        let place =
            location.line == 0
            ? location.file : "\(location.file):\(location.line):\(location.column)"
        var out = "\(place): \(language.word(for: severity)): \(text.rendered(in: language))"
        if let hintText { out += "\n    \(language.noteWord): \(hintText.rendered(in: language))" }
        return out
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }

    /// Stable order for output: by file, line, column, then message.
    public func sortedForOutput() -> [Diagnostic] {
        sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}

/// Raised when a stage cannot go on; carries every diagnostic found so far.
public struct BuildFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    /// Another build holds the output and this one was told not to wait (`--no-wait`).
    public var outputBusy = false
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
