import ArgumentParser
import CongkhaiCore
import CongkhaiKit
import Foundation

/// `--lang vi|en`: the language of messages. Without it, a `vi` locale in LC_ALL, LC_MESSAGES or
/// LANG chooses Vietnamese; anything else English.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            "The language of messages: vi (tiếng Việt) or en. Default: vi when LC_ALL, LC_MESSAGES or LANG is a vi locale (LANG=vi_VN.UTF-8), else en.",
            valueName: "vi|en"))
    var lang: MessageLanguage?

    var language: MessageLanguage {
        lang ?? MessageLanguage.fromEnvironment(ProcessInfo.processInfo.environment)
    }
}

extension MessageLanguage: ExpressibleByArgument {
    public init?(argument: String) { self.init(code: argument) }
    public static var allValueStrings: [String] { ["vi", "en"] }
}

/// The command line's own sentences ("content is valid", "2 error(s)…") in the chosen language.
extension MessageLanguage {
    func printLine(_ text: DiagnosticText) { Console.current.line(say(text)) }
    func printError(_ text: DiagnosticText) { Console.current.errorLine(say(text)) }
}
