import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One build per output at a time: an exclusive `flock` on `.<output>.lock` beside the output,
/// held for the whole build (scan, cache, render, swap). The holder writes its process id into
/// the file, so a second build can say whom it waits for. The kernel releases the lock when the
/// holder exits, however it exits, so a killed build never leaves the output locked.
package final class OutputLock: @unchecked Sendable {
    /// The lock file, `.<output>.lock` in the output's parent folder.
    package let path: String
    private var fd: Int32

    package enum Failure: Error, Sendable, Equatable {
        /// `--no-wait`, and another process holds the lock (its id when it wrote one).
        case busy(holder: Int32?)
        /// The lock file cannot be made or locked.
        case unavailable(path: String, reason: String)
    }

    /// The lock file of an output folder.
    package static func lockPath(for output: URL) -> String {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(
            ".\(output.lastPathComponent).lock"
        ).path
    }

    /// Takes the lock of `output`. When another process holds it: with `wait`, calls `waiting`
    /// once with that process's id and blocks until it is free; without, fails with `.busy`.
    package init(output: URL, wait: Bool, waiting: (Int32?) -> Void = { _ in }) throws(Failure) {
        path = Self.lockPath(for: output)
        let parent = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw .unavailable(path: path, reason: String(cString: strerror(errno)))
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw .unavailable(path: path, reason: reason)
            }
            let holder = Self.holder(fd)
            guard wait else {
                close(fd)
                throw .busy(holder: holder)
            }
            waiting(holder)
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let reason = String(cString: strerror(errno))
                    close(fd)
                    throw .unavailable(path: path, reason: reason)
                }
            }
        }
        // Ours now: say who holds it.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// The process id written in the lock file by its holder, if any.
    private static func holder(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(
            in: .whitespacesAndNewlines)
        return Int32(text)
    }

    /// Lets the next build in. The file stays: removing it would let two builds lock two files.
    package func release() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }

    deinit { release() }

    /// Whether a process with this id is still running (a staging folder's maker, say).
    package static func isRunning(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
