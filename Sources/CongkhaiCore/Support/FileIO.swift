import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Whole files read, and whole buffers written, with `read` and `write`, which may move fewer
/// bytes than asked: they are called until all are moved.
package enum FileIO {
    /// Writes every byte; false on an error (then `errno` says which).
    package static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    /// The first `count` bytes of a file (all of it when it is shorter), and nothing more is read;
    /// nil when it is not a regular file that can be read.
    package static func head(atPath path: String, count: Int) -> [UInt8]? {
        guard let (fd, _) = openRegularFile(path) else { return nil }
        defer { close(fd) }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            filled = 0
            guard let read = fill(buffer, from: fd, at: 0) else { failed = true; return }
            filled = read
        }
        return failed ? nil : bytes
    }

    /// A whole file's bytes; nil when it cannot be opened or read. `open`, `fstat` and `read`:
    /// content files are read 400.000 times on a national site (front matter, then body), and
    /// `FileManager.contents(atPath:)` was 6% of loading that site's content (perf).
    package static func contents(atPath path: String) -> [UInt8]? {
        var tooLarge: Int?
        return contents(atPath: path, limit: .max, tooLarge: &tooLarge)
    }

    /// The same, unless the file holds more than `limit` bytes: then nil, with its size in
    /// `tooLarge`, and nothing of it is read.
    package static func contents(atPath path: String, limit: Int, tooLarge: inout Int?) -> [UInt8]?
    {
        guard let (fd, size) = openRegularFile(path) else { return nil }
        defer { close(fd) }
        if size > limit {
            tooLarge = size
            return nil
        }
        var bytes: [UInt8] = []
        // A file may grow after `fstat`: read until `read` reports its end.
        var capacity = size + 1
        while true {
            var more = false, failed = false
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = bytes.count
                if count > 0 { buffer.baseAddress!.initialize(from: bytes, count: count) }
                guard let read = fill(buffer, from: fd, at: count) else { failed = true; return }
                count = read
                more = count == capacity
            }
            if failed { return nil }
            guard more else { return bytes }
            // It grew past the limit while being read.
            if bytes.count > limit { tooLarge = bytes.count; return nil }
            capacity *= 2
        }
    }

    /// Reads into `buffer` from `start` until it is full or the file ends; the count of bytes it
    /// then holds, or nil on an error.
    private static func fill(
        _ buffer: UnsafeMutableBufferPointer<UInt8>, from fd: Int32, at start: Int
    ) -> Int? {
        var count = start
        while count < buffer.count {
            let n = read(fd, buffer.baseAddress! + count, buffer.count - count)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { break }
            count += n
        }
        return count
    }

    /// A regular file opened for reading, and its size; nil when it is not one or cannot be opened.
    private static func openRegularFile(_ path: String) -> (fd: Int32, size: Int)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return nil
        }
        return (fd, Int(info.st_size))
    }
}
