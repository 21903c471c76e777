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

    /// Every recorded file at its recorded size: stat on all cores, as `IncrementalUpdate` does.
    static func intact(_ pages: [String: BuildCache.PageRecord], output: String) -> Bool {
        let root = URL(fileURLWithPath: output).standardizedFileURL.path + "/"
        let records = Array(pages)
        var missing = [Bool](repeating: false, count: records.count)
        missing.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSendable(buffer)
            let chunk = 512
            DispatchQueue.concurrentPerform(iterations: (records.count + chunk - 1) / chunk) { c in
                for i in (c * chunk)..<min(records.count, (c + 1) * chunk) {
                    var info = stat()
                    slots.value[i] =
                        stat(root + records[i].key, &info) != 0
                        || Int(info.st_size) != records[i].value.size
                }
            }
        }
        return !missing.contains(true)
    }
}
