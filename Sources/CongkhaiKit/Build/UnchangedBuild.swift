import CongkhaiCore
import Foundation

/// A build with nothing to do: no input changed since the last build (same options, build date
/// and program: the cache is that build's), which reported nothing, and every file it wrote is
/// still there at its size. Then nothing is loaded, made or written. Anything else, and the
/// build takes its usual path, which finds and rewrites what is missing.
enum UnchangedBuild {
    static func isUnchanged(_ options: BuildOptions, cache: CacheSession, run: BuildRun) -> Bool {
        guard options.units.isEmpty, cache.previousWasClean,
            let before = cache.previousStamps?.stamps, before == cache.inventory.stamps
        else { return false }
        return run.timed("compare with the last build") {
            guard let pages = cache.previous?.pages, !pages.isEmpty else { return false }
            return intact(pages, output: options.outputPath)
        }
    }

    /// Every recorded file at its recorded size.
    static func intact(_ pages: [String: BuildCache.PageRecord], output: String) -> Bool {
        let records = Array(pages)
        return !IncrementalUpdate.onDisk(
            in: URL(fileURLWithPath: output).standardizedFileURL, count: records.count
        ) { (records[$0].key, records[$0].value.size) }.contains(false)
    }
}
