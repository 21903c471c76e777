/// The language messages are shown in: English, or Vietnamese for the clerks and editors who
/// meet them (`--lang vi`, or a `vi` locale in `LC_ALL`, `LC_MESSAGES` or `LANG`).
public enum MessageLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case vietnamese = "vi"

    /// `vi`, `vi_VN`, `vi-VN`, `vi_VN.UTF-8`, `Vietnamese`… are Vietnamese; `en`, `en_US` English.
    public init?(code: String) {
        let lower = code.lowercased()
        if lower == "vi" || lower.hasPrefix("vi_") || lower.hasPrefix("vi-")
            || lower.hasPrefix("vi.") || lower == "vietnamese" || lower == "tiếng việt"
        {
            self = .vietnamese
        } else if lower == "en" || lower.hasPrefix("en_") || lower.hasPrefix("en-")
            || lower.hasPrefix("en.") || lower == "english"
            || lower == "c" || lower.hasPrefix("c.") || lower == "posix"
        {
            self = .english
        } else {
            return nil
        }
    }

    /// The language the POSIX locale variables choose: the first of `LC_ALL`, `LC_MESSAGES`,
    /// `LANG` that is set and not empty decides; Vietnamese when it is a `vi` locale.
    public static func fromEnvironment(_ environment: [String: String]) -> MessageLanguage {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return MessageLanguage(code: value) == .vietnamese ? .vietnamese : .english
            }
        }
        return .english
    }

    /// How a diagnostic's severity is written.
    public func word(for severity: Diagnostic.Severity) -> String {
        switch (self, severity) {
        case (.english, _): return severity.rawValue
        case (.vietnamese, .error): return "lỗi"
        case (.vietnamese, .warning): return "cảnh báo"
        }
    }

    /// The word before a diagnostic's hint.
    public var noteWord: String { self == .english ? "note" : "gợi ý" }

    /// A sentence of the command line's own (a summary, a prompt), through the catalogue.
    public func say(_ text: DiagnosticText) -> String { text.rendered(in: self) }
}
