import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Symbolic links in a site's folders: one inside `Content/` or `Templates/` may point anywhere
/// inside it, never outside (a change request could otherwise publish any file of the CI runner).
package enum SymbolicLinks {
    /// `path` with every link resolved; nil when it does not exist.
    package static func resolved(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    /// Where `path` really is when that is outside `root` (already resolved); nil when inside
    /// or missing.
    package static func escape(_ path: String, root: String) -> String? {
        guard let target = resolved(path) else { return nil }
        if target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
            return nil
        }
        return target
    }
}
