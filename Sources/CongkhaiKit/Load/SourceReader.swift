import CongkhaiCore
import Foundation

/// Reads content files as UTF-8 text, reporting where a file is not UTF-8.
enum SourceReader {
    /// `displayPath` is what diagnostics show (relative to the working folder when possible).
    static func readText(
        at url: URL, displayPath: String, log: DiagnosticLog, limit: Limit = .none
    ) -> String? {
        readText(atPath: url.path, displayPath: displayPath, log: log, limit: limit)
    }

    static func readText(
        atPath path: String, displayPath: String, log: DiagnosticLog, limit: Limit = .none
    ) -> String? {
        readBytes(atPath: path, displayPath: displayPath, log: log, limit: limit).flatMap {
            decode($0[...], displayPath: displayPath, log: log)
        }
    }

    /// How large a file may be, and the site.yml key that says so (nil: not configurable).
    struct Limit {
        var bytes: Int
        var key: String?
        static let none = Limit(bytes: .max, key: nil)
        static let yaml = Limit(bytes: SizeLimits.yamlBytes, key: nil)
        static func markdown(_ limits: SizeLimits) -> Limit {
            Limit(bytes: limits.markdownBytes, key: "max_markdown_mb")
        }
        static func csv(_ limits: SizeLimits) -> Limit {
            Limit(bytes: limits.csvBytes, key: "max_csv_mb")
        }
    }

    /// A content file's bytes, or nil after reporting that it cannot be read or is larger than
    /// `limit` (then nothing of it is read).
    static func readBytes(
        atPath path: String, displayPath: String, log: DiagnosticLog, limit: Limit = .none
    ) -> [UInt8]? {
        var size: Int?
        guard let bytes = FileIO.contents(atPath: path, limit: limit.bytes, tooLarge: &size) else {
            if let size {
                let hint: DiagnosticText =
                    limit.key.map {
                        "raise `\($0)` in site.yml if the file is meant to be this large"
                    }
                    ?? "a YAML file or a template of the site is at most \(megabytes(limit.bytes)) MB"
                log.error(
                    SourceLocation(file: displayPath, line: 1, column: 1),
                    "file is too large (\(megabytes(size)) MB; the limit is \(megabytes(limit.bytes)) MB)",
                    hint: hint)
            } else {
                log.error(SourceLocation(file: displayPath, line: 1, column: 1), "cannot read file")
            }
            return nil
        }
        return bytes
    }

    /// Megabytes, rounded up, as a diagnostic shows them.
    static func megabytes(_ bytes: Int) -> String { String((bytes + (1 << 20) - 1) >> 20) }

    /// Decodes UTF-8, dropping a byte-order mark; on bad bytes reports the first one's line and column.
    static func decode(
        _ file: ArraySlice<UInt8>, displayPath: String, log: DiagnosticLog
    ) -> String? {
        let bom = file.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Checked and copied once, straight from the file's bytes.
        let valid = file.withUnsafeBufferPointer { buffer in
            String(validating: UnsafeBufferPointer(rebasing: buffer[bom...]), as: UTF8.self)
        }
        if let valid { return valid }
        let bytes = [UInt8](file.dropFirst(bom))
        let (line, column, offset) = firstInvalidByte(bytes)
        log.error(
            SourceLocation(file: displayPath, line: line, column: column),
            "file is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at offset \(offset))",
            hint: "save the file as UTF-8; Excel: File › Save As › CSV UTF-8")
        return nil
    }

    private static func firstInvalidByte(_ bytes: [UInt8]) -> (line: Int, column: Int, offset: Int)
    {
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column, i)
            }
            if i + length > bytes.count { return (line, column, i) }
            if length > 1 {
                if String(validating: bytes[i..<i + length], as: UTF8.self) == nil {
                    return (line, column, i)
                }
            }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return (line, column, max(0, bytes.count - 1))
    }
}
