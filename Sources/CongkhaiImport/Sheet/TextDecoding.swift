import CongkhaiCore
import CongkhaiKit
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The encodings offices' exports come in.
package enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    /// Excel's "Unicode Text": UTF-16 with a byte-order mark.
    case utf16 = "utf-16"
    /// Windows' Vietnamese code page: tone marks are combining characters after the letter.
    case windows1258 = "windows-1258"
    /// TCVN 5712:1993 VN3, the "ABC" fonts' encoding (.VnTime), still common in older offices.
    case tcvn3 = "tcvn3"

    /// `utf8`, `UTF-8`, `cp1258`, `1258`, `abc`, `vn3`…
    package init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-16", "utf16", "unicode", "utf-16le", "utf-16be": self = .utf16
        case "windows-1258", "cp1258", "1258", "win1258", "windows1258": self = .windows1258
        case "tcvn3", "tcvn", "abc", "vn3", "tcvn-3", "tcvn5712", "tcvn-5712": self = .tcvn3
        default: return nil
        }
    }

    package var label: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16: return "UTF-16"
        case .windows1258: return "Windows-1258"
        case .tcvn3: return "TCVN3 (ABC)"
        }
    }

    /// The name glibc's iconv knows it by (single-byte encodings).
    var iconvName: String? {
        switch self {
        case .windows1258: return "CP1258"
        // glibc's TCVN5712-1 is VN1, whose code points for lowercase letters and Ă Â Ê Ô Ơ Ư Đ are
        // those of VN3; VN3 files use no others.
        case .tcvn3: return "TCVN5712-1"
        default: return nil
        }
    }
}

/// Turns an export's bytes into text (NFC), detecting the encoding unless one is given.
package enum TextDecoding {
    package struct Decoded: Sendable {
        package var text: String
        package var encoding: TextEncoding
    }

    package enum Failure: Error, Sendable, Equatable {
        case invalid(TextEncoding, offset: Int)
        case unrecognised

        package var text: DiagnosticText {
            switch self {
            case .invalid(let encoding, let offset):
                return "the file is not \(encoding.label) (byte \(offset + 1))"
            case .unrecognised: return "cannot tell the file's encoding"
            }
        }
    }

    package static func decode(
        _ data: Data, as given: TextEncoding? = nil
    ) -> Result<Decoded, Failure> {
        let bytes = [UInt8](data)
        if let given { return decode(bytes, given).map { Decoded(text: $0, encoding: given) } }
        // Byte-order marks decide.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return decode(bytes, .utf8).map { Decoded(text: $0, encoding: .utf8) }
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            || looksLikeUTF16(bytes)
        {
            return decode(bytes, .utf16).map { Decoded(text: $0, encoding: .utf16) }
        }
        if case .success(let text) = decode(bytes, .utf8) {
            return .success(Decoded(text: text, encoding: .utf8))
        }
        // A single-byte Vietnamese encoding: the one whose text reads as Vietnamese.
        var best: (Decoded, Int)?
        for encoding in [TextEncoding.windows1258, .tcvn3] {
            guard case .success(let text) = decode(bytes, encoding) else { continue }
            let score = strangeness(text)
            if best == nil || score < best!.1 {
                best = (Decoded(text: text, encoding: encoding), score)
            }
        }
        guard let best else { return .failure(.unrecognised) }
        return .success(best.0)
    }

    static func decode(_ bytes: [UInt8], _ encoding: TextEncoding) -> Result<String, Failure> {
        switch encoding {
        case .utf8:
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            guard let text = String(validating: body, as: UTF8.self) else {
                return .failure(
                    .invalid(
                        .utf8, offset: firstInvalidUTF8(body) + (body.count < bytes.count ? 3 : 0)))
            }
            return .success(text.precomposedStringWithCanonicalMapping)
        case .utf16:
            var body = bytes[...]
            var bigEndian = false
            if bytes.starts(with: [0xFF, 0xFE]) {
                body = bytes.dropFirst(2)
            } else if bytes.starts(with: [0xFE, 0xFF]) {
                body = bytes.dropFirst(2); bigEndian = true
            } else if bytes.count >= 2 && bytes[0] == 0 && bytes[1] != 0 {
                bigEndian = true
            }
            guard body.count % 2 == 0 else {
                return .failure(.invalid(.utf16, offset: bytes.count - 1))
            }
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var i = body.startIndex
            while i < body.endIndex {
                let a = UInt16(body[i]), b = UInt16(body[i + 1])
                units.append(bigEndian ? a << 8 | b : b << 8 | a)
                i += 2
            }
            var text = ""
            var iterator = units.makeIterator()
            var decoder = UTF16()
            var index = 0
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): text.unicodeScalars.append(scalar); index += 1
                case .emptyInput: break loop
                case .error:
                    return .failure(.invalid(.utf16, offset: (body.startIndex) + index * 2))
                }
            }
            return .success(text.precomposedStringWithCanonicalMapping)
        case .windows1258, .tcvn3:
            guard let text = iconv(bytes, from: encoding.iconvName!) else {
                return .failure(.invalid(encoding, offset: 0))
            }
            return .success(text.precomposedStringWithCanonicalMapping)
        }
    }

    /// UTF-16 without a mark: every other byte is zero in ASCII-heavy text.
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 8, bytes.count % 2 == 0 else { return false }
        let sample = bytes.prefix(400)
        var evenZeros = 0, oddZeros = 0
        for (i, b) in sample.enumerated() where b == 0 {
            if i % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample.count / 2
        return oddZeros * 10 >= pairs * 6 || evenZeros * 10 >= pairs * 6
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }

    /// Characters a Vietnamese text does not have: combining marks left over after composition
    /// and letters outside the Vietnamese alphabet. The lower, the likelier the encoding.
    static func strangeness(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            if vietnamese.contains(scalar) { continue }
            switch scalar.value {
            case 0xA0, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0xB0: continue
            default: count += 1
            }
        }
        return count
    }

    static let vietnamese: Set<Unicode.Scalar> = {
        let lower = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
        return Set((lower + lower.uppercased()).unicodeScalars)
    }()

    /// glibc's iconv, `from` → UTF-8.
    static func iconv(_ bytes: [UInt8], from: String) -> String? {
        let cd = iconv_open("UTF-8", from)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let ok = input.withUnsafeMutableBufferPointer { inBuffer -> Int? in
            output.withUnsafeMutableBufferPointer { outBuffer -> Int? in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(
                    inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(
                    outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                if inLeft > 0 {
                    let result = Glibc.iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
                    if result == -1 { return nil }
                }
                // Windows-1258 and TCVN hold the last letter back for a tone mark that may follow: flush it.
                if Glibc.iconv(cd, nil, nil, &outPointer, &outLeft) == -1 { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let written = ok else { return nil }
        return String(decoding: output[..<written], as: UTF8.self)
    }
}
