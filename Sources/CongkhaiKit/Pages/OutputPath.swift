/// A file's place inside the output folder. It can only be built from plain path segments,
/// so whatever a slug or front matter says, nothing is written outside `--output`.
public struct OutputPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let components: [String]
    /// `tin-tuc/abc/index.html`: joined once, as caches and fingerprints use it for every page.
    public let relative: String

    public init?(components: [String]) {
        guard !components.isEmpty, components.allSatisfy(OutputPath.isSafeSegment) else { return nil }
        self.components = components
        relative = components.joined(separator: "/")
    }

    /// The file that serves a URL path: `/tin-tuc/abc/` → `tin-tuc/abc/index.html`, `/sitemap.xml` → itself.
    public init?(urlPath: String) {
        var parts = urlPath.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if urlPath.hasSuffix("/") || parts.isEmpty { parts.append("index.html") }
        self.init(components: parts)
    }

    static func isSafeSegment(_ segment: String) -> Bool {
        // Byte checks: Foundation's `contains` on strings is costly for every page of a large site.
        !segment.isEmpty && segment != "." && segment != ".."
            && !segment.utf8.contains { $0 == 0x2F || $0 == 0x5C || $0 == 0 }
    }

    public var description: String { relative }

    public static func < (a: OutputPath, b: OutputPath) -> Bool { a.relative < b.relative }
    public static func == (a: OutputPath, b: OutputPath) -> Bool { a.relative == b.relative }
    public func hash(into hasher: inout Hasher) { hasher.combine(relative) }
}
