import Foundation

/// The image cache does not grow for ever: a daily CI build keeps it between runs, and photos are
/// replaced. An entry this build uses has its date renewed (at most once a day); an entry, or a
/// whole folder of an older recipe, that no build has used for `CacheAging.retention` is removed,
/// as are the staging folders of builds that were stopped.
extension ImageStore {
    /// `used`: the entry names (hashes) this build's photos live in.
    func prune(keeping used: Set<String>, now: Date = Date()) {
        let files = FileManager.default
        CacheAging.renew(folder, now: now)
        for name in (try? files.contentsOfDirectory(atPath: folder)) ?? [] {
            let path = folder + "/" + name
            if used.contains(name) {
                CacheAging.renew(path, now: now)
            } else if name.contains(".part-") {
                if CacheAging.age(path, now: now) > CacheAging.renewal {
                    try? files.removeItem(atPath: path)
                }
            } else if name.count == 16, CacheAging.age(path, now: now) > CacheAging.retention {
                try? files.removeItem(atPath: path)
            }
        }
        let recipes = (folder as NSString).deletingLastPathComponent
        let own = (folder as NSString).lastPathComponent
        for name in (try? files.contentsOfDirectory(atPath: recipes)) ?? [] where name != own {
            let path = recipes + "/" + name
            if CacheAging.age(path, now: now) > CacheAging.retention {
                try? files.removeItem(atPath: path)
            }
        }
    }
}
