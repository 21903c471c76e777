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
        stamps.reserveCapacity(4096)
        walk(content.url.path, prefix: "content/", extensions: contentExtensions, into: &stamps)
        if let templates {
            walk(ContentDirectory(path: templates).url.path, prefix: "templates/",
                 extensions: Theme.assetExtensions.union(["mustache"]), into: &stamps)
        }
        return SourceInventory(stamps: stamps)
    }

    /// A folder tree, level by level, the folders of each level on all cores: readdir for names,
    /// fstatat relative to the open folder for stamps (no path is resolved twice). Hidden files and
    /// folders are skipped, as the loader does.
    private static func walk(_ root: String, prefix: String, extensions: Set<String>, into stamps: inout [String: SourceStamp]) {
        var level: [(path: String, relative: String)] = [(root, prefix)]
        while !level.isEmpty {
            let folders = level
            var listings = [Listing](repeating: Listing(), count: folders.count)
            listings.withUnsafeMutableBufferPointer { buffer in
                let slots = UnsafeSendable(buffer)
                DispatchQueue.concurrentPerform(iterations: folders.count) { i in
                    slots.value[i] = list(folders[i].path, relative: folders[i].relative, extensions: extensions)
                }
            }
            level = []
            for listing in listings {
                for (path, stamp) in listing.files { stamps[path] = stamp }
                level.append(contentsOf: listing.folders)
            }
        }
    }

    private struct Listing: Sendable {
        var files: [(String, SourceStamp)] = []
        var folders: [(path: String, relative: String)] = []
    }

    /// One folder's files (with their stamps) and sub-folders.
    private static func list(_ path: String, relative: String, extensions: Set<String>) -> Listing {
        var listing = Listing()
        guard let dir = opendir(path) else { return listing }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            var info = stat()
            guard fstatat(dirfd(dir), name, &info, 0) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                listing.folders.append((path + "/" + name, relative + name + "/"))
            } else if (info.st_mode & S_IFMT) == S_IFREG, let dot = name.lastIndex(of: "."),
                      extensions.contains(name[name.index(after: dot)...].lowercased()) {
                listing.files.append((relative + name, SourceStamp(size: Int(info.st_size),
                    modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))))
            }
        }
        return listing
    }

    /// The files under `prefix` with one of `extensions`, relative to the prefix's first segment
    /// (`content/news/a.md` → `news/a.md`), sorted as the loader lists them.
    func files(under prefix: String, extensions: Set<String>) -> [String] {
        let root = prefix.prefix { $0 != "/" }.count + 1
        return stamps.keys.filter { path in
            path.hasPrefix(prefix) && path.lastIndex(of: ".").map { extensions.contains(path[path.index(after: $0)...].lowercased()) } == true
        }.map { String($0.dropFirst(root)) }.sorted()
    }

    /// A digest of the stamps of files whose path starts with one of `prefixes`.
    public func digest(prefixes: [String]) -> UInt64 {
        // Filtered on bytes before sorting: most prefixes name a few files among thousands.
        let matching = stamps.filter { entry in prefixes.contains { entry.key.utf8.starts(with: $0.utf8) } }
        var hasher = StableHasher()
        for (path, stamp) in matching.sorted(by: { $0.key < $1.key }) {
            hasher.combine(path)
            hasher.combine(stamp.size)
            hasher.combine(stamp.modified)
        }
        return hasher.value
    }
}
