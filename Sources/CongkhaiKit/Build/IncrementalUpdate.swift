import CongkhaiCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Which pages changed since the last build, and which no longer exist: an incremental build
/// renders only those and replaces them in the published output (`InPlaceWriter`).
struct IncrementalUpdate {
    var pages: [PlannedPage]
    var fingerprints: [UInt64]
    var changed: [Int]
    var stale: [String]
    var output: URL
    /// The previous build's records, kept for the pages that did not change.
    var previous: [String: BuildCache.PageRecord]

    /// Beyond this share of changed pages a full build (with its atomic swap) is as fast.
    static let maximumShare = 0.25

    /// For each of `count` files (`file(i)`: its path under `output` and the size it should have,
    /// or nil to skip it), whether it is there at that size. The stats run on every core: on a
    /// large site they are most of comparing with the last build.
    static func onDisk(
        in output: URL, count: Int, _ file: @Sendable (Int) -> (path: String, size: Int)?
    ) -> [Bool] {
        var found = [Bool](repeating: false, count: count)
        let root = output.path + "/"
        found.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSendable(buffer)
            let chunk = 512
            DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { c in
                for i in (c * chunk)..<min(count, (c + 1) * chunk) {
                    guard let (path, size) = file(i) else { continue }
                    var info = stat()
                    slots.value[i] = stat(root + path, &info) == 0 && Int(info.st_size) == size
                }
            }
        }
        return found
    }

    /// nil when the output is missing or too much changed: then a full build is the way.
    static func plan(
        pages: [PlannedPage], fingerprints: [UInt64], cache: BuildCache, output path: String
    ) -> IncrementalUpdate? {
        let output = URL(fileURLWithPath: path).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder),
            isFolder.boolValue
        else { return nil }
        // A page is kept only when its fingerprint matches and its file is still there, unedited in
        // size.
        let kept = Self.onDisk(in: output, count: pages.count) { i in
            guard let record = cache.pages[pages[i].path.relative],
                record.fingerprint == fingerprints[i]
            else { return nil }
            return (pages[i].path.relative, record.size)
        }
        let changed = kept.indices.filter { !kept[$0] }
        guard Double(changed.count) <= Double(pages.count) * maximumShare else { return nil }
        // Planned paths are distinct, so when every cached path is planned there is nothing stale.
        let recorded = pages.reduce(0) { $0 + (cache.pages[$1.path.relative] != nil ? 1 : 0) }
        var stale: [String] = []
        if recorded < cache.pages.count {
            let planned = Set(pages.map(\.path.relative))
            stale = cache.pages.keys.filter { !planned.contains($0) }.sorted()
        }
        return IncrementalUpdate(
            pages: pages, fingerprints: fingerprints, changed: changed, stale: stale,
            output: output,
            previous: cache.pages)
    }

    /// The page records after the update: the changed pages' new fingerprints and `sizes` (in
    /// the order of `changed`), the others' kept (their fingerprint and size were just checked),
    /// the stale ones gone.
    func records(sizes: [Int]) -> [String: BuildCache.PageRecord] {
        var records = previous
        for path in stale { records.removeValue(forKey: path) }
        for (j, index) in changed.enumerated() {
            records[pages[index].path.relative] = .init(
                fingerprint: fingerprints[index], size: sizes[j])
        }
        return records
    }
}
