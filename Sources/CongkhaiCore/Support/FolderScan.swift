import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Every visible file of a folder tree with its size and modification time: what the build cache
/// compares and what `serve` polls. Level by level, the folders of each level on all cores;
/// readdir for names and fstatat relative to the open folder for stamps, so no path is resolved
/// twice. Hidden files and folders (`.git`, editor swap files) are skipped, as the loaders skip them.
package enum FolderScan {
    /// Adds `prefix + relative path → stamp` for each file under `root` whose extension is one of
    /// `extensions` (any file when nil); folders in `excluding` (absolute paths) are not entered.
    /// A symbolic link that leads outside `root` is not followed: its path goes to `escaping`.
    package static func stamps(
        of root: String, prefix: String, extensions: Set<String>?, excluding: Set<String> = [],
        into stamps: inout [String: SourceStamp], escaping: inout [String]
    ) {
        let resolvedRoot = SymbolicLinks.resolved(root) ?? root
        var level: [(path: String, relative: String)] = [(root, prefix)]
        while !level.isEmpty {
            let folders = level
            var listings = [Listing](repeating: Listing(), count: folders.count)
            listings.withUnsafeMutableBufferPointer { buffer in
                let slots = UnsafeSendable(buffer)
                DispatchQueue.concurrentPerform(iterations: folders.count) { i in
                    slots.value[i] = list(
                        folders[i].path, relative: folders[i].relative, extensions: extensions,
                        root: resolvedRoot)
                }
            }
            level = []
            for listing in listings {
                for (path, stamp) in listing.files { stamps[path] = stamp }
                escaping.append(contentsOf: listing.escaping)
                level.append(contentsOf: listing.folders.filter { !excluding.contains($0.path) })
            }
        }
    }

    private struct Listing: Sendable {
        var files: [(String, SourceStamp)] = []
        var folders: [(path: String, relative: String)] = []
        var escaping: [String] = []
    }

    /// One folder's files (with their stamps) and sub-folders.
    private static func list(
        _ path: String, relative: String, extensions: Set<String>?, root: String
    ) -> Listing {
        var listing = Listing()
        guard let dir = opendir(path) else { return listing }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let type = entry.pointee.d_type
            if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN),
                SymbolicLinks.escape(path + "/" + name, root: root) != nil
            {
                listing.escaping.append(relative + name)
                continue
            }
            var info = stat()
            guard fstatat(dirfd(dir), name, &info, 0) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                listing.folders.append((path + "/" + name, relative + name + "/"))
            } else if (info.st_mode & S_IFMT) == S_IFREG,
                extensions.map({ wanted in
                    name.lastIndex(of: ".").map {
                        wanted.contains(name[name.index(after: $0)...].lowercased())
                    } ?? false
                }) ?? true
            {
                listing.files.append(
                    (
                        relative + name,
                        SourceStamp(
                            size: Int(info.st_size),
                            modified: Int(info.st_mtim.tv_sec) * 1_000_000_000
                                + Int(info.st_mtim.tv_nsec))
                    ))
            }
        }
        return listing
    }
}
