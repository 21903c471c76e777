/// Builds large text files (CSV, JSON) as UTF-8 bytes: appending to one byte array is far cheaper
/// than string interpolation row by row.
struct TextBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(bytes more: [UInt8]) { bytes.append(contentsOf: more) }

    mutating func append(_ number: Int) {
        if number < 0 { bytes.append(0x2D) }
        var n = number.magnitude
        if n == 0 { bytes.append(0x30); return }
        var digits: [UInt8] = []
        while n > 0 { digits.append(UInt8(n % 10) + 0x30); n /= 10 }
        bytes.append(contentsOf: digits.reversed())
    }

    /// A JSON string literal, escaping quotes, backslashes and control characters.
    mutating func appendJSON(_ text: String) {
        bytes.append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            for byte in utf8 {
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(0x22)
    }

    /// `null` or the number.
    mutating func appendJSON(_ number: Int?) {
        if let number { append(number) } else { append("null") }
    }
}
