import CongkhaiCore
import Foundation

package struct SourceInventory: Sendable {
    /// `content/news/a.md`, `templates/article.mustache` → stamp.
    package var stamps: [String: SourceStamp]
    /// Symbolic links that lead outside Content/ or Templates/ (`content/news/a.md`): not
    /// stamped; while there are any, the cache is not used, so the loaders report each one.
    package var escapingLinks: [String] = []

    /// An input's key: `content/` and its path in the content folder (`content/site.yml`), or
    /// with `folder`, the prefix of every file in that folder (`content/news/`).
    static func content(_ relative: String, folder: Bool = false) -> String {
        "content/" + relative + (folder ? "/" : "")
    }

    static let contentExtensions: Set<String> = ["md", "markdown", "yml", "yaml", "csv"]

    package static func scan(content: ContentDirectory, templates: String?) -> SourceInventory {
        var stamps: [String: SourceStamp] = [:]
        stamps.reserveCapacity(4096)
        var escaping: [String] = []
        FolderScan.stamps(
            of: content.url.path, prefix: "content/", extensions: contentExtensions, into: &stamps,
            escaping: &escaping)
        if let templates {
            FolderScan.stamps(
                of: ContentDirectory(path: templates).url.path, prefix: "templates/",
                extensions: Theme.assetExtensions.union(["mustache"]), into: &stamps,
                escaping: &escaping)
        }
        return SourceInventory(stamps: stamps, escapingLinks: escaping)
    }

    /// The files under `prefix` with one of `extensions`, relative to the prefix's first segment
    /// (`content/news/a.md` → `news/a.md`), sorted as the loader lists them.
    func files(under prefix: String, extensions: Set<String>) -> [String] {
        let root = prefix.prefix { $0 != "/" }.count + 1
        return stamps.keys.filter { path in
            path.hasPrefix(prefix)
                && path.lastIndex(of: ".").map {
                    extensions.contains(path[path.index(after: $0)...].lowercased())
                } == true
        }.map { String($0.dropFirst(root)) }.sorted()
    }

    /// A digest of the stamps of files whose path starts with one of `prefixes`.
    package func digest(prefixes: [String]) -> UInt64 {
        // Filtered on bytes before sorting: most prefixes name a few files among thousands.
        let matching = stamps.filter { entry in
            prefixes.contains { entry.key.utf8.starts(with: $0.utf8) }
        }
        var hasher = StableHasher()
        for (path, stamp) in matching.sorted(by: { $0.key < $1.key }) {
            hasher.combine(path)
            hasher.combine(stamp.size)
            hasher.combine(stamp.modified)
        }
        return hasher.value
    }
}
