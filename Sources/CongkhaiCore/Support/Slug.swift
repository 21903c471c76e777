import Foundation

/// URL slugs from Vietnamese text: diacritics folded (đ → d), lower case, words joined by "-".
/// The result is the same whether the input is NFC or NFD, because it is decomposed first.
package enum Slug {
    package static func make(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.unicodeScalars {
            // combining marks: tones and vowel hats
            if (0x0300...0x036F).contains(scalar.value) { continue }
            if let folded = fold(scalar) {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(folded)
            } else {
                pendingDash = true
            }
        }
        return String(result)
    }

    /// A letter or digit as it appears in a slug (`Ế` → `e`, `đ` → `d`), nil for anything else.
    /// A non-ASCII scalar is decomposed (NFD) once per process and remembered: slugs are made for
    /// every article of a large site, from a few hundred distinct letters.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x41...0x5A: return Unicode.Scalar(scalar.value + 32)
        case 0x61...0x7A, 0x30...0x39: return scalar
        case 0...0x7F: return nil
        default:
            let code = folds.value(for: scalar.value) {
                switch scalar.value {
                // Đ đ do not decompose
                case 0x0110, 0x0111: return UInt32(("d" as Unicode.Scalar).value)
                default:
                    guard
                        let base = String(scalar).decomposedStringWithCanonicalMapping
                            .unicodeScalars.first,
                        base.isASCII, let folded = fold(base)
                    else { return 0 }
                    return folded.value
                }
            }
            return code == 0 ? nil : Unicode.Scalar(code)
        }
    }

    private static let folds = Memo<UInt32, UInt32>()

    /// A slug given by hand must already be a plain path segment.
    package static func isValid(_ slug: String) -> Bool {
        guard let first = slug.unicodeScalars.first, first != "-" else { return false }
        return slug.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }
}
