import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A compact, versioned binary encoding for the build cache: fast to write and to read back,
/// with no reflection. Every read is bounds-checked; a short or damaged file reads as `failed`.
package struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 1 << 20) { bytes.reserveCapacity(capacity) }

    var data: Data { Data(bytes) }

    /// Appends a checksum over everything written so far, and returns it: a damaged file is
    /// detected, never trusted.
    @discardableResult
    package mutating func seal() -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(bytes)
        write(hasher.value)
        return hasher.value
    }

    /// Writes the bytes to a temporary file beside `url`, then renames it over `url`: a reader
    /// sees the old file or the new one, never half of one.
    package func write(atomicallyTo url: URL) throws(FileIO.WriteFailure) {
        try FileIO.writeAtomically(bytes, to: url.path)
    }

    package mutating func write(_ value: UInt64) {
        var v = value
        for _ in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v)); v >>= 8 }
    }
    /// Small non-negative numbers take one byte (LEB128), which most counts, lines and sizes are.
    package mutating func write(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value))
        while v >= 0x80 { bytes.append(UInt8(truncatingIfNeeded: v) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }
    package mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }
    package mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }
    package mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }
    mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }
}

package struct BinaryReader {
    private let bytes: [UInt8]
    private var offset = 0
    /// Set once any read ran past the end or met a bad value.
    package private(set) var failed = false

    init(_ data: Data) { bytes = [UInt8](data) }
    init(bytes: [UInt8]) { self.bytes = bytes }

    /// A file sealed by `BinaryWriter.seal()`, without its checksum; nil when missing or damaged,
    /// or when its checksum is not `expected`.
    package static func unsealing(contentsOf url: URL, expected: UInt64? = nil) -> BinaryReader? {
        guard var bytes = FileIO.contents(atPath: url.path), bytes.count > 8 else { return nil }
        let size = bytes.count
        var checksum: UInt64 = 0
        for i in 0..<8 { checksum |= UInt64(bytes[size - 8 + i]) << (8 * UInt64(i)) }
        bytes.removeLast(8)
        var hasher = StableHasher()
        hasher.combine(bytes)
        guard hasher.value == checksum, expected == nil || expected == checksum else { return nil }
        return BinaryReader(bytes: bytes)
    }

    package var atEnd: Bool { offset == bytes.count }

    package mutating func uint64() -> UInt64 {
        guard offset + 8 <= bytes.count else { failed = true; return 0 }
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return value
    }

    package mutating func int() -> Int {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { failed = true; return 0 }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: value))
    }

    package mutating func bool() -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { failed = true; return false }
        defer { offset += 1 }
        return bytes[offset] == 1
    }

    package mutating func string() -> String {
        let count = int()
        guard count >= 0, offset + count <= bytes.count else { failed = true; return "" }
        defer { offset += count }
        return bytes.withUnsafeBufferPointer {
            String(
                decoding: UnsafeBufferPointer(rebasing: $0[offset..<offset + count]), as: UTF8.self)
        }
    }

    package mutating func optionalString() -> String? { bool() ? string() : nil }
    mutating func optionalInt() -> Int? { bool() ? int() : nil }

    /// A count of following items, refused when larger than the bytes left could hold.
    package mutating func count(minimumItemSize: Int = 1) -> Int {
        let n = int()
        guard n >= 0, n <= (bytes.count - offset) / max(1, minimumItemSize) else {
            failed = true; return 0
        }
        return n
    }
}
