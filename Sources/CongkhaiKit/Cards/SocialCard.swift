import CVipsShim
import CongkhaiCore
import Foundation

/// A social card (`og:image`, 1200×630): what Zalo and Facebook show beside a shared link. They
/// ignore SVG, so the card is drawn as SVG here and rasterised by libvips (librsvg, DejaVu Sans).
package struct SocialCard: Sendable, Hashable {
    package static let width = 1200, height = 630

    package var owner: String
    package var siteTitle: String
    /// The page's subject: the unit's name, or the site's tagline.
    package var heading: String
    /// The key figure (`99,3%`) and what it measures, when the page has one.
    package var figure: String?
    package var figureLabel: String?
    package var note: String?
    /// The site's address, at the foot.
    package var footer: String

    package enum Failure: Error, Equatable { case raster(String) }

    /// The card's top and its foot are the same on every card of a site (`frameSVG`, drawn
    /// once); the rows between them (`subject`: the heading, the figure, the note) are each
    /// card's own, drawn opaque over the frame's white from `subjectTop` down.
    static let subjectTop = 140, subjectBottom = 574

    private static let svgOpen =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
    private static let fonts = "<g font-family=\"DejaVu Sans, Noto Sans, sans-serif\">\n"

    /// The card as one SVG document, as it is seen.
    package func svg() -> String {
        frameStart() + Self.fonts + subjectElements().elements + "</g>\n</svg>\n"
    }

    /// What every card of the site shows: the owner and the site's title on the red band, the
    /// site's address at the foot, white between them.
    func frameSVG() -> String { frameStart() + "</svg>\n" }

    /// The document's start, its white ground and the frame, as both `svg` and `frameSVG` begin.
    private func frameStart() -> String {
        Self.svgOpen + "<rect width=\"1200\" height=\"630\" fill=\"#ffffff\"/>\n" + frameElements()
    }

    /// The rows of this card's own, from `subjectTop` to the foot of its last line: an opaque SVG
    /// `height` pixels high, drawn in place over the frame.
    func subjectSVG() -> (svg: String, height: Int) {
        let (elements, bottom) = subjectElements()
        let top = Self.subjectTop
        let height = max(1, min(Self.subjectBottom, bottom) - top)
        let svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.width)\" height=\"\(height)\" viewBox=\"0 \(top) \(Self.width) \(height)\">\n"
            + "<rect y=\"\(top)\" width=\"\(Self.width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
            + Self.fonts + elements + "</g>\n</svg>\n"
        return (svg, height)
    }

    private func frameElements() -> String {
        """
        <rect width="1200" height="132" fill="#a4161a"/>
        <rect y="132" width="1200" height="8" fill="#7a0f12"/>
        <rect y="574" width="1200" height="2" fill="#cfd5dc"/>
        <g font-family="DejaVu Sans, Noto Sans, sans-serif">
        <text x="60" y="56" font-size="26" fill="#ffffff" letter-spacing="1">\(Self.escape(owner.uppercased()))</text>
        <text x="60" y="104" font-size="38" font-weight="bold" fill="#ffffff">\(Self.escape(Self.fit(siteTitle, size: 38)))</text>
        <text x="60" y="612" font-size="26" fill="#4a5260">\(Self.escape(Self.fit(footer, size: 26)))</text>
        </g>

        """
    }

    /// The heading, the figure and the note as SVG text elements (text wrapped by an estimate of
    /// DejaVu Sans' widths), and the y of the last line's foot (its baseline plus a third of its
    /// size for descenders, and a margin).
    private func subjectElements() -> (elements: String, bottom: Int) {
        var out = "", bottom = Self.subjectTop
        func line(_ text: String, x: Int, y: Int, size: Int, attributes: String) {
            out +=
                "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\"\(attributes)>\(Self.escape(text))</text>\n"
            bottom = max(bottom, y + size / 3 + 8)
        }
        let headingSize = figure == nil ? 60 : 52
        let lines = Self.wrap(heading, size: headingSize, maxLines: figure == nil ? 4 : 2)
        var y = 140 + 24 + headingSize
        for text in lines {
            line(
                text, x: 60, y: y, size: headingSize,
                attributes: " font-weight=\"bold\" fill=\"#1b1f24\"")
            y += headingSize * 5 / 4
        }
        if let figure {
            y += 100
            line(
                figure, x: 60, y: y, size: 130, attributes: " font-weight=\"bold\" fill=\"#0b4f9c\""
            )
            if let figureLabel {
                let labelX = 60 + Self.estimate(figure, size: 130) + 36
                let labelLines = Self.wrap(figureLabel, size: 30, maxLines: 3, width: 1140 - labelX)
                var labelY = y - 84
                for text in labelLines {
                    line(text, x: labelX, y: labelY, size: 30, attributes: " fill=\"#1b1f24\"")
                    labelY += 38
                }
            }
            if let note {
                y += 50
                line(
                    Self.fit(note, size: 28), x: 60, y: y, size: 28,
                    attributes: " fill=\"#4a5260\"")
            }
        } else if let note {
            y += 10
            for text in Self.wrap(note, size: 32, maxLines: 3) {
                line(text, x: 60, y: y, size: 32, attributes: " fill=\"#4a5260\"")
                y += 42
            }
        }
        return (out, bottom)
    }

    /// The card as PNG bytes, drawn without a cache (`CardPainter` keeps drawn cards).
    package func png() throws(Failure) -> Data {
        try CardPainter(cacheDirectory: nil).png(self)
    }

    /// Text for SVG: the theme's escaper (`&#39;` for an apostrophe draws the same glyph), on
    /// bytes, and the text itself when there is nothing to escape, which is nearly always.
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// About how wide `text` is at `size` pixels in DejaVu Sans Bold (its glyphs average 0,62 em;
    /// capitals and digits are wider, spaces and i/l narrower).
    static func estimate(_ text: String, size: Int) -> Int {
        var em = 0.0
        for c in text {
            switch c {
            case " ", "i", "l", "j", "í", "ì", "ỉ", "ĩ", "ị", ".", ",", ":", "·", "(", ")", "/",
                "'":
                em += 0.36
            case _ where c.isUppercase: em += 0.76
            case _ where c.isNumber: em += 0.70
            case "%", "m", "w", "M", "W": em += 1.0
            default: em += 0.64
            }
        }
        return Int(em * Double(size))
    }

    /// Words into lines no wider than `width`; the last line ends with "…" when text is left over.
    static func wrap(_ text: String, size: Int, maxLines: Int, width: Int = 1080) -> [String] {
        var lines: [String] = [], current = ""
        let words = text.split(separator: " ")
        for (i, word) in words.enumerated() {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if estimate(candidate, size: size) <= width || current.isEmpty {
                current = candidate
                continue
            }
            lines.append(current)
            current = String(word)
            if lines.count == maxLines {
                lines[maxLines - 1] = fit(
                    lines[maxLines - 1] + " " + words[i...].joined(separator: " "), size: size,
                    width: width)
                return lines
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines { return Array(lines.prefix(maxLines)) }
        return lines.map { fit($0, size: size, width: width) }
    }

    /// One line, cut with "…" when it is too wide.
    static func fit(_ text: String, size: Int, width: Int = 1080) -> String {
        guard estimate(text, size: size) > width else { return text }
        var cut = text
        while !cut.isEmpty && estimate(cut + " …", size: size) > width { cut.removeLast() }
        return cut.trimmingCharacters(in: .whitespaces) + " …"
    }
}
