import Foundation

/// A byte buffer for large files: either growing, then handed over as `Data` without a copy, or
/// of a fixed size and drained into a file each time it fills (`init(chunk:drain:)`).
///
/// The appends are `@inlinable` (on a `@usableFromInline` type: without it they would not be
/// inlined), and the buffer's state lives behind a pointer the sink owns: the open-data and
/// search writers in `CongkhaiKit` append cell by cell, and a call per append, each with the
/// run-time exclusivity check a class's stored `var` costs outside its own file, was most of what
/// the split into targets cost (`docs/performance.md`).
@usableFromInline package final class ByteSink {
    @usableFromInline struct State {
        @usableFromInline var base: UnsafeMutablePointer<UInt8>
        @usableFromInline var capacity: Int
        @usableFromInline var filled = 0

        @usableFromInline init(capacity: Int) {
            self.capacity = max(capacity, 64)
            base = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
        }
    }

    @usableFromInline let state: UnsafeMutablePointer<State>
    /// Where a full buffer goes; false when it could not take it (then nothing more is drained).
    @usableFromInline let drain: ((UnsafeRawBufferPointer) -> Bool)?
    private var drained = 0, drainFailed = false

    package init(capacity: Int = 1 << 16) {
        state = .allocate(capacity: 1)
        state.initialize(to: State(capacity: capacity))
        drain = nil
    }

    /// A sink that hands `chunk` bytes at a time to `drain`; call `finish()` at the end.
    package init(chunk: Int, drain: @escaping (UnsafeRawBufferPointer) -> Bool) {
        state = .allocate(capacity: 1)
        state.initialize(to: State(capacity: chunk))
        self.drain = drain
    }

    deinit {
        if state.pointee.capacity > 0 { free(state.pointee.base) }
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// The bytes buffered (not drained yet).
    package var count: Int { state.pointee.filled }

    /// Every byte appended so far, drained or not.
    package var written: Int { drained + count }

    /// Drains what is buffered; false if any drain failed.
    package func finish() -> Bool {
        flush()
        return !drainFailed
    }

    private func flush() {
        guard let drain, state.pointee.filled > 0 else { return }
        let buffered = UnsafeRawBufferPointer(
            start: state.pointee.base, count: state.pointee.filled)
        if !drainFailed { drainFailed = !drain(buffered) }
        drained += state.pointee.filled
        state.pointee.filled = 0
    }

    /// Room for `more` bytes after `filled`.
    @inlinable @inline(__always) func reserve(_ more: Int) {
        if state.pointee.filled + more > state.pointee.capacity { grow(more) }
    }

    /// Drains a full buffer, or grows it.
    @usableFromInline func grow(_ more: Int) {
        if drain != nil {
            flush()
            if more <= state.pointee.capacity { return }
        }
        var grown = state.pointee.capacity * 2
        while grown < state.pointee.filled + more { grown *= 2 }
        state.pointee.base = realloc(state.pointee.base, grown)!.assumingMemoryBound(to: UInt8.self)
        state.pointee.capacity = grown
    }

    @inlinable @inline(__always) package func append(_ byte: UInt8) {
        reserve(1)
        state.pointee.base[state.pointee.filled] = byte
        state.pointee.filled += 1
    }

    @inlinable package func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        reserve(bytes.count)
        (state.pointee.base + state.pointee.filled).update(
            from: bytes.baseAddress!, count: bytes.count)
        state.pointee.filled += bytes.count
    }

    @inlinable package func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    @inlinable package func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// A whole number in decimal.
    @inlinable package func append(_ number: Int) {
        reserve(21)
        let base = state.pointee.base
        var end = state.pointee.filled
        if number < 0 { base[end] = 0x2D; end += 1 }
        var n = number.magnitude
        var digits = 0
        var m = n
        repeat { digits += 1; m /= 10 } while m > 0
        var k = end + digits - 1
        repeat { base[k] = UInt8(n % 10) + 0x30; n /= 10; k -= 1 } while n > 0
        state.pointee.filled = end + digits
    }

    package func appendJSON(_ text: String) {
        var literal: [UInt8] = []
        JSONText.appendLiteral(text, to: &literal)
        append(literal)
    }

    /// The bytes, as `Data` that owns them; the sink is empty afterwards.
    package func data() -> Data {
        let data = Data(
            bytesNoCopy: state.pointee.base, count: state.pointee.filled, deallocator: .free)
        state.pointee.capacity = 0
        state.pointee.filled = 0
        // never used again: the sink is spent
        state.pointee.base = UnsafeMutablePointer(bitPattern: 1)!
        return data
    }
}
