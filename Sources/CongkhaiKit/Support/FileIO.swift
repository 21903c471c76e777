import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole-buffer reads and writes on a file descriptor: `read` and `write` may move fewer bytes
/// than asked, so they are called until all are moved.
enum FileIO {
    /// Writes every byte; false on an error (then `errno` says which).
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    /// Reads up to `count` bytes into `buffer`; returns how many were read before the end or an error.
    static func readAll(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        var offset = 0
        while offset < count {
            let n = read(fd, buffer + offset, count - offset)
            if n <= 0 { break }
            offset += n
        }
        return offset
    }
}
