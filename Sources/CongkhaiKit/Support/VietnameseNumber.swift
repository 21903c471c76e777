/// Numbers the Vietnamese way: `1.234` for thousands, `98,5%` for rates.
public enum VietnameseNumber {
    /// `1234567` → `1.234.567`
    public static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// A fraction in thousandths of a percent unit, already rounded: 985 with 1 decimal → `98,5`.
    /// `scaled` is the value × 10^decimals as an integer.
    public static func decimal(scaled: Int, decimals: Int) -> String {
        guard decimals > 0 else { return integer(scaled) }
        var divisor = 1
        for _ in 0..<decimals { divisor *= 10 }
        let whole = scaled.magnitude / UInt(divisor)
        let fraction = String(scaled.magnitude % UInt(divisor))
        let padded = String(repeating: "0", count: decimals - fraction.count) + fraction
        return (scaled < 0 ? "-" : "") + integer(Int(whole)) + "," + padded
    }
}
