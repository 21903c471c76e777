import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Files replaced whole: made under a temporary name in the same folder, then renamed over the
/// old one, so that a reader (a build, a web server, the clerk's spreadsheet program) sees the old
/// file or the new one and never part of one. The card and photo caches, the build cache's files,
/// a page replaced in a published site, an imported CSV file and a template workbook are all
/// written this way.
extension FileIO {
    /// Why a file could not be written or moved into place: the system's error number.
    package struct WriteFailure: Error, Equatable, LocalizedError, CustomStringConvertible {
        package var code: Int32

        package init(code: Int32) { self.code = code }

        /// The system's words for it (`strerror`), e.g. "No space left on device".
        package var reason: String { String(cString: strerror(code)) }
        package var description: String { reason }
        package var errorDescription: String? { reason }
    }

    /// Replaces the file at `path` with `bytes`, written whole under `temporary` (by default
    /// `<path>.part-<UUID>`, unique to the call, so that writers of the same file in one process or
    /// several never share one) and renamed over `path`. The temporary file is removed when it
    /// cannot be written or renamed. The folder must exist. The file gets the permissions
    /// Foundation gives a new file (0666 less the umask).
    package static func writeAtomically(
        _ bytes: some ContiguousBytes, to path: String, temporary: String? = nil
    ) throws(WriteFailure) {
        try replace(path, temporary: temporary, renameFailed: { $0 }) {
            (part) throws(WriteFailure) in
            let fd = open(part, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard fd >= 0 else { throw WriteFailure(code: errno) }
            errno = 0
            let written = bytes.withUnsafeBytes { writeAll(fd, $0) }
            let writeError = errno
            if close(fd) != 0 && written { throw WriteFailure(code: errno) }
            guard written else { throw WriteFailure(code: writeError == 0 ? EIO : writeError) }
        }
    }

    /// Replaces the file at `path` with the one `make` writes at the temporary path it is given
    /// (as `writeAtomically`: by default `<path>.part-<UUID>`), for files a library writes by name.
    /// When `make` throws, or the rename fails (`renameFailed` says how that is reported), the
    /// temporary file is removed and `path` is left as it was.
    package static func replace<Failure: Error>(
        _ path: String, temporary: String? = nil,
        renameFailed: (WriteFailure) -> Failure,
        making make: (_ temporary: String) throws(Failure) -> Void
    ) throws(Failure) {
        let part = temporary ?? path + ".part-" + UUID().uuidString
        do {
            try make(part)
        } catch {
            unlink(part)
            throw error
        }
        guard rename(part, path) == 0 else {
            let failure = WriteFailure(code: errno)
            unlink(part)
            throw renameFailed(failure)
        }
    }

    /// A temporary name that listings skip: `.<name>.<tag>-<process id>` beside `path`. For files
    /// in folders that others read by listing (the published site, `Content/`): a name left by a
    /// write that was stopped stays hidden.
    package static func hiddenTemporary(for path: String, tag: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return ".\(path).\(tag)-\(getpid())" }
        let folder = path[...slash], name = path[path.index(after: slash)...]
        return "\(folder).\(name).\(tag)-\(getpid())"
    }
}
