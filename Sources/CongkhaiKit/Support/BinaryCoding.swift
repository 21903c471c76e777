import Foundation

/// A compact, versioned binary encoding for the build cache: fast to write and to read back,
/// with no reflection. Every read is bounds-checked; a short or damaged file reads as nil.
struct BinaryWriter {
    private(set) var data = Data()

    mutating func write(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }
    mutating func write(_ value: Bool) { data.append(value ? 1 : 0) }
    mutating func write(_ value: String) {
        let utf8 = Array(value.utf8)
        write(utf8.count)
        data.append(contentsOf: utf8)
    }
    mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }
    mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }
}

struct BinaryReader {
    private let bytes: [UInt8]
    private var offset = 0
    /// Set once any read ran past the end or met a bad value.
    private(set) var failed = false

    init(_ data: Data) { bytes = [UInt8](data) }

    var atEnd: Bool { offset == bytes.count }

    mutating func uint64() -> UInt64 {
        guard offset + 8 <= bytes.count else { failed = true; return 0 }
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return value
    }

    mutating func int() -> Int { Int(Int64(bitPattern: uint64())) }

    mutating func bool() -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { failed = true; return false }
        defer { offset += 1 }
        return bytes[offset] == 1
    }

    mutating func string() -> String {
        let count = int()
        guard count >= 0, offset + count <= bytes.count else { failed = true; return "" }
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    mutating func optionalString() -> String? { bool() ? string() : nil }
    mutating func optionalInt() -> Int? { bool() ? int() : nil }

    /// A count of following items, refused when larger than the bytes left could hold.
    mutating func count(minimumItemSize: Int = 1) -> Int {
        let n = int()
        guard n >= 0, n <= (bytes.count - offset) / max(1, minimumItemSize) else { failed = true; return 0 }
        return n
    }
}
