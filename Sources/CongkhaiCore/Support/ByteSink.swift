import Foundation

/// A byte buffer for large files: either growing, then handed over as `Data` without a copy, or
/// of a fixed size and drained into a file each time it fills (`init(chunk:drain:)`).
package final class ByteSink {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    package private(set) var count = 0
    /// Where a full buffer goes; false when it could not take it (then nothing more is drained).
    private let drain: ((UnsafeRawBufferPointer) -> Bool)?
    private var drained = 0, drainFailed = false

    package init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        base = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
        drain = nil
    }

    /// A sink that hands `chunk` bytes at a time to `drain`; call `finish()` at the end.
    package init(chunk: Int, drain: @escaping (UnsafeRawBufferPointer) -> Bool) {
        capacity = max(chunk, 64)
        base = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
        self.drain = drain
    }

    deinit { if capacity > 0 { free(base) } }

    /// Every byte appended so far, drained or not.
    package var written: Int { drained + count }

    /// Drains what is buffered; false if any drain failed.
    package func finish() -> Bool {
        flush()
        return !drainFailed
    }

    private func flush() {
        guard let drain, count > 0 else { return }
        if !drainFailed { drainFailed = !drain(UnsafeRawBufferPointer(start: base, count: count)) }
        drained += count
        count = 0
    }

    @inline(__always) private func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        if drain != nil {
            flush()
            if more <= capacity { return }
        }
        var grown = capacity * 2
        while grown < count + more { grown *= 2 }
        base = realloc(base, grown)!.assumingMemoryBound(to: UInt8.self)
        capacity = grown
    }

    @inline(__always) package func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    package func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: bytes.baseAddress!, count: bytes.count)
        count += bytes.count
    }

    package func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

    package func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// A whole number in decimal.
    package func append(_ number: Int) {
        reserve(21)
        if number < 0 { base[count] = 0x2D; count += 1 }
        var n = number.magnitude
        var digits = 0
        var m = n
        repeat { digits += 1; m /= 10 } while m > 0
        var k = count + digits - 1
        repeat { base[k] = UInt8(n % 10) + 0x30; n /= 10; k -= 1 } while n > 0
        count += digits
    }

    package func appendJSON(_ text: String) {
        var literal: [UInt8] = []
        JSONText.appendLiteral(text, to: &literal)
        append(literal)
    }

    /// The bytes, as `Data` that owns them; the sink is empty afterwards.
    package func data() -> Data {
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        capacity = 0
        count = 0
        base = UnsafeMutablePointer(bitPattern: 1)!  // never used again: the sink is spent
        return data
    }
}
