import CongkhaiCore
import CongkhaiKit
import Foundation

/// Notices changes under a few folders by polling: each file's modification time and size, compared
/// with the previous look. No kernel notification API, so it behaves the same on Linux and macOS
/// and needs no dependency; a site's source folders are small enough to list every few hundred ms.
///
/// Hidden files and folders (editor swap files such as `.a.md.swp`) are ignored, as the loaders
/// ignore them; so is anything under `excluding` (the preview's own output folder).
package struct FileWatcher: Sendable {
    /// What the watcher knows of one file.
    package struct Stamp: Equatable, Sendable {
        package var modified: Double
        package var size: Int
    }

    /// The folders watched, each as the caller named it (`Content`) and where it is.
    package let roots: [(name: String, url: URL)]
    package let excluding: [URL]
    private var known: [String: Stamp]

    /// Starts watching: the first look is taken now, so only later changes are reported.
    /// Changed files are reported under the names the roots were given: `Content/news/a.md`.
    package init(roots: [String], excluding: [String] = []) {
        self.roots = roots.map { name in
            let trimmed = name.count > 1 && name.hasSuffix("/") ? String(name.dropLast()) : name
            return (trimmed, URL(fileURLWithPath: name, isDirectory: true).standardizedFileURL)
        }
        self.excluding = excluding.map {
            URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL
        }
        known = [:]
        known = scan()
    }

    /// Looks again and returns the files added, changed or removed since the last look, sorted.
    package mutating func poll() -> [String] {
        let now = scan()
        var changed: [String] = []
        for (path, stamp) in now where known[path] != stamp { changed.append(path) }
        for path in known.keys where now[path] == nil { changed.append(path) }
        known = now
        return changed.sorted()
    }

    /// Every visible regular file under the roots, with its stamp.
    func scan() -> [String: Stamp] {
        var found: [String: SourceStamp] = [:]
        let excluded = Set(excluding.map(\.path))
        for (name, root) in roots where !excluded.contains(root.path) {
            var escaping: [String] = []
            FolderScan.stamps(
                of: root.path, prefix: name + "/", extensions: nil, excluding: excluded,
                into: &found, escaping: &escaping)
            // A link made to leave the folder is a change too: the rebuild reports it.
            for path in escaping { found[path] = SourceStamp(size: -1, modified: 0) }
        }
        return found.mapValues { Stamp(modified: Double($0.modified) / 1e9, size: $0.size) }
    }
}
