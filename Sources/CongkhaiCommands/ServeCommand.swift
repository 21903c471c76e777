import ArgumentParser
import CongkhaiCore
import CongkhaiKit
import CongkhaiPreview
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Preview the site on 127.0.0.1, rebuilding and reloading the browser on every change.",
        discussion: """
            Builds the site into a private folder (by default .congkhai-serve/site, never Public/), serves it at http://127.0.0.1:PORT/ and watches the content and templates folders. After a change it rebuilds, and open pages reload by themselves. When a build fails the last good site stays up; the errors are printed here and shown over the page until a build succeeds. Ctrl-C stops it.
            """)

    @Option(
        name: .long,
        help: ArgumentHelp("The port on 127.0.0.1 (0: any free port).", valueName: "port"))
    var port: UInt16 = 8080

    @OptionGroup var site: SiteOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where the preview is built; it is replaced on every build.", valueName: "dir"))
    var output = ".congkhai-serve/site"

    func run() throws {
        var options = PreviewOptions(build: try site.buildOptions(output: output), port: port)
        options.language = site.language
        let server = PreviewServer(options: options)
        let output = self.output
        let finished = DispatchSemaphore(value: 0)
        let printed = DispatchSemaphore(value: 0)
        let failure = FailureBox()

        Task {
            let language = site.language
            for await event in server.events {
                ServePrinter.print(event, output: output, in: language)
            }
            printed.signal()
        }
        // Ctrl-C (and SIGTERM) stop the server cleanly instead of killing the process mid-build.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let signals = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                Task {
                    await server.stop()
                    finished.signal()
                }
            }
            source.resume()
            return source
        }
        Task {
            do {
                try await server.start()
            } catch let error as PreviewServer.Failure {
                failure.set(error)
                await server.stop()
                finished.signal()
            } catch {
                failure.set(PreviewServer.Failure("\(String(describing: error))"))
                await server.stop()
                finished.signal()
            }
        }
        finished.wait()
        printed.wait()
        signals.forEach { $0.cancel() }
        if let stopped = failure.stopped {
            site.language.printError("error: \(stopped.text)")
            if let hint = stopped.hint {
                Console.current.errorLine(
                    "    \(site.language.noteWord): \(site.language.say(hint))")
            }
            throw ExitCode.failure
        }
    }
}

/// Prints what the preview reports, one line (or a block of diagnostics) per event.
enum ServePrinter {
    static func print(_ event: PreviewEvent, output: String, in language: MessageLanguage) {
        switch event {
        case .listening(let url):
            say("serving \(output) at \(url)  (Ctrl-C stops)", language)
        case .building(let changed):
            guard !changed.isEmpty else { return }
            let shown = changed.prefix(3).joined(separator: ", ")
            let more: DiagnosticText = changed.count > 3 ? " and \(changed.count - 3) more" : ""
            say("changed: \(shown)\(more); rebuilding", language)
        case .built(let report, _):
            DiagnosticPrinter.print(report.diagnostics, in: language)
            let seconds = report.stageTimings.reduce(0) { $0 + $1.seconds }
            say(
                "built \(count: report.pagesWritten) files in \(seconds, decimals: 2) s; open pages reload",
                language)
        case .failed(let diagnostics, _):
            DiagnosticPrinter.print(diagnostics, in: language)
            say(
                "build failed: still serving the last good build; the errors are shown in the page",
                language)
        case .stopped:
            say("stopped", language)
        }
    }

    private static func say(_ line: DiagnosticText, _ language: MessageLanguage) {
        let line = language.say(line)
        Console.current.line("[\(time(Date()))] \(line)")
    }

    /// The local wall-clock time, HH:MM:SS.
    private static func time(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&seconds, &parts)
        return String(format: "%02d:%02d:%02d", parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}

/// The error that stopped `serve` from starting, set from a task and read on the main thread.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: PreviewServer.Failure?
    func set(_ failure: PreviewServer.Failure) { lock.lock(); stored = failure; lock.unlock() }
    var stopped: PreviewServer.Failure? { lock.lock(); defer { lock.unlock() }; return stored }
}
