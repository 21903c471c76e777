import Foundation

/// How long what the build cache keeps for every output (photos, social cards) stays unused
/// before it is removed: a daily CI build keeps the cache between runs, and photos and figures
/// change. An entry a build uses has its date renewed, at most once a day.
enum CacheAging {
    static let retention: TimeInterval = 30 * 86_400
    static let renewal: TimeInterval = 86_400

    /// Seconds since `path` was last modified (or renewed); 0 when it cannot be read. One
    /// `lstat`, as `FileManager.attributesOfItem` did (it also read the owner, the group and the
    /// rest into a dictionary): this runs for every card read from the cache and every photo entry.
    static func age(_ path: String, now: Date) -> TimeInterval {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        let modified =
            TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9
        return now.timeIntervalSince1970 - modified
    }

    /// Marks `path` as used now, unless it was within the last day.
    static func renew(_ path: String, now: Date) {
        guard age(path, now: now) > renewal else { return }
        try? FileManager.default.setAttributes([.modificationDate: now], ofItemAtPath: path)
    }
}
