import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the commands write: the process's standard output and error, or, in the tests, buffers.
/// Every line a command prints goes through `Console.current`.
package struct Console: Sendable {
    package var out: @Sendable (String) -> Void
    package var err: @Sendable (String) -> Void
    /// Standard error is a terminal that shows a progress line: not piped, not in CI, not `TERM=dumb`.
    package var showsProgress: Bool

    package init(
        out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
        showsProgress: Bool
    ) {
        self.out = out
        self.err = err
        self.showsProgress = showsProgress
    }

    /// The process's own streams, written unbuffered so that a piped log shows each line at once.
    package static let standard = Console(
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) },
        showsProgress: showsProgress(
            stderrIsTerminal: isatty(STDERR_FILENO) == 1,
            environment: ProcessInfo.processInfo.environment))

    @TaskLocal package static var current = Console.standard

    /// A progress line only on a terminal, and never in CI or on a dumb terminal.
    package static func showsProgress(stderrIsTerminal: Bool, environment: [String: String]) -> Bool
    {
        stderrIsTerminal && environment["CI"] == nil && environment["TERM"] != "dumb"
    }

    package func line(_ text: String) { out(text + "\n") }
    package func errorLine(_ text: String) { err(text + "\n") }
}

extension Congkhai {
    /// Runs the command line `arguments` (without the program's name) through `console` and returns
    /// the exit status: what the executable does, and what the tests call.
    package static func execute(_ arguments: [String], console: Console = .standard) -> Int32 {
        Console.$current.withValue(console) {
            do {
                var command = try parseAsRoot(arguments)
                try command.run()
                return 0
            } catch {
                let code = exitCode(for: error)
                let message = fullMessage(for: error)
                if !message.isEmpty {
                    if code == .success {
                        console.line(message)
                    } else {
                        console.errorLine(message)
                    }
                }
                return code.rawValue
            }
        }
    }
}
