import CongkhaiCore
import CongkhaiImages
import Foundation

/// The media stage: resolves every file the published markdown points at, checks it (it exists,
/// stays in the content folder, is readable, has alt text, is not huge) and decides its URL. A
/// relative path starts from the markdown file's folder, as every markdown previewer shows it;
/// `/media/…` is `Content/media/…`. Files beside the markdown are published under its page's URL.
package enum MediaPlanner {
    static let photoExtensions: Set<String> = [
        "jpg", "jpeg", "png", "webp", "gif", "tif", "tiff", "heic", "heif", "avif",
    ]
    static let largeOriginal = 20 * 1024 * 1024

    /// A markdown file that points at files: where it is, and the page it becomes.
    struct Owner {
        var display: String
        /// Content-relative folder of the markdown file (`news/2021`).
        var folder: String
        var url: String
        var references: [MediaReference]
    }

    package static func plan(
        _ content: SiteContent, directory: ContentDirectory, log: DiagnosticLog
    ) -> MediaCatalog {
        let prefix = directory.display("").count
        func folder(of display: String) -> String {
            let relative = display.dropFirst(prefix)
            return relative.lastIndex(of: "/").map { String(relative[..<$0]) } ?? ""
        }
        var owners: [Owner] = []
        for article in content.articles where !article.references.isEmpty {
            owners.append(
                Owner(
                    display: article.source.file, folder: folder(of: article.source.file),
                    url: Routes.article(article),
                    references: article.references))
        }
        for page in content.planPages where !page.references.isEmpty {
            owners.append(
                Owner(
                    display: page.source.file, folder: folder(of: page.source.file),
                    url: Routes.planPage(page),
                    references: page.references))
        }
        return plan(owners, directory: directory, log: log)
    }

    static func plan(
        _ owners: [Owner], directory: ContentDirectory, log: DiagnosticLog
    ) -> MediaCatalog {
        // First every distinct original: does it exist, how large, and (photos) can libvips read it.
        var sources: [String] = []
        var seen = Set<String>()
        for owner in owners {
            for reference in owner.references
            where !reference.isSitePath || isMediaPath(reference.path) {
                if let source = resolve(reference.path, folder: owner.folder),
                    seen.insert(source).inserted
                {
                    sources.append(source)
                }
            }
        }
        let facts = inspect(sources, directory: directory)

        var catalog = MediaCatalog()
        var byURL: [String: MediaFile] = [:]
        for owner in owners {
            var table: [String: MediaFile] = [:]
            for reference in owner.references {
                let location = SourceLocation(
                    file: owner.display, line: reference.line, column: reference.column)
                if reference.kind == .imageWithoutAlt {
                    log.warning(
                        location, "image \"\(reference.target)\" has no alt text",
                        hint:
                            "people using a screen reader hear nothing for it: say what it shows, e.g. ![Quang cảnh hội nghị](\(reference.target))"
                    )
                }
                // a page: checked once pages are planned
                if reference.isSitePath && !isMediaPath(reference.path) { continue }
                guard let source = resolve(reference.path, folder: owner.folder) else {
                    log.error(
                        location, "\"\(reference.target)\" points outside the content folder",
                        hint:
                            "keep the files a page shows beside it, or in Content/media/ as /media/…"
                    )
                    continue
                }
                guard let fact = facts[source] else { continue }
                switch fact {
                case .missing:
                    log.error(
                        location, "file \"\(reference.target)\" not found",
                        hint:
                            "looked for \(directory.display(source)): a relative path starts from the folder of this markdown file"
                    )
                    continue
                case .outside:
                    log.error(
                        location,
                        "\"\(reference.target)\" leads outside the content folder (a symbolic link)",
                        hint: "copy the file into the content folder")
                    continue
                case .unreadable(let reason):
                    log.error(
                        location, "cannot read \"\(reference.target)\" as an image: \(reason)",
                        hint: "save it as JPEG, PNG or WebP")
                    continue
                case .file(let kind, let bytes, let pixels):
                    if reference.isImage && kind == .attachment {
                        log.error(
                            location, "\"\(reference.target)\" is not an image",
                            hint:
                                "show a JPEG, PNG, WebP or SVG file, or link to the document with [text](\(reference.target))"
                        )
                        continue
                    }
                    if bytes > largeOriginal {
                        log.warning(
                            location,
                            "\"\(reference.target)\" is \(MediaFile.size(bytes)), over 20 MB",
                            hint:
                                "publish a smaller copy: a phone photo 4000 pixels wide is about 5 MB, a scanned PDF at 150 dpi a few"
                        )
                    }
                    var url = publishedURL(source, folder: owner.folder, owner: owner.url)
                    // A photo's sizes are named from its URL without the extension: `hoi-nghi-960.webp`.
                    if kind == .photo, let dot = url.lastIndex(of: "."), !url[dot...].contains("/")
                    {
                        url = String(url[..<dot])
                    }
                    let file = MediaFile(
                        kind: kind, source: source, url: url, bytes: bytes, pixels: pixels)
                    if let existing = byURL[file.url], existing.source != source {
                        log.error(
                            location,
                            "\"\(reference.target)\" would be published at \(file.url), as \(directory.display(existing.source)) is",
                            hint: "rename one of the files")
                        continue
                    }
                    byURL[file.url] = file
                    table[reference.target] = file
                }
            }
            if !table.isEmpty {
                catalog.references[owner.display, default: [:]].merge(table) { a, _ in a }
            }
        }
        catalog.files = byURL.values.sorted { $0.url < $1.url }
        for file in catalog.files { catalog.originals[file.source] = directory.path(file.source) }
        return catalog
    }

    static func isMediaPath(_ path: String) -> Bool { path.hasPrefix(Routes.media) }

    /// A reference's path as a content-relative file path, or nil when it climbs out of the
    /// content folder. `/media/x` is `media/x`; anything else starts from `folder`.
    static func resolve(_ path: String, folder: String) -> String? {
        var parts: [Substring] = []
        let start: Substring = isMediaPath(path) ? "" : Substring(folder)
        let rest = isMediaPath(path) ? Substring(path.dropFirst()) : Substring(path)
        for segment in start.split(separator: "/")
            + rest.split(separator: "/", omittingEmptySubsequences: true)
        {
            switch segment {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(segment)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// Where a file is published: beside its page (`/tin-tuc/<slug>/anh/hoi-nghi.jpg` for
    /// `anh/hoi-nghi.jpg` next to the article), under `/media/` for `Content/media/`, else in the
    /// page's folder by its name. Every segment becomes a slug, so no space or diacritic reaches a URL.
    static func publishedURL(_ source: String, folder: String, owner: String) -> String {
        let segments = source.split(separator: "/").map(String.init)
        let kept: ArraySlice<String>
        let base: String
        if segments.first == "media" {
            base = Routes.media; kept = segments.dropFirst()
        } else if !folder.isEmpty, source.hasPrefix(folder + "/") {
            base = owner; kept = segments.dropFirst(folder.split(separator: "/").count)
        } else {
            base = owner; kept = segments.suffix(1)
        }
        var parts = kept.dropLast().map { Slug.make($0).isEmpty ? "tep" : Slug.make($0) }
        let name = kept.last ?? "tep"
        let dot = name.lastIndex(of: ".")
        let stem = Slug.make(dot.map { String(name[..<$0]) } ?? name)
        let ext =
            dot.map {
                String(name[name.index(after: $0)...]).lowercased().filter {
                    $0.isASCII && ($0.isLetter || $0.isNumber)
                }
            } ?? ""
        parts.append((stem.isEmpty ? "tep" : stem) + (ext.isEmpty ? "" : "." + ext))
        return base + parts.joined(separator: "/")
    }

    enum Fact: Sendable {
        case missing, outside
        case unreadable(String)
        case file(MediaFile.Kind, bytes: Int, pixels: PixelSize?)
    }

    static func kind(of source: String) -> MediaFile.Kind {
        let ext = source.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return photoExtensions.contains(ext) ? .photo : ext == "svg" ? .vector : .attachment
    }

    /// Each original's facts, on all cores (reading a photo's header is a file open each).
    static func inspect(_ sources: [String], directory: ContentDirectory) -> [String: Fact] {
        let root = SymbolicLinks.resolved(directory.rootPath) ?? directory.rootPath
        var facts = [Fact?](repeating: nil, count: sources.count)
        facts.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: sources.count) { i in
                let path = directory.path(sources[i])
                var info = stat()
                guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                    slots.value[i] = .missing; return
                }
                // A symbolic link may lead anywhere: only files inside the content folder are published.
                guard SymbolicLinks.escape(path, root: root) == nil else {
                    slots.value[i] = .outside; return
                }
                let kind = kind(of: sources[i])
                let bytes = Int(info.st_size)
                switch kind {
                case .photo, .vector:
                    switch PhotoLibrary.size(ofFileAt: path) {
                    case .success(let size):
                        slots.value[i] = .file(kind, bytes: bytes, pixels: size)
                    case .failure(let failure):
                        // libvips names the file by its absolute path: name it as the user does.
                        let reason = failure.reason.replacingOccurrences(
                            of: "\"\(path)\" ", with: ""
                        )
                        .replacingOccurrences(of: path, with: directory.display(sources[i]))
                        slots.value[i] = .unreadable(reason)
                    }
                case .attachment:
                    slots.value[i] = .file(.attachment, bytes: bytes, pixels: nil)
                }
            }
        }
        var result: [String: Fact] = [:]
        for (i, source) in sources.enumerated() { result[source] = facts[i] }
        return result
    }
}
