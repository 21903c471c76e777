import Foundation

/// The image cache does not grow for ever: a daily CI build keeps it between runs, and photos are
/// replaced. An entry this build uses has its date renewed (at most once a day); an entry, or a
/// whole folder of an older recipe, that no build has used for `retention` is removed, as are the
/// staging folders of builds that were stopped.
extension ImageStore {
    static let retention: TimeInterval = 30 * 86_400
    private static let renewal: TimeInterval = 86_400

    /// `used`: the entry names (hashes) this build's photos live in.
    func prune(keeping used: Set<String>, now: Date = Date()) {
        let files = FileManager.default
        renew(folder, now: now)
        for name in (try? files.contentsOfDirectory(atPath: folder)) ?? [] {
            let path = folder + "/" + name
            if used.contains(name) {
                renew(path, now: now)
            } else if name.contains(".part-") {
                if age(path, now: now) > Self.renewal { try? files.removeItem(atPath: path) }
            } else if name.count == 16, age(path, now: now) > Self.retention {
                try? files.removeItem(atPath: path)
            }
        }
        let recipes = (folder as NSString).deletingLastPathComponent
        let own = (folder as NSString).lastPathComponent
        for name in (try? files.contentsOfDirectory(atPath: recipes)) ?? [] where name != own {
            let path = recipes + "/" + name
            if age(path, now: now) > Self.retention { try? files.removeItem(atPath: path) }
        }
    }

    /// Seconds since `path` was last modified (or renewed); 0 when it cannot be read.
    private func age(_ path: String, now: Date) -> TimeInterval {
        guard
            let modified = try? FileManager.default.attributesOfItem(atPath: path)[
                .modificationDate] as? Date
        else { return 0 }
        return now.timeIntervalSince(modified)
    }

    private func renew(_ path: String, now: Date) {
        guard age(path, now: now) > Self.renewal else { return }
        try? FileManager.default.setAttributes([.modificationDate: now], ofItemAtPath: path)
    }
}
