import ArgumentParser
import CongkhaiCore
import CongkhaiKit
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report which units published their latest figures and which targets are met.",
        discussion: """
            For people (text, markdown) and for CI (json). With --strict the exit status is 1 when a unit has not published the latest period of a dataset it owes, or a target is missed.
            """)

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "text, json or markdown.")
    var format: ComplianceReport.Format = .text

    func run() throws {
        let options = try site.buildOptions(output: "Public")
        switch SiteBuilder.report(options) {
        case .failure(let failure):
            DiagnosticPrinter.print(failure.diagnostics, in: site.language)
            throw ExitCode.failure
        case .success(let (report, warnings)):
            if format == .text { DiagnosticPrinter.print(warnings, in: site.language) }
            Console.current.out(report.render(format))
            if options.fails(report) { throw ExitCode.failure }
        }
    }
}

extension ComplianceReport.Format: ExpressibleByArgument {}
