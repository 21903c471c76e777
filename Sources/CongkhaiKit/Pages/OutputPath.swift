import CongkhaiCore

/// A file's place inside the output folder. It can only be built from plain path segments,
/// so whatever a slug or front matter says, nothing is written outside `--output`.
package struct OutputPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// `tin-tuc/abc/index.html`: held joined, as caches and fingerprints use it for every page.
    package let relative: String

    package init?(components: [String]) {
        guard !components.isEmpty, components.allSatisfy(OutputPath.isSafeSegment) else {
            return nil
        }
        relative = components.joined(separator: "/")
    }

    /// The file that serves a URL path: `/tin-tuc/abc/` → `tin-tuc/abc/index.html`, `/sitemap.xml` → itself.
    /// One pass over the bytes, with the checks of `isSafeSegment`: a large site plans tens of thousands of pages.
    package init?(urlPath: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(urlPath.utf8.count + 10)
        var length = 0, dotsOnly = true
        for byte in urlPath.utf8 {
            if byte == 0x2F {  // "/": ends a segment; empty segments are dropped
                guard length == 0 || !(dotsOnly && length <= 2) else { return nil }
                length = 0; dotsOnly = true
                continue
            }
            guard byte != 0x5C && byte != 0 else { return nil }
            if length == 0 && !bytes.isEmpty { bytes.append(0x2F) }
            bytes.append(byte)
            length += 1
            if byte != 0x2E { dotsOnly = false }
        }
        guard length == 0 || !(dotsOnly && length <= 2) else { return nil }
        if urlPath.utf8.last == 0x2F || bytes.isEmpty {
            if !bytes.isEmpty { bytes.append(0x2F) }
            bytes.append(contentsOf: "index.html".utf8)
        }
        relative = String(decoding: bytes, as: UTF8.self)
    }

    /// The path's segments: folders, then the file name.
    package var components: [String] {
        relative.utf8.split(separator: 0x2F).map { String(Substring($0)) }
    }

    /// The folder holding the file (`tin-tuc/abc`), "" at the top.
    package var folder: String {
        guard let slash = relative.utf8.lastIndex(of: 0x2F) else { return "" }
        return String(relative[..<slash])
    }

    /// The file's own name (`index.html`).
    package var fileName: String {
        guard let slash = relative.utf8.lastIndex(of: 0x2F) else { return relative }
        return String(relative[relative.utf8.index(after: slash)...])
    }

    static func isSafeSegment(_ segment: String) -> Bool {
        // Byte checks: Foundation's `contains` on strings is costly for every page of a large site.
        !segment.isEmpty && segment != "." && segment != ".."
            && !segment.utf8.contains { $0 == 0x2F || $0 == 0x5C || $0 == 0 }
    }

    package var description: String { relative }

    package static func < (a: OutputPath, b: OutputPath) -> Bool { a.relative < b.relative }
}
