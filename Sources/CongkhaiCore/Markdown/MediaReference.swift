import CCmark

/// A file or site page that a markdown body points at: an image or a link whose URL is a path
/// (`anh/hoi-nghi.jpg`, `../tai-lieu/ke-hoach.pdf`, `/media/logo.png`, `/don-vi/phuong-1/`), with
/// its place in the file. Links to other sites (`https://…`, `mailto:`) are not references: they
/// are never fetched.
package struct MediaReference: Sendable, Hashable {
    package enum Kind: UInt8, Sendable {
        case image, imageWithoutAlt, link
    }

    /// The URL as written.
    package var target: String
    package var kind: Kind
    /// In the markdown file: line and column (in characters) of the `![` or `[`.
    package var line: Int
    package var column: Int

    package init(target: String, kind: Kind, line: Int, column: Int) {
        self.target = target
        self.kind = kind
        self.line = line
        self.column = column
    }

    package var isImage: Bool { kind != .link }

    /// A path within this site (`/tin-tuc/…`), not relative to the markdown file.
    package var isSitePath: Bool { target.utf8.first == 0x2F }

    /// The target's path, without `?query` or `#fragment`, percent-decoded.
    package var path: String {
        let bare = target.prefix { $0 != "?" && $0 != "#" }
        return String(bare).removingPercentEncoding ?? String(bare)
    }
}

/// Finds a markdown body's references, through libcmark (its inline nodes carry their line and column).
package enum MediaReferences {
    /// True when a URL is a path in this site or beside the markdown file: no scheme, not `//host`,
    /// not a bare `#fragment`.
    package static func isLocal(_ url: String) -> Bool {
        let bytes = Array(url.utf8)
        guard let first = bytes.first, first != 0x23 else { return false }  // "" or "#…"
        if bytes.starts(with: [0x2F, 0x2F]) { return false }  // "//host"
        // A scheme: letters, digits, + - . before a ":" that comes before any "/", "?" or "#".
        for byte in bytes {
            if byte == 0x3A { return false }
            if byte == 0x2F || byte == 0x3F || byte == 0x23 { break }
        }
        return true
    }

    /// A quick look before parsing: a link or image (`](`) or a reference definition (`]:`) whose
    /// target is not `http…`, `mailto:` or `#`. Most bodies have none, and this runs for every
    /// article as it loads.
    package static func mayHaveLocal(_ body: String) -> Bool {
        var body = body
        return body.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i + 1 < n {
                defer { i += 1 }
                guard bytes[i] == 0x5D, bytes[i + 1] == 0x28 || bytes[i + 1] == 0x3A else {
                    continue
                }
                var j = i + 2
                while j < n, bytes[j] == 0x20 || bytes[j] == 0x3C || bytes[j] == 0x0A { j += 1 }
                guard j < n else { return false }
                let rest = UnsafeBufferPointer(rebasing: bytes[j..<min(n, j + 8)])
                if rest.starts(with: "http".utf8) || rest.starts(with: "mailto:".utf8)
                    || bytes[j] == 0x23
                {
                    continue
                }
                if bytes[i + 1] == 0x3A
                    && !(rest.first.map { $0 == 0x2F || $0 == 0x2E || isPathByte($0) } ?? false)
                {
                    continue
                }
                return true
            }
            return false
        }
    }

    private static func isPathByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
            || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }

    /// The references of `body`, whose first line is line `firstLine` of its file.
    package static func scan(_ body: String, firstLine: Int) -> [MediaReference] {
        guard mayHaveLocal(body) else { return [] }
        var found: [MediaReference] = []
        MarkdownTree.withDocument(body, options: CMARK_OPT_DEFAULT) { document in
            MarkdownTree.walk(document) { node in
                let type = cmark_node_get_type(node)
                guard type == CMARK_NODE_IMAGE || type == CMARK_NODE_LINK,
                    let raw = cmark_node_get_url(node)
                else { return }
                let url = String(cString: raw)
                guard isLocal(url) else { return }
                let kind: MediaReference.Kind =
                    type == CMARK_NODE_LINK
                    ? .link
                    : (MarkdownTree.plainText(node).allSatisfy(\.isWhitespace)
                        ? .imageWithoutAlt : .image)
                // The column in bytes for now: made characters below, once per reference.
                found.append(
                    MediaReference(
                        target: url, kind: kind, line: Int(cmark_node_get_start_line(node)),
                        column: Int(cmark_node_get_start_column(node))))
            }
        }
        guard !found.isEmpty else { return [] }
        // cmark counts bytes; editors count characters. Lines are found by their bytes: splitting
        // the body by Character walked every grapheme of every body with a link (9% of a build).
        let bytes = Array(body.utf8)
        var lineStarts = [0]
        for (i, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(i + 1) }
        return found.map { reference in
            var reference = reference
            let line = reference.line
            if line >= 1 && line <= lineStarts.count {
                let start = lineStarts[line - 1]
                let end = min(bytes.count, start + max(0, reference.column - 1))
                reference.column = String(decoding: bytes[start..<end], as: UTF8.self).count + 1
            }
            reference.line = firstLine + line - 1
            return reference
        }
    }
}

/// Small helpers over libcmark's tree.
package enum MarkdownTree {
    package static func withDocument<T>(
        _ text: String, options: Int32, _ body: (OpaquePointer) -> T
    ) -> T? {
        var text = text
        let document = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                cmark_parse_document($0.baseAddress, $0.count, options)
            }
        }
        guard let document else { return nil }
        defer { cmark_node_free(document) }
        return body(document)
    }

    /// Calls `visit` on every node as it is entered, in document order.
    package static func walk(_ document: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
        }
    }

    /// The text of a node's descendants (an image's alt text, a summary's paragraph); raw HTML
    /// never becomes text.
    package static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) {
                    text += String(cString: literal)
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            case CMARK_NODE_HTML_INLINE:
                break
            default:
                text += plainText(current)
            }
            child = cmark_node_next(current)
        }
        return text
    }
}
