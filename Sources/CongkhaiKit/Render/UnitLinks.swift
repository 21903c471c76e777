import Foundation

/// The links of a `--unit` build, for the unit's own host. The pages are rendered as a full build
/// renders them (links from the site's root, `/tin-tuc/`, and absolute `base_url` addresses);
/// then, page by page:
/// - a link to a file this build writes becomes relative to the page (`../../assets/style.css`),
///   so the unit's pages and assets work under any host and sub-path;
/// - a link to a page it does not write becomes the district site's absolute address
///   (`https://cchc.govap…/thong-ke/`), where that page is;
/// - an absolute address of a written file (canonical link, `og:url`, feed ids and links) moves
///   to the unit's host when one is given (`--base-url`).
/// Links are read from the attributes that hold them (`href`, `src`, `srcset`, `action`,
/// `poster`, and `content` when it is an address of the site), CSS `url(…)`, and the addresses in
/// feeds; nothing else of a page changes.
package struct UnitLinks: Sendable {
    /// Output paths this build writes (`don-vi/phuong-5/index.html`, `assets/style.css`).
    let written: Set<String>
    /// The district site's `base_url`, ending with "/".
    let siteBase: String
    /// The unit's own host (`--base-url`), ending with "/"; nil: the district's addresses stay.
    let unitBase: String?

    package init(written: Set<String>, siteBase: String, unitBase: String?) {
        self.written = written
        self.siteBase = siteBase.hasSuffix("/") ? siteBase : siteBase + "/"
        self.unitBase = unitBase.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// The page at `path` with its links made to work on the unit's host.
    package func rewrite(_ data: Data, at path: String) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        let rewritten: String
        if path.hasSuffix(".html") {
            rewritten = rewriteAttributes(text, page: path)
        } else if path.hasSuffix(".css") {
            rewritten = rewriteCSS(text, page: path)
        } else if path.hasSuffix(".xml") {
            rewritten = rewriteAbsolute(text)
        } else {
            return data
        }
        return Data(rewritten.utf8)
    }

    // MARK: one address

    /// Where `url`, found in the page at `page`, should point. `absoluteOnly`: the place needs an
    /// absolute address (a canonical link, `og:url`), so a written file keeps one.
    func map(_ url: String, page: String, absoluteOnly: Bool = false) -> String {
        let sitePath: Substring
        let wasAbsolute: Bool
        if url.hasPrefix(siteBase) {
            sitePath = url.dropFirst(siteBase.count)
            wasAbsolute = true
        } else if url.hasPrefix("/") && !url.hasPrefix("//") {
            sitePath = url.dropFirst()
            wasAbsolute = false
        } else {
            return url  // another site, a fragment, mailto:, a relative link
        }
        let end = sitePath.firstIndex { $0 == "#" || $0 == "?" } ?? sitePath.endIndex
        let pathPart = sitePath[..<end], rest = sitePath[end...]
        var file = pathPart.removingPercentEncoding ?? String(pathPart)
        if file.isEmpty || file.hasSuffix("/") { file += "index.html" }
        guard written.contains(file) else { return siteBase + sitePath }
        // 404.html is served at any address: with the unit's host known, its links are absolute.
        if wasAbsolute || absoluteOnly || (page == "404.html" && unitBase != nil) {
            return unitBase.map { $0 + sitePath } ?? url
        }
        return relativePrefix(of: page) + (pathPart.isEmpty ? "./" : pathPart) + rest
    }

    /// `../` once per folder the page is in: from `don-vi/phuong-5/index.html`, `../../`.
    func relativePrefix(of page: String) -> String {
        String(repeating: "../", count: page.reduce(0) { $1 == "/" ? $0 + 1 : $0 })
    }

    // MARK: HTML

    static let linkAttributes: Set<String> = [
        "href", "src", "action", "poster", "srcset", "content",
    ]

    /// Every `name="value"` whose name holds a link (attribute values are always double-quoted
    /// in the theme's output and escaped, so a value never holds a quote).
    func rewriteAttributes(_ html: String, page: String) -> String {
        var out = String()
        out.reserveCapacity(html.utf8.count + 256)
        var rest = Substring(html)
        while let equals = rest.range(of: "=\"") {
            let before = rest[..<equals.lowerBound]
            let nameStart =
                before.lastIndex { !($0.isLetter || $0 == "-") }.map(before.index(after:))
                ?? before.startIndex
            let name = before[nameStart...].lowercased()
            out += rest[..<equals.upperBound]
            rest = rest[equals.upperBound...]
            guard let close = rest.firstIndex(of: "\"") else { break }
            let value = String(rest[..<close])
            rest = rest[close...]
            guard Self.linkAttributes.contains(name) else { out += value; continue }
            switch name {
            case "content":
                // Meta values: only addresses of the site (og:url, og:image) are links.
                out +=
                    value.hasPrefix(siteBase) ? map(value, page: page, absoluteOnly: true) : value
            case "srcset":
                out += value.split(separator: ",", omittingEmptySubsequences: false).map {
                    candidate in
                    let trimmed = candidate.drop { $0 == " " }
                    let lead = candidate[..<trimmed.startIndex]
                    let urlEnd = trimmed.firstIndex(of: " ") ?? trimmed.endIndex
                    return lead + map(String(trimmed[..<urlEnd]), page: page) + trimmed[urlEnd...]
                }.joined(separator: ",")
            default:
                let rel = attributeValue(named: "rel", before: before)
                out += map(value, page: page, absoluteOnly: rel == "canonical")
            }
        }
        out += rest
        return out
    }

    /// The value of `name="…"` earlier in the same tag, if any.
    private func attributeValue(named name: String, before: Substring) -> String? {
        guard let tagStart = before.lastIndex(of: "<") else { return nil }
        let tag = before[tagStart...]
        guard let found = tag.range(of: " \(name)=\"") else { return nil }
        let value = tag[found.upperBound...]
        return value.firstIndex(of: "\"").map { String(value[..<$0]) }
    }

    // MARK: CSS and feeds

    /// `url(/assets/x.svg)`, `url("/…")`, `url('/…')`.
    func rewriteCSS(_ css: String, page: String) -> String {
        var out = String()
        var rest = Substring(css)
        while let open = rest.range(of: "url(") {
            out += rest[..<open.upperBound]
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: ")") else { break }
            var inner = rest[..<close]
            var quote = ""
            if let first = inner.first, first == "\"" || first == "'", inner.count >= 2,
                inner.last == first
            {
                quote = String(first)
                inner = inner.dropFirst().dropLast()
            }
            out += quote + map(String(inner), page: page) + quote
            rest = rest[close...]
        }
        out += rest
        return out
    }

    /// In a feed every address is absolute: a written file's moves to the unit's host.
    func rewriteAbsolute(_ xml: String) -> String {
        guard let unitBase else { return xml }
        var out = String()
        var rest = Substring(xml)
        while let found = rest.range(of: siteBase) {
            out += rest[..<found.lowerBound]
            let tail = rest[found.upperBound...]
            let end =
                tail.firstIndex { $0 == "\"" || $0 == "<" || $0 == " " || $0 == "'" }
                ?? tail.endIndex
            let url = siteBase + tail[..<end]
            let mapped = map(url, page: "", absoluteOnly: true)
            out += mapped == url && !url.hasPrefix(unitBase) ? url : mapped
            rest = tail[end...]
        }
        out += rest
        return out
    }
}
