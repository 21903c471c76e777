import CongkhaiCore
import CongkhaiKit
import Foundation

/// One updating line on a terminal, shown only once a build has run for a second: quiet in CI,
/// when stderr is not a terminal, and with --quiet.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private var stage = ""
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let lock = NSLock()

    init(quiet: Bool) {
        let environment = ProcessInfo.processInfo.environment
        enabled = !quiet && isatty(STDERR_FILENO) == 1 && environment["CI"] == nil && environment["TERM"] != "dumb"
    }

    func update(_ event: BuildProgress) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        var text: String
        switch event {
        case .stage(let name):
            stage = name
            text = name
        case .pages(let done, let total):
            guard now.timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
            text = "\(stage): \(done)/\(total) (\(done * 100 / max(total, 1))%)"
        }
        guard now.timeIntervalSince(start) > 1 else { return }
        lastDraw = now
        drawn = true
        text = String(text.prefix(100))
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
    }

    /// Clears the line before the final messages are printed.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
