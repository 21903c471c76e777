import Foundation

/// The `Content/` folder: where files are, and how diagnostics name them.
public struct ContentDirectory: Sendable {
    public var url: URL
    /// The folder as the user named it (`Content`, `../site/Content`), prefixed to every file in diagnostics.
    public var displayName: String

    public init(path: String) {
        url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        displayName = path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    public func url(_ relative: String) -> URL { url.appendingPathComponent(relative) }
    public func display(_ relative: String) -> String { displayName.isEmpty ? relative : "\(displayName)/\(relative)" }

    public func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: url(relative).path)
    }

    /// Files under `folder` with one of `extensions`, recursively, as sorted relative paths.
    /// Hidden files and folders are skipped.
    public func files(under folder: String, extensions: Set<String>) -> [String] {
        let root = url(folder)
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var found: [String] = []
        let rootPath = root.standardizedFileURL.path
        for case let file as URL in enumerator {
            guard extensions.contains(file.pathExtension.lowercased()),
                  (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = file.standardizedFileURL.path
            guard path.hasPrefix(rootPath) else { continue }
            let tail = path.dropFirst(rootPath.count).drop { $0 == "/" }
            found.append(folder.isEmpty ? String(tail) : "\(folder)/\(tail)")
        }
        return found.sorted()
    }
}
