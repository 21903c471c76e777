import Foundation

/// Values made once and shared by concurrent workers: the one caching mechanism of the library.
/// A value is made outside the lock, so two workers may both make it; both get the same result.
@usableFromInline package final class Memo<Key: Hashable, Value>: @unchecked Sendable {
    @usableFromInline var values: [Key: Value] = [:]
    @usableFromInline let lock = NSLock()

    package init() {}

    @inlinable package func value(for key: Key, make: () -> Value) -> Value {
        lock.lock()
        if let known = values[key] { lock.unlock(); return known }
        lock.unlock()
        let made = make()
        lock.lock()
        values[key] = made
        lock.unlock()
        return made
    }
}

/// A value made on first use (under a lock: it is made exactly once).
@usableFromInline package final class Lazily<Value>: @unchecked Sendable {
    @usableFromInline var made: Value?
    @usableFromInline let make: () -> Value
    @usableFromInline let lock = NSLock()

    package init(_ make: @escaping () -> Value) { self.make = make }

    @inlinable package var value: Value {
        lock.lock(); defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}

/// A value made on another thread, read once that thread's work is waited for (the wait orders
/// the write before the read).
package final class Handoff<Value>: @unchecked Sendable {
    package var value: Value?
    package init() {}
}
