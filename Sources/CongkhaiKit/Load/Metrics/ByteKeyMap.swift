import CongkhaiCore

/// A read-only map from byte strings to small numbers, looked up with a buffer of bytes: the metric
/// loader finds a cell's unit or field without making a `String` of it.
struct ByteKeyMap: Sendable {
    /// Every key's bytes, one after another.
    private var storage: [UInt8] = []
    /// Per slot: the key's start in `storage`, its length, its value; length -1 for an empty slot.
    private var slots: [(start: Int32, length: Int32, value: Int32)]
    private let mask: Int

    init(_ entries: [(key: String, value: Int32)]) {
        var size = 16
        while size < entries.count * 2 { size <<= 1 }
        mask = size - 1
        slots = Array(repeating: (0, -1, 0), count: size)
        for (key, value) in entries {
            var key = key
            key.withUTF8 { insert($0, value) }
        }
    }

    private mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Int32) {
        var slot = ByteKeyMap.hash(key) & mask
        while slots[slot].length >= 0 {
            if equal(slot, key) { return }  // the first entry wins
            slot = (slot + 1) & mask
        }
        slots[slot] = (Int32(storage.count), Int32(key.count), value)
        storage.append(contentsOf: key)
    }

    private func equal(_ slot: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = slots[slot]
        guard Int(entry.length) == key.count else { return false }
        let start = Int(entry.start)
        for k in 0..<key.count where storage[start + k] != key[k] { return false }
        return true
    }

    func value(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        var slot = ByteKeyMap.hash(key) & mask
        while slots[slot].length >= 0 {
            if equal(slot, key) { return slots[slot].value }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// FNV-1a, 64-bit.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf29ce484222325
        for b in key { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
