import Foundation

/// Every input file's size and modification time, to tell what changed since the last build.
public struct SourceStamp: Sendable, Hashable {
    public var size: Int
    public var modified: Int  // nanoseconds since 1970
}

public struct SourceInventory: Sendable {
    /// `content/news/a.md`, `templates/article.mustache` → stamp.
    public var stamps: [String: SourceStamp]

    static let contentExtensions: Set<String> = ["md", "markdown", "yml", "yaml", "csv"]

    public static func scan(content: ContentDirectory, templates: String?) -> SourceInventory {
        var stamps: [String: SourceStamp] = [:]
        func add(_ folder: ContentDirectory, prefix: String, extensions: Set<String>) {
            for relative in folder.files(under: "", extensions: extensions) {
                var info = stat()
                guard stat(folder.url.path + "/" + relative, &info) == 0 else { continue }
                stamps[prefix + relative] = SourceStamp(size: Int(info.st_size),
                                                        modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
            }
        }
        add(content, prefix: "content/", extensions: contentExtensions)
        if let templates { add(ContentDirectory(path: templates), prefix: "templates/", extensions: Theme.assetExtensions.union(["mustache"])) }
        return SourceInventory(stamps: stamps)
    }

    /// A digest of the stamps of files whose path starts with one of `prefixes`.
    public func digest(prefixes: [String]) -> UInt64 {
        var hasher = StableHasher()
        for (path, stamp) in stamps.sorted(by: { $0.key < $1.key }) where prefixes.contains(where: path.hasPrefix) {
            hasher.combine(path)
            hasher.combine(stamp.size)
            hasher.combine(stamp.modified)
        }
        return hasher.value
    }
}

#if canImport(Glibc)
import Glibc
#endif
