import CongkhaiCore
import CongkhaiImages

extension MediaPlanner {
    /// `/tin-tuc/<slug>/anh/a-480.webp` → `/tin-tuc/<slug>/`: the page a published file belongs to.
    static func articleFolder(of url: String) -> String {
        let parts = url.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: true)
        return parts.count >= 2 ? "/\(parts[0])/\(parts[1])/" : "/"
    }
}

extension SitePlan {
    /// The plan with the published files of `media`: each document and drawing as it is, each
    /// photo's sizes (WebP and JPEG) and social card from the image cache. A file whose URL a
    /// page already has is left out and reported.
    func adding(_ media: MediaCatalog, log: DiagnosticLog) -> SitePlan {
        var plan = self
        var taken = Set(pages.map(\.path.relative))
        func add(_ url: String, _ source: String) {
            guard let path = OutputPath(urlPath: url) else { return }
            guard taken.insert(path.relative).inserted else {
                log.error(
                    SourceLocation(file: source),
                    "would be published at \(url), where the site has a page",
                    hint: "rename the file")
                return
            }
            plan.pages.append(
                PlannedPage(path: path, url: url, kind: .file(source: source), inSitemap: false))
        }
        for file in media.files {
            switch file.kind {
            case .photo:
                guard let stored = media.photos[file.source] else { continue }
                for size in stored.rendered.sizes {
                    add(
                        file.photoURL(width: size.width, webp: true),
                        stored.folder + "/" + RenderedPhoto.webpName(size.width))
                    add(
                        file.photoURL(width: size.width, webp: false),
                        stored.folder + "/" + RenderedPhoto.jpegName(size.width))
                }
                add(file.cardURL, stored.folder + "/" + RenderedPhoto.cardName)
            case .vector, .attachment:
                add(file.url, media.originals[file.source] ?? file.source)
            }
        }
        return plan
    }
}
