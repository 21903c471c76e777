import CCmark
import CongkhaiCore
import CongkhaiImages
import Foundation

/// CommonMark to HTML with the body's files in place: a photo becomes a `<picture>` of its
/// published widths (WebP, with JPEG for older browsers) with `srcset`, `sizes`, `width` and
/// `height` (nothing moves as the page loads) and `loading="lazy"` after the first; a link to a
/// document points at its published copy and says its type and size, "(PDF, 1,2 MB)".
/// Everything else renders as `Markdown.html` renders it, in the same safe mode.
enum MediaMarkdown {
    /// The column a body's photo fills: the article's measure, or the phone's width.
    static let sizes = "(min-width: 46rem) 44rem, calc(100vw - 2rem)"

    /// The body of the markdown file at `path` with its files in place (`Markdown.bodyHTML` for a
    /// body without any).
    static func bodyHTML(
        ofFileAt path: String, allowRawHTML: Bool, files: [String: MediaFile],
        photos: [String: MediaCatalog.StoredPhoto]
    ) -> String {
        guard let data = FileIO.contents(atPath: path) else { return "" }
        let text = String(decoding: data, as: UTF8.self)
        guard
            case .success(let parts)? = FrontMatter.split(
                text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        else { return "" }
        return html(parts.body, allowRawHTML: allowRawHTML, files: files, photos: photos)
    }

    static func html(
        _ source: String, allowRawHTML: Bool, files: [String: MediaFile],
        photos: [String: MediaCatalog.StoredPhoto]
    ) -> String {
        let options = CMARK_OPT_DEFAULT | (allowRawHTML ? CMARK_OPT_UNSAFE : 0)
        return MarkdownTree.withDocument(source, options: options) { document -> String in
            var nodes: [(OpaquePointer, MediaFile)] = []
            MarkdownTree.walk(document) { node in
                let type = cmark_node_get_type(node)
                guard type == CMARK_NODE_IMAGE || type == CMARK_NODE_LINK,
                    let raw = cmark_node_get_url(node),
                    let file = files[String(cString: raw)]
                else { return }
                nodes.append((node, file))
            }
            var photosShown = 0
            for (node, file) in nodes {
                if cmark_node_get_type(node) == CMARK_NODE_LINK {
                    link(node, to: file, photos: photos)
                    continue
                }
                let alt = MarkdownTree.plainText(node)
                let html: String
                switch file.kind {
                case .photo:
                    guard let stored = photos[file.source] else { continue }
                    html = picture(file, stored.rendered, alt: alt, lazy: photosShown > 0)
                    photosShown += 1
                case .vector:
                    let size =
                        file.pixels.map { " width=\"\($0.width)\" height=\"\($0.height)\"" } ?? ""
                    html =
                        "<img src=\"\(HTMLEscaping.escape(file.url))\" alt=\"\(HTMLEscaping.escape(alt))\"\(size)\(photosShown > 0 ? " loading=\"lazy\"" : "")>"
                    photosShown += 1
                case .attachment:
                    continue
                }
                // Custom nodes are written as they are, in safe mode too: only this code makes them.
                guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
                cmark_node_set_on_enter(custom, html)
                cmark_node_insert_before(node, custom)
                cmark_node_free(node)
            }
            guard let rendered = cmark_render_html(document, options) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        } ?? ""
    }

    /// A link to a published file: its URL, and its type and size after the link's text.
    private static func link(
        _ node: OpaquePointer, to file: MediaFile, photos: [String: MediaCatalog.StoredPhoto]
    ) {
        switch file.kind {
        case .photo:
            // Never the original (it may carry a GPS position): the largest published size.
            guard let largest = photos[file.source]?.rendered.sizes.last else { return }
            cmark_node_set_url(node, file.photoURL(width: largest.width, webp: false))
            appendText(" (ảnh JPEG, \(largest.width)×\(largest.height))", to: node)
        case .vector, .attachment:
            cmark_node_set_url(node, file.url)
            appendText(" (\(file.label))", to: node)
        }
    }

    private static func appendText(_ text: String, to node: OpaquePointer) {
        guard let child = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(child, text)
        cmark_node_append_child(node, child)
    }

    static func picture(
        _ file: MediaFile, _ photo: RenderedPhoto, alt: String, lazy: Bool
    ) -> String {
        func srcset(webp: Bool) -> String {
            photo.sizes.map {
                "\(HTMLEscaping.escape(file.photoURL(width: $0.width, webp: webp))) \($0.width)w"
            }.joined(separator: ", ")
        }
        // The fallback's `src`: the size nearest a phone's screen at twice its density.
        let fallback = photo.sizes.last { $0.width <= 960 } ?? photo.sizes[0]
        let largest = photo.sizes[photo.sizes.count - 1]
        return
            "<picture><source type=\"image/webp\" srcset=\"\(srcset(webp: true))\" sizes=\"\(sizes)\">"
            + "<img src=\"\(HTMLEscaping.escape(file.photoURL(width: fallback.width, webp: false)))\" srcset=\"\(srcset(webp: false))\""
            + " sizes=\"\(sizes)\" width=\"\(largest.width)\" height=\"\(largest.height)\" alt=\"\(HTMLEscaping.escape(alt))\""
            + (lazy ? " loading=\"lazy\"" : "") + " decoding=\"async\"></picture>"
    }
}
