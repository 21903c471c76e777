import Foundation

/// Collects diagnostics from concurrent workers. The library never prints: callers read `all`.
public final class DiagnosticLog: @unchecked Sendable {
    private var items: [Diagnostic] = []
    private let lock = NSLock()

    public init() {}

    public func add(_ diagnostic: Diagnostic) {
        lock.lock(); defer { lock.unlock() }
        items.append(diagnostic)
    }

    public func add(contentsOf diagnostics: [Diagnostic]) {
        lock.lock(); defer { lock.unlock() }
        items.append(contentsOf: diagnostics)
    }

    public func error(_ location: SourceLocation, _ message: DiagnosticText, hint: DiagnosticText? = nil) {
        add(.error(location, message, hint: hint))
    }

    public func warning(_ location: SourceLocation, _ message: DiagnosticText, hint: DiagnosticText? = nil) {
        add(.warning(location, message, hint: hint))
    }

    public var all: [Diagnostic] {
        lock.lock(); defer { lock.unlock() }
        return Array(Set(items)).sortedForOutput()
    }

    public var hasErrors: Bool {
        lock.lock(); defer { lock.unlock() }
        return items.hasErrors
    }
}
