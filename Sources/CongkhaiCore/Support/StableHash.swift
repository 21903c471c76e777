/// A 64-bit hash that is the same in every process and on every machine (Swift's `Hasher` is
/// seeded per process), for cache keys, checksums and page fingerprints. It takes eight bytes a
/// step, multiply-and-shift mixed, so checksumming a cache of megabytes costs about a millisecond.
/// Not for security: it detects change and damage, it does not resist an attacker.
@usableFromInline package struct StableHasher: Sendable {
    /// The hash of everything combined so far.
    package var value: UInt64 { state }
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    @usableFromInline static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inlinable @inline(__always)
    mutating func mix(_ word: UInt64) {
        var h = (state ^ word) &* Self.multiplier
        h ^= h >> 29
        state = h
    }

    @inlinable package mutating func combine(_ bytes: some Sequence<UInt8>) {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ combine(buffer: $0) }) {
            return done
        }
        let array = Array(bytes)
        array.withUnsafeBufferPointer { combine(buffer: $0) }
    }

    @inlinable package mutating func combine(_ string: String) {
        var string = string
        // The length goes first, so ("ab", "c") and ("a", "bc") differ.
        string.withUTF8 { utf8 in
            mix(UInt64(utf8.count))
            combine(buffer: utf8)
        }
    }

    /// Eight bytes at a time, then the tail with its length, on contiguous memory.
    @inlinable package mutating func combine(buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress else { mix(0x8000_0000_0000_0000); return }
        let raw = UnsafeRawPointer(base)
        let count = buffer.count
        var offset = 0
        while offset + 8 <= count {
            mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = UInt64(count - offset) << 56
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(base[offset]) << shift
            shift += 8
            offset += 1
        }
        mix(tail)
    }

    @inlinable package mutating func combine(_ number: Int) {
        mix(UInt64(bitPattern: Int64(number)))
    }

    @inlinable package mutating func combine(_ number: UInt64) { mix(number) }

    @inlinable package mutating func combine(_ flag: Bool) { mix(flag ? 1 : 2) }

    package static func hash(_ string: String) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(string)
        return hasher.value
    }
}
