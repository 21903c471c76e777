import CongkhaiCore
import CongkhaiKit
import Foundation

/// Maps a request path to a file of the built site, confined to the site's folder.
package struct SiteFiles: Sendable {
    /// What a request path leads to.
    package enum Resolution: Equatable, Sendable {
        /// A file inside the site's folder.
        case file(URL)
        /// A folder asked for without its trailing slash: send the browser to `location`.
        case redirect(location: String)
        case notFound
        /// A path that tries to leave the folder (`..`, an encoded `/` or `\`, NUL) or cannot be decoded.
        case rejected
    }

    package let root: URL

    package init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// Resolves the raw (still percent-encoded) path of a request: `/tin-tuc/`, `/assets/style.css`.
    /// Every segment is decoded and checked on its own, so neither `/../` nor `/%2e%2e/` nor
    /// `/a%2f..%2fb` can climb out; then the file's real path (symlinks resolved) must lie inside the
    /// real path of the root.
    package func resolve(_ rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/") else { return .rejected }
        var segments: [String] = []
        let rawSegments = rawPath.split(separator: "/", omittingEmptySubsequences: true)
        for raw in rawSegments {
            guard let segment = raw.removingPercentEncoding else { return .rejected }
            if segment == ".." || segment == "." || segment.contains("/") || segment.contains("\\")
                || segment.contains("\0")
            {
                return .rejected
            }
            // Dot files are never part of a built site (staging folders, editor files).
            if segment.hasPrefix(".") { return .notFound }
            segments.append(segment)
        }
        var url = root
        for segment in segments { url.appendPathComponent(segment) }

        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isFolder) else { return .notFound }
        if isFolder.boolValue {
            // Rebuilt from the segments, so `//host` can never become a redirect to another site.
            guard rawPath.hasSuffix("/") else {
                return .redirect(location: "/" + rawSegments.joined(separator: "/") + "/")
            }
            url.appendPathComponent("index.html")
            guard fm.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue
            else { return .notFound }
        }
        guard isInside(url) else { return .rejected }
        return .file(url)
    }

    /// Whether `url`, with symlinks resolved, is inside the root (also with symlinks resolved).
    func isInside(_ url: URL) -> Bool {
        let base = root.resolvingSymlinksInPath().path
        let real = url.resolvingSymlinksInPath().path
        return real.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    /// The `Content-Type` for a file name, by its extension.
    package static func contentType(for path: String) -> String {
        let ext = (path as NSString).pathExtension.lowercased()
        return contentTypes[ext] ?? "application/octet-stream"
    }

    package static func isHTML(_ path: String) -> Bool {
        ["html", "htm"].contains((path as NSString).pathExtension.lowercased())
    }

    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml",
        "xml": "application/xml; charset=utf-8",
        "json": "application/json",
        "csv": "text/csv; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "md": "text/plain; charset=utf-8",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "pdf": "application/pdf",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "webmanifest": "application/manifest+json",
        "zip": "application/zip",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]
}
