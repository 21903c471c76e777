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

    /// Progress events come from every core: the console is the one current when the build began.
    private let console = Console.current

    init(quiet: Bool) {
        enabled = !quiet && console.showsProgress
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
        case .waitingForLock:
            return
        case .pages(let done, let total):
            guard now.timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
            text = "\(stage): \(done)/\(total) (\(done * 100 / max(total, 1))%)"
        }
        guard now.timeIntervalSince(start) > 1 else { return }
        lastDraw = now
        drawn = true
        text = String(text.prefix(100))
        console.err("\r\u{1B}[2K\(text)")
    }

    /// Clears the line before the final messages are printed.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        if drawn { console.err("\r\u{1B}[2K") }
    }
}
