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

    /// The folded words of a text, as `make(text).split(separator: "-")` gives them, without
    /// making the slug: `"Hộ tịch, Phường 5"` → `["ho", "tich", "phuong", "5"]` (the search index
    /// folds every title, summary and tag of a site this way).
    package static func words(_ text: String) -> [String] {
        var words: [String] = [], word: [UInt8] = []
        for scalar in text.unicodeScalars {
            if (0x0300...0x036F).contains(scalar.value) { continue }
            if let folded = fold(scalar) {
                word.append(UInt8(truncatingIfNeeded: folded.value))
            } else if !word.isEmpty {
                words.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    /// A letter or digit as it appears in a slug (`Ế` → `e`, `đ` → `d`), nil for anything else.
    /// Latin letters (every Vietnamese one among them) are folded from a table made once per
    /// process; any other non-ASCII scalar is decomposed (NFD) once and remembered.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch value {
        case 0x41...0x5A: return Unicode.Scalar(value + 32)
        case 0x61...0x7A, 0x30...0x39: return scalar
        case 0...0x7F: return nil
        case 0x80..<0x250:
            let code = latinFolds[Int(value - 0x80)]
            return code == 0 ? nil : Unicode.Scalar(code)
        case 0x1E00..<0x1F00:
            let code = latinFolds[Int(value - 0x1E00) + 0x1D0]
            return code == 0 ? nil : Unicode.Scalar(code)
        default:
            let code = folds.value(for: value) { decomposedFold(scalar) }
            return code == 0 ? nil : Unicode.Scalar(code)
        }
    }

    /// The ASCII letter or digit a scalar folds to, 0 for none.
    private static func decomposedFold(_ scalar: Unicode.Scalar) -> UInt32 {
        switch scalar.value {
        // Đ đ do not decompose
        case 0x0110, 0x0111: return UInt32(("d" as Unicode.Scalar).value)
        default:
            guard
                let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                    .first,
                base.isASCII, let folded = fold(base)
            else { return 0 }
            return folded.value
        }
    }

    /// Folds of U+0080…U+024F (Latin-1 Supplement, Latin Extended-A and B), then U+1E00…U+1EFF
    /// (Latin Extended Additional: ạ, ế, ữ…).
    private static let latinFolds: [UInt8] = {
        let scalars = Array(0x80..<0x250) + Array(0x1E00..<0x1F00)
        return scalars.map { value in
            Unicode.Scalar(UInt32(value)).map { UInt8(decomposedFold($0)) } ?? 0
        }
    }()

    private static let folds = Memo<UInt32, UInt32>()

    /// A slug given by hand must already be a plain path segment.
    package static func isValid(_ slug: String) -> Bool {
        guard let first = slug.unicodeScalars.first, first != "-" else { return false }
        return slug.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }
}
