import ArgumentParser
import CongkhaiImport
import CongkhaiKit
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Import the one-door system's exports (Biểu 06a as .xlsx or .csv) into Content/metrics/.",
        discussion: """
            Reads each FILE: the form as the one-door system exports it (.xlsx, or .csv in UTF-8, UTF-16, Windows-1258 or TCVN3), or a CSV in the canonical columns (unit, period, …). The unit and period come from the form's title rows ("Đơn vị báo cáo: …", "Kỳ báo cáo: Tháng 11 năm 2021") unless --unit and --period say them. Every total is checked; a refused import writes nothing. The unit's rows for that period replace those already in Content/metrics/<dataset>/ (or go into <period>.csv); every other byte of every file stays as it was. Importing the same file twice changes nothing.

            Hướng dẫn bằng tiếng Việt: docs/huong-dan-nhap-so-lieu.md.
            """)

    @Argument(help: ArgumentHelp("dossiers, satisfaction or feedback.", valueName: "dataset"))
    var dataset: String

    @Argument(
        help: ArgumentHelp("The exports (.xlsx or .csv); several at once.", valueName: "file"))
    var files: [String]

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The unit (an id from units.yml), when the form does not name it.", valueName: "id"))
    var unit: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The period (YYYY-MM or YYYY-Qn), when the form does not name it.", valueName: "period")
    )
    var period: String?

    @Option(name: .long, help: ArgumentHelp("The site's content folder.", valueName: "dir"))
    var content = "Content"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The CSV files' encoding: utf-8, utf-16, windows-1258 or tcvn3. Default: detected.",
            valueName: "encoding"))
    var encoding: String?

    @Flag(name: .long, help: "Check and summarise; write nothing.")
    var dryRun = false

    @OptionGroup var messages: LanguageOption

    func run() throws {
        let language = messages.language
        var chosen: TextEncoding?
        if let encoding {
            guard let value = TextEncoding(name: encoding) else {
                throw ValidationError(
                    language.say(
                        "--encoding must be utf-8, utf-16, windows-1258 or tcvn3, not \"\(encoding)\""
                    ))
            }
            chosen = value
        }
        let result = MetricsImporter.run(
            ImportRequest(
                dataset: dataset, files: files, unit: unit, period: period, contentPath: content,
                encoding: chosen, dryRun: dryRun))
        DiagnosticPrinter.print(result.diagnostics, in: language)
        guard result.succeeded else {
            language.printError("import refused: nothing was written")
            throw ExitCode.failure
        }
        for summary in result.summaries {
            for line in summary.lines(in: language) { Console.current.line(line) }
        }
        if result.files.isEmpty {
            language.printLine("nothing changed")
        } else if dryRun {
            language.printLine("dry run: would write \(result.files.joined(separator: ", "))")
        } else {
            language.printLine("written: \(result.files.joined(separator: ", "))")
        }
    }
}

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write the form (Biểu 06a) as an .xlsx for a unit that fills it by hand.",
        discussion: """
            Prefilled with the fields the unit reported in the last twelve months (all fields if none) and with "Số kỳ trước chuyển qua" from the previous period's pending. Fill it in, then `congkhai import dossiers FILE.xlsx`.
            """)

    @Argument(help: ArgumentHelp("dossiers, satisfaction or feedback.", valueName: "dataset"))
    var dataset: String

    @Option(name: .long, help: ArgumentHelp("The unit (an id from units.yml).", valueName: "id"))
    var unit: String

    @Option(
        name: .long, help: ArgumentHelp("The period (YYYY-MM or YYYY-Qn).", valueName: "period"))
    var period: String

    @Option(name: .long, help: ArgumentHelp("The site's content folder.", valueName: "dir"))
    var content = "Content"

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Where to write it. Default: bieu-06a-<unit>-<period>.xlsx here.", valueName: "file"))
    var output: String?

    @OptionGroup var messages: LanguageOption

    func run() throws {
        let language = messages.language
        let result = TemplateBuilder.run(
            TemplateBuilder.Request(
                dataset: dataset, unit: unit, period: period, contentPath: content,
                output: output))
        DiagnosticPrinter.print(result.diagnostics, in: language)
        guard let path = result.path else { throw ExitCode.failure }
        language.printLine(
            "wrote \(path) with \(result.fields.count) row(s): \(result.fields.joined(separator: ", "))"
        )
    }
}
