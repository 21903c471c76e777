/// A rate that knows what it was computed from. Shown and judged the same way: as a percentage
/// rounded half up to one decimal (tenths of a percent = per mille). With no denominator there
/// is no rate ("no data"), never 0% or 100%.
@usableFromInline package struct Rate: Sendable, Hashable {
    @usableFromInline package var numerator: Int
    @usableFromInline package var denominator: Int

    @inlinable package init(_ numerator: Int, of denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    @inlinable package var hasData: Bool { denominator > 0 }

    /// The exact fraction, for charts.
    @inlinable package var fraction: Double? {
        hasData ? Double(numerator) / Double(denominator) : nil
    }

    /// Tenths of a percent, rounded half up in integer arithmetic: 985 means 98,5%.
    @inlinable package var perMille: Int? {
        guard hasData else { return nil }
        return (numerator * 2000 + denominator) / (2 * denominator)
    }

    /// `98,5%`, or nil when there is no data.
    package var percentText: String? {
        perMille.map { VietnameseNumber.decimal(scaled: $0, decimals: 1) + "%" }
    }
}

/// The rounding rule, in one place: a target's threshold in the same units as `Rate.perMille`.
package enum RateRounding {
    /// 0.98 → 980.0 per mille; the comparison is then between a rounded rate and this.
    package static func perMille(_ fraction: Double) -> Double {
        (fraction * 1000 * 1_000_000).rounded() / 1_000_000
    }
}
