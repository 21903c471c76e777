/// Numbers the Vietnamese way: `1.234` for thousands, `98,5%` for rates.
package enum VietnameseNumber {
    /// `1234567` → `1.234.567`
    package static func integer(_ value: Int) -> String {
        // Digits from the right, a dot every three: on bytes (figure pages show millions of numbers).
        var bytes = [UInt8](repeating: 0, count: 27)
        var k = bytes.count, n = value.magnitude, digits = 0
        repeat {
            if digits > 0 && digits % 3 == 0 { k -= 1; bytes[k] = 0x2E }
            k -= 1
            bytes[k] = UInt8(n % 10) + 0x30
            n /= 10
            digits += 1
        } while n > 0
        if value < 0 { k -= 1; bytes[k] = 0x2D }
        return String(decoding: bytes[k...], as: UTF8.self)
    }

    /// A fraction in thousandths of a percent unit, already rounded: 985 with 1 decimal → `98,5`.
    /// `scaled` is the value × 10^decimals as an integer.
    package static func decimal(scaled: Int, decimals: Int) -> String {
        guard decimals > 0 else { return integer(scaled) }
        var divisor = 1
        for _ in 0..<decimals { divisor *= 10 }
        let whole = scaled.magnitude / UInt(divisor)
        let fraction = String(scaled.magnitude % UInt(divisor))
        let padded = String(repeating: "0", count: decimals - fraction.count) + fraction
        return (scaled < 0 ? "-" : "") + integer(Int(whole)) + "," + padded
    }
}
