import CongkhaiCore
import Foundation

/// The `Content/` folder: where files are, and how diagnostics name them.
package struct ContentDirectory: Sendable {
    package let url: URL
    /// The folder as the user named it (`Content`, `../site/Content`), prefixed to every file in diagnostics.
    package var displayName: String

    /// The folder's absolute path, kept: files are opened by path thousands of times.
    package let rootPath: String
    /// The same with every symbolic link resolved: where a link inside the folder must lead.
    package let resolvedRoot: String
    /// How large a file may be, by kind: site.yml's once it is read.
    package var limits = SizeLimits()

    package init(path: String) {
        url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        rootPath = url.path
        resolvedRoot = SymbolicLinks.resolved(url.path) ?? url.path
        displayName = path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// Where `relative` really is when a symbolic link on its way leads outside this folder;
    /// nil when it stays inside (or does not exist).
    package func escape(_ relative: String) -> String? {
        SymbolicLinks.escape(path(relative), root: resolvedRoot)
    }

    /// Reports `relative` when a symbolic link takes it outside the folder; true when refused.
    func refusesLink(_ relative: String, log: DiagnosticLog?) -> Bool {
        guard let target = escape(relative) else { return false }
        log?.error(
            SourceLocation(file: display(relative)),
            "symbolic link leads outside \(displayName)/ (to \(target)); it is not read",
            hint: "copy the file into \(displayName)/ instead of linking to it")
        return true
    }

    /// A file of the folder named by the site (site.yml, units.yml…) as text, unless a symbolic
    /// link takes it outside the folder.
    func readText(_ relative: String, log: DiagnosticLog) -> String? {
        if refusesLink(relative, log: log) { return nil }
        return SourceReader.readText(
            atPath: path(relative), displayPath: display(relative), log: log, limit: .yaml)
    }

    package func url(_ relative: String) -> URL { url.appendingPathComponent(relative) }
    package func path(_ relative: String) -> String {
        rootPath.hasSuffix("/") ? rootPath + relative : rootPath + "/" + relative
    }
    package func display(_ relative: String) -> String {
        displayName.isEmpty ? relative : "\(displayName)/\(relative)"
    }

    package func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: url(relative).path)
    }

    /// Files under `folder` with one of `extensions`, recursively, as sorted relative paths.
    /// Hidden files and folders are skipped. Uses readdir's file types: no stat per file. A
    /// symbolic link (file or folder) that leads outside this folder is left out, and reported
    /// in `log`.
    package func files(
        under folder: String, extensions: Set<String>, log: DiagnosticLog? = nil
    ) -> [String] {
        if !folder.isEmpty && refusesLink(folder, log: log) { return [] }
        var found: [String] = []
        func walk(_ relative: String) {
            let path = relative.isEmpty ? rootPath : self.path(relative)
            guard let dir = opendir(path) else { return }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                    if refusesLink(child, log: log) { continue }
                    var info = stat()
                    guard stat(self.path(child), &info) == 0 else { continue }
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
                }
                if type == UInt8(DT_DIR) {
                    walk(child)
                } else if type == UInt8(DT_REG), let dot = name.lastIndex(of: "."),
                    extensions.contains(name[name.index(after: dot)...].lowercased())
                {
                    found.append(child)
                }
            }
        }
        walk(folder)
        return found.sorted()
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
