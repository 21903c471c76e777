import CCmark

/// CommonMark through libcmark. Safe by default: raw HTML is omitted and `javascript:`,
/// `vbscript:`, `file:` and most `data:` links are emptied, as cmark's safe mode does.
package enum Markdown {
    package static func html(_ source: String, allowRawHTML: Bool = false) -> String {
        var source = source
        return source.withUTF8 {
            html(utf8: UnsafeRawBufferPointer($0), allowRawHTML: allowRawHTML)
        }
    }

    /// The same from UTF-8 bytes as they are (an article's body straight from its file): cmark
    /// takes a length, so no copy and no NUL are needed.
    package static func html(
        utf8 bytes: UnsafeRawBufferPointer, allowRawHTML: Bool = false
    ) -> String {
        let options = CMARK_OPT_DEFAULT | (allowRawHTML ? CMARK_OPT_UNSAFE : 0)
        guard let base = bytes.baseAddress, !bytes.isEmpty,
            let rendered = cmark_markdown_to_html(
                base.assumingMemoryBound(to: CChar.self), bytes.count, options)
        else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// The plain text of the first paragraph, for a summary when the front matter has none.
    /// Runs of whitespace (any Unicode white space, line ends included) as one space, none at the
    /// ends. On bytes, with Unicode's property looked up only for non-ASCII scalars: this runs
    /// for every article without a summary.
    static func collapsingWhitespace(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let space =
                scalar.isASCII
                ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r"
                    || scalar.value == 0x0B || scalar.value == 0x0C)
                : scalar.properties.isWhitespace
            if space {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(0x20) }
            pendingSpace = false
            if scalar.isASCII {
                result.append(UInt8(scalar.value))
            } else {
                UTF8.encode(scalar) { result.append($0) }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    package static func firstParagraphText(_ source: String, limit: Int = 300) -> String {
        // The first paragraph lies near the top: parse a prefix cut at a line end, not the whole
        // body; first a short one, kept when the paragraph closes inside it (later lines cannot
        // change a closed paragraph), else a longer one.
        for size in [384, 1024, 4096] {
            var prefix = source
            var cut = false
            if source.utf8.count > size, let end = source.utf8.dropFirst(size).firstIndex(of: 0x0A)
            {
                prefix = String(source[..<end])
                cut = true
            }
            let found = firstParagraph(of: prefix)
            if let (text, lastLine) = found, !cut || size == 4096 || lastLine < lineCount(prefix) {
                return truncate(text, limit: limit)
            }
            if found == nil && (!cut || size == 4096) { return "" }
        }
        return ""
    }

    private static func lineCount(_ text: String) -> Int {
        text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// The first paragraph's text, whitespace collapsed, and the line it ends on.
    private static func firstParagraph(of source: String) -> (String, Int)? {
        let document = source.withCString {
            cmark_parse_document($0, strlen($0), CMARK_OPT_DEFAULT)
        }
        guard let document else { return nil }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return nil }
        defer { cmark_iter_free(iterator) }
        var paragraph: OpaquePointer?
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)
            if event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH {
                paragraph = node
                break
            }
        }
        guard let paragraph else { return nil }
        return (
            collapsingWhitespace(MarkdownTree.plainText(paragraph)),
            Int(cmark_node_get_end_line(paragraph))
        )
    }

    /// Cuts at a word boundary and adds an ellipsis.
    static func truncate(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = String(text.prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + "…"
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
