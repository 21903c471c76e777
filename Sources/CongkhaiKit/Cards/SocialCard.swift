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

    /// The card as an SVG document; text wrapped by an estimate of DejaVu Sans' widths.
    package func svg() -> String {
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.width)" height="\(Self.height)" viewBox="0 0 \(Self.width) \(Self.height)">
            <rect width="1200" height="630" fill="#ffffff"/>
            <rect width="1200" height="132" fill="#a4161a"/>
            <rect y="132" width="1200" height="8" fill="#7a0f12"/>
            <g font-family="DejaVu Sans, Noto Sans, sans-serif">
            <text x="60" y="56" font-size="26" fill="#ffffff" letter-spacing="1">\(Self.escape(owner.uppercased()))</text>
            <text x="60" y="104" font-size="38" font-weight="bold" fill="#ffffff">\(Self.escape(Self.fit(siteTitle, size: 38)))</text>

            """
        let headingSize = figure == nil ? 60 : 52
        let lines = Self.wrap(heading, size: headingSize, maxLines: figure == nil ? 4 : 2)
        var y = 140 + 24 + headingSize
        for line in lines {
            out +=
                "<text x=\"60\" y=\"\(y)\" font-size=\"\(headingSize)\" font-weight=\"bold\" fill=\"#1b1f24\">\(Self.escape(line))</text>\n"
            y += headingSize * 5 / 4
        }
        if let figure {
            y += 100
            out +=
                "<text x=\"60\" y=\"\(y)\" font-size=\"130\" font-weight=\"bold\" fill=\"#0b4f9c\">\(Self.escape(figure))</text>\n"
            if let figureLabel {
                let labelX = 60 + Self.estimate(figure, size: 130) + 36
                let labelLines = Self.wrap(figureLabel, size: 30, maxLines: 3, width: 1140 - labelX)
                var labelY = y - 84
                for line in labelLines {
                    out +=
                        "<text x=\"\(labelX)\" y=\"\(labelY)\" font-size=\"30\" fill=\"#1b1f24\">\(Self.escape(line))</text>\n"
                    labelY += 38
                }
            }
            if let note {
                y += 50
                out +=
                    "<text x=\"60\" y=\"\(y)\" font-size=\"28\" fill=\"#4a5260\">\(Self.escape(Self.fit(note, size: 28)))</text>\n"
            }
        } else if let note {
            y += 10
            for line in Self.wrap(note, size: 32, maxLines: 3) {
                out +=
                    "<text x=\"60\" y=\"\(y)\" font-size=\"32\" fill=\"#4a5260\">\(Self.escape(line))</text>\n"
                y += 42
            }
        }
        out += """
            <rect y="574" width="1200" height="2" fill="#cfd5dc"/>
            <text x="60" y="612" font-size="26" fill="#4a5260">\(Self.escape(Self.fit(footer, size: 26)))</text>
            </g>
            </svg>

            """
        return out
    }

    /// The card as PNG bytes, deflated at zlib's fastest level: a card is flat colour and text, and
    /// at level 6 deflating cost twice as much as drawing (83 KB instead of 65 KB a card).
    package func png() throws(Failure) -> Data {
        guard Self.started else { throw .raster(String(cString: congkhai_vips_error())) }
        let text = svg()
        let drawn: OpaquePointer? = text.utf8CString.withUnsafeBufferPointer { buffer in
            congkhai_vips_svg_buffer(buffer.baseAddress, buffer.count - 1)
        }
        guard let drawn else { throw .raster(Self.lastError()) }
        defer { congkhai_vips_release(drawn) }
        // Drawn once into memory: saved straight from the SVG, librsvg would draw it again for
        // every strip the PNG writer asks for.
        guard let image = congkhai_vips_copy_memory(drawn) else { throw .raster(Self.lastError()) }
        defer { congkhai_vips_release(image) }
        var bytes: UnsafeMutableRawPointer?
        var length = 0
        guard congkhai_vips_save_png_buffer(image, 1, &bytes, &length) == 0, let bytes else {
            throw .raster(Self.lastError())
        }
        defer { congkhai_vips_free(bytes) }
        return Data(bytes: bytes, count: length)
    }

    private static let started: Bool = congkhai_vips_init() == 0

    private static func lastError() -> String {
        let message = String(cString: congkhai_vips_error()).trimmingCharacters(
            in: .whitespacesAndNewlines)
        congkhai_vips_error_clear()
        return message
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

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
