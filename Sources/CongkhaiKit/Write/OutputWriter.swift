import CongkhaiCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The write stage. Pages go to a fresh folder beside the output; only a build that succeeds
/// swaps it in, so a failed build leaves the published site exactly as it was.
package final class OutputWriter: @unchecked Sendable {
    package let output: URL
    package let staging: URL
    private let createdFolders = FolderSet()

    package struct Failure: Error, CustomStringConvertible {
        package var path: String
        package var reason: DiagnosticText
        package var text: DiagnosticText { "\(path): \(reason)" }
        package var description: String { text.description }
    }

    package init(output: URL) throws(Failure) {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(
            ".\(self.output.lastPathComponent).staging-\(getpid())")
        // Folders left by a build that was killed (staging, or a previous site not yet removed):
        // only once the process that made them (its id ends the name) is gone.
        let prefixes = [
            ".\(self.output.lastPathComponent).staging-", ".\(self.output.lastPathComponent).old-",
        ]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] {
            guard let prefix = prefixes.first(where: name.hasPrefix) else { continue }
            if let pid = Int32(name.dropFirst(prefix.count)),
                pid == getpid() || OutputLock.isRunning(pid)
            {
                continue
            }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw Failure(
                path: staging.path,
                reason: "cannot create the build folder: \(error.localizedDescription)")
        }
    }

    /// Writes one file under the staging folder. `path` is confined by construction.
    package func write(_ data: Data, to path: OutputPath) throws(Failure) {
        let fd = try create(path)
        defer { close(fd) }
        let ok = data.withUnsafeBytes { FileIO.writeAll(fd, $0) }
        if !ok { throw Failure(path: path.relative, reason: "\(String(cString: strerror(errno)))") }
    }

    /// Writes one file as `fill` makes it, a megabyte at a time; returns its size.
    package func write(
        to path: OutputPath, streaming fill: (ByteSink) -> Void
    ) throws(Failure) -> Int {
        let fd = try create(path)
        defer { close(fd) }
        var reason: DiagnosticText?
        let sink = ByteSink(chunk: 1 << 20) { bytes in
            if FileIO.writeAll(fd, bytes) { return true }
            reason = "\(String(cString: strerror(errno)))"
            return false
        }
        fill(sink)
        guard sink.finish() else {
            throw Failure(path: path.relative, reason: reason ?? "write failed")
        }
        return sink.written
    }

    /// Opens a new file at `path` under the staging folder, making its folders first.
    private func create(_ path: OutputPath) throws(Failure) -> Int32 {
        let folder = path.folder
        if !folder.isEmpty { try makeFolder(folder) }
        let fd = open(staging.path + "/" + path.relative, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw Failure(path: path.relative, reason: "\(String(cString: strerror(errno)))")
        }
        return fd
    }

    private func makeFolder(_ relative: String) throws(Failure) {
        // Recorded only once the folder exists, so a concurrent writer never skips ahead of it.
        if createdFolders.contains(relative) { return }
        let full = staging.path + "/" + relative
        if mkdir(full, 0o755) != 0 && errno != EEXIST {
            guard errno == ENOENT, let slash = relative.lastIndex(of: "/") else {
                throw Failure(path: relative, reason: "\(String(cString: strerror(errno)))")
            }
            try makeFolder(String(relative[..<slash]))
            if mkdir(full, 0o755) != 0 && errno != EEXIST {
                throw Failure(path: relative, reason: "\(String(cString: strerror(errno)))")
            }
        }
        createdFolders.insert(relative)
    }

    /// Replaces the output folder with the staging folder.
    package func publish() throws(Failure) {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        let exists = fm.fileExists(atPath: output.path, isDirectory: &isFolder)
        if exists && !isFolder.boolValue {
            discard()
            throw Failure(path: output.path, reason: "the output exists and is not a folder")
        }
        let old = output.deletingLastPathComponent().appendingPathComponent(
            ".\(output.lastPathComponent).old-\(getpid())")
        if exists {
            guard rename(output.path, old.path) == 0 else {
                discard()
                throw Failure(
                    path: output.path,
                    reason:
                        "cannot move the previous site aside: \(String(cString: strerror(errno)))")
            }
        }
        guard rename(staging.path, output.path) == 0 else {
            let reason = "\(String(cString: strerror(errno)))"
            if exists { _ = rename(old.path, output.path) }
            discard()
            throw Failure(path: output.path, reason: "cannot move the new site in place: \(reason)")
        }
        if exists { try? fm.removeItem(at: old) }
    }

    /// Replaces one file of a published output: written beside it, then renamed over it, so a reader
    /// sees the old file or the new one, never a part.
    static func replace(in output: URL, path: OutputPath, with data: Data) throws(Failure) {
        let folder = output.appendingPathComponent(path.folder)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: path.relative, reason: "cannot create its folder")
        }
        let target = output.path + "/" + path.relative
        do {
            try FileIO.writeAtomically(
                data, to: target, temporary: FileIO.hiddenTemporary(for: target, tag: "tmp"))
        } catch {
            throw Failure(path: path.relative, reason: "\(error.reason)")
        }
    }

    /// Removes a page that no longer exists, and its folders once empty.
    static func remove(in output: URL, relative: String) {
        guard let path = OutputPath(urlPath: "/" + relative) else { return }
        unlink(output.path + "/" + path.relative)
        var folders = path.components.dropLast()
        while !folders.isEmpty {
            guard rmdir(output.path + "/" + folders.joined(separator: "/")) == 0 else { break }
            folders = folders.dropLast()
        }
    }

    /// Removes the staging folder; the output is untouched.
    package func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}

/// A set of folder paths shared by concurrent writers.
final class FolderSet: @unchecked Sendable {
    private var items = Set<String>()
    private let lock = NSLock()
    func insert(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        items.insert(path)
    }

    func contains(_ path: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return items.contains(path)
    }
}
