/// FNV-1a, 64 bits: the same value in every process and on every machine (Swift's `Hasher` is
/// seeded per process), for cache keys and page fingerprints.
public struct StableHasher: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
    }

    public mutating func combine(_ string: String) {
        combine(string.utf8)
        combine(CollectionOfOne(0xFF))  // separator: ("ab","c") ≠ ("a","bc")
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
