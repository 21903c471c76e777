import ArgumentParser
import CongkhaiCore
import CongkhaiKit
import Foundation

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site's content folder.", valueName: "dir"))
    var content = "Content"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The site's templates; they override the default theme file by file.", valueName: "dir")
    )
    var templates = "Templates"

    @Flag(name: .long, help: "Include articles marked `draft: true`.")
    var drafts = false

    @Flag(
        name: .long,
        help:
            "Include articles dated after the build date (a preview: they are marked \"sẽ đăng ngày …\")."
    )
    var future = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The day the site is built for (YYYY-MM-DD): staleness is judged from it. Default: SOURCE_DATE_EPOCH, else today in Vietnam.",
            valueName: "date"))
    var buildDate: String?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @OptionGroup var messages: LanguageOption

    var language: MessageLanguage { messages.language }

    func resolvedBuildDate() throws -> CalendarDay {
        if let buildDate {
            guard let day = CalendarDay(iso: buildDate) else {
                throw ValidationError(
                    language.say("--build-date must be YYYY-MM-DD, not \"\(buildDate)\""))
            }
            return day
        }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int(epoch) else {
                throw ValidationError(
                    language.say("SOURCE_DATE_EPOCH must be whole seconds, not \"\(epoch)\""))
            }
            return Timestamp(epochSeconds: seconds).vietnamDay
        }
        return Timestamp(epochSeconds: Int(Date().timeIntervalSince1970)).vietnamDay
    }

    func buildOptions(output: String) throws -> BuildOptions {
        var options = BuildOptions(
            contentPath: content, templatesPath: templates, outputPath: output,
            includeDrafts: drafts,
            buildDate: try resolvedBuildDate(), strict: strict)
        options.includeFuture = future
        return options
    }
}

/// Lists the articles waiting for their day, on stdout: not a problem, a reminder.
enum ScheduledPrinter {
    static func print(_ scheduled: [ScheduledArticle], in language: MessageLanguage) {
        for article in scheduled { language.printLine("scheduled: \(article.description)") }
    }
}

/// Prints diagnostics the one way they are shown: `file:line:col: error: message`, on stderr.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic], in language: MessageLanguage) {
        for diagnostic in diagnostics {
            Console.current.errorLine(diagnostic.rendered(in: language))
        }
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        if errors + warnings > 0 {
            language.printError("\(errors) error(s), \(warnings) warning(s)")
        }
    }
}
