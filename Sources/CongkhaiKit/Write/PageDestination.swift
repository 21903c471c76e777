import CongkhaiCore
import Foundation

/// Where a build writes its pages: a staging folder swapped in whole (`OutputWriter`, a full
/// build), or the published folder itself, file by file (`InPlaceWriter`, an incremental build or
/// a body edit). Pages are written from every core at once; nothing is published before `commit`.
package protocol PageDestination: AnyObject, Sendable {
    func write(_ data: Data, to path: OutputPath) throws(OutputWriter.Failure)
    /// Writes a page as `fill` makes it; returns its size.
    func write(
        to path: OutputPath, streaming fill: (ByteSink) -> Void
    ) throws(OutputWriter.Failure) -> Int
    /// Makes every page written so far the published output.
    func commit() throws(OutputWriter.Failure)
    /// Drops what was written; the published output is as it was.
    func discard()
}

extension OutputWriter: PageDestination {
    package func commit() throws(Failure) { try publish() }
}

extension OutputWriter.Failure {
    /// The one way a file that could not be written is reported, whichever build wrote it.
    package var diagnostic: Diagnostic {
        .error(SourceLocation(file: path), "cannot write: \(reason)")
    }
}

/// Pages that replace their files in the published output. Every page is held in memory until
/// `commit`, so a build that fails writes nothing; then each file is replaced by one rename (a
/// reader sees the old file or the new one), and the pages that no longer exist are removed.
package final class InPlaceWriter: PageDestination, @unchecked Sendable {
    let output: URL
    let stale: [String]
    private var pending: [(path: OutputPath, data: Data)] = []
    private let lock = NSLock()

    /// `stale`: the output's files, relative to it, that the build no longer makes.
    init(output: URL, removing stale: [String] = []) {
        self.output = output.standardizedFileURL
        self.stale = stale
    }

    package func write(_ data: Data, to path: OutputPath) throws(OutputWriter.Failure) {
        lock.lock(); defer { lock.unlock() }
        pending.append((path, data))
    }

    package func write(
        to path: OutputPath, streaming fill: (ByteSink) -> Void
    ) throws(OutputWriter.Failure) -> Int {
        let data = OpenData.whole(fill)
        try write(data, to: path)
        return data.count
    }

    package func commit() throws(OutputWriter.Failure) {
        for page in pending {
            try OutputWriter.replace(in: output, path: page.path, with: page.data)
        }
        for path in stale { OutputWriter.remove(in: output, relative: path) }
        pending = []
    }

    package func discard() {
        lock.lock(); defer { lock.unlock() }
        pending = []
    }
}
