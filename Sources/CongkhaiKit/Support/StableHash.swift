/// FNV-1a, 64 bits: the same value in every process and on every machine (Swift's `Hasher` is
/// seeded per process), for cache keys and page fingerprints.
public struct StableHasher: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ combine(buffer: $0) }) { return done }
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
    }

    public mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { combine(buffer: $0) }
        combine(buffer: UnsafeBufferPointer(start: [UInt8(0xFF)], count: 1))  // separator: ("ab","c") ≠ ("a","bc")
    }

    /// The byte loop on contiguous memory: a generic Sequence walk costs several times more.
    public mutating func combine(buffer: UnsafeBufferPointer<UInt8>) {
        var h = value
        for byte in buffer {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        value = h
    }

    public mutating func combine(_ number: Int) {
        withUnsafeBytes(of: UInt64(bitPattern: Int64(number)).littleEndian) { combine($0) }
    }

    public mutating func combine(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { combine($0) }
    }

    public mutating func combine(_ flag: Bool) { combine(flag ? 1 : 0) }

    public static func hash(_ string: String) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(string)
        return hasher.value
    }
}
