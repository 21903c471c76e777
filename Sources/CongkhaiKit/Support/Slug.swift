import Foundation

/// URL slugs from Vietnamese text: diacritics folded (đ → d), lower case, words joined by "-".
/// The result is the same whether the input is NFC or NFD, because it is decomposed first.
public enum Slug {
    public static func make(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            let folded: Unicode.Scalar?
            switch scalar.value {
            case 0x0300...0x036F: continue  // combining marks: tones and vowel hats
            case 0x0110, 0x0111: folded = "d"  // Đ đ do not decompose
            case 0x41...0x5A: folded = Unicode.Scalar(scalar.value + 32)
            case 0x61...0x7A, 0x30...0x39: folded = scalar
            default: folded = nil
            }
            if let folded {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(folded)
            } else {
                pendingDash = true
            }
        }
        return String(result)
    }

    /// A slug given by hand must already be a plain path segment.
    public static func isValid(_ slug: String) -> Bool {
        guard let first = slug.unicodeScalars.first, first != "-" else { return false }
        return slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
