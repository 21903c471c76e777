import Foundation

/// Collects diagnostics from concurrent workers. The library never prints: callers read `all`.
package final class DiagnosticLog: @unchecked Sendable {
    private var items: [Diagnostic] = []
    private let lock = NSLock()

    package init() {}

    package func add(_ diagnostic: Diagnostic) {
        lock.lock(); defer { lock.unlock() }
        items.append(diagnostic)
    }

    package func add(contentsOf diagnostics: [Diagnostic]) {
        lock.lock(); defer { lock.unlock() }
        items.append(contentsOf: diagnostics)
    }

    package func error(
        _ location: SourceLocation, _ message: DiagnosticText, hint: DiagnosticText? = nil
    ) {
        add(.error(location, message, hint: hint))
    }

    package func warning(
        _ location: SourceLocation, _ message: DiagnosticText, hint: DiagnosticText? = nil
    ) {
        add(.warning(location, message, hint: hint))
    }

    package var all: [Diagnostic] {
        lock.lock(); defer { lock.unlock() }
        return Array(Set(items)).sortedForOutput()
    }

    package var hasErrors: Bool {
        lock.lock(); defer { lock.unlock() }
        return items.hasErrors
    }
}
