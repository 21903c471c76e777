import CCardCanvas
import CongkhaiCore
import Foundation

/// A social card (`og:image`, 1200×630): what Zalo and Facebook show beside a shared link. They
/// ignore SVG, so the card is a raster: marks (`CardDrawing`) drawn by pango and cairo in DejaVu
/// Sans and written as a palette PNG by `CardPainter`.
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

    /// The card's top and its foot are the same on every card of a site (`frame`, drawn once);
    /// the rows between them (`subject`: the heading, the figure, the note) are each card's own,
    /// drawn over the frame's white from `subjectTop` to `subjectBottom`.
    static let subjectTop = 140, subjectBottom = 574

    /// The colours of the design. Every text is drawn on white but the band's, so a card's
    /// pixels are these and the steps between a text's ground and its ink (`palette`).
    enum Colors {
        static let white: CardDrawing.Color = 0xffffff
        static let band: CardDrawing.Color = 0xa4161a
        static let bandEdge: CardDrawing.Color = 0x7a0f12
        static let rule: CardDrawing.Color = 0xcfd5dc
        static let text: CardDrawing.Color = 0x1b1f24
        static let figure: CardDrawing.Color = 0x0b4f9c
        static let quiet: CardDrawing.Color = 0x4a5260
    }

    static let palette = CardPalette(
        solids: [Colors.white, Colors.band, Colors.bandEdge, Colors.rule],
        blends: [
            .init(ground: Colors.band, ink: Colors.white),
            .init(ground: Colors.white, ink: Colors.text),
            .init(ground: Colors.white, ink: Colors.figure),
            .init(ground: Colors.white, ink: Colors.quiet),
        ])

    /// The whole card, as it is seen.
    func drawing() -> CardDrawing {
        CardDrawing(marks: frame().marks + subject().marks)
    }

    /// What every card of the site shows: the owner and the site's title on the red band, the
    /// site's address at the foot, white between them.
    func frame() -> CardDrawing {
        CardDrawing(marks: [
            .fill(x: 0, y: 0, width: Self.width, height: Self.height, color: Colors.white),
            .fill(x: 0, y: 0, width: Self.width, height: 132, color: Colors.band),
            .fill(x: 0, y: 132, width: Self.width, height: 8, color: Colors.bandEdge),
            .fill(x: 0, y: 574, width: Self.width, height: 2, color: Colors.rule),
            .line(
                .init(
                    text: Self.fit(owner.uppercased(), size: 26, bold: false, letterSpacing: 1),
                    x: 60, baseline: 56, size: 26, letterSpacing: 1,
                    color: Colors.white)),
            .line(
                .init(
                    text: Self.fit(siteTitle, size: 38, bold: true), x: 60, baseline: 104, size: 38,
                    bold: true,
                    color: Colors.white)),
            .line(
                .init(
                    text: Self.fit(footer, size: 26, bold: false), x: 60, baseline: 612, size: 26,
                    color: Colors.quiet)),
        ])
    }

    /// This card's own marks: the heading, the figure and the note, text wrapped at its measured
    /// width within the margins (60 px each side), all between `subjectTop` and `subjectBottom`.
    func subject() -> CardDrawing {
        var drawing = CardDrawing()
        // A line whose descenders would cross the rule is left out: a long heading and a long
        // note cannot both be shown whole.
        func line(
            _ text: String, x: Int, y: Int, size: Int, bold: Bool = false, color: CardDrawing.Color
        ) {
            guard y + size / 3 <= Self.subjectBottom else { return }
            drawing.marks.append(
                .line(.init(text: text, x: x, baseline: y, size: size, bold: bold, color: color)))
        }
        let headingSize = figure == nil ? 60 : 52
        let lines = Self.wrap(
            heading, size: headingSize, bold: true, maxLines: figure == nil ? 4 : 2)
        var y = 140 + 24 + headingSize
        for text in lines {
            line(text, x: 60, y: y, size: headingSize, bold: true, color: Colors.text)
            y += headingSize * 5 / 4
        }
        if let figure {
            y += 100
            line(figure, x: 60, y: y, size: 130, bold: true, color: Colors.figure)
            if let figureLabel {
                let labelX = 60 + Self.width(figure, size: 130, bold: true) + 36
                let labelLines = Self.wrap(
                    figureLabel, size: 30, bold: false, maxLines: 3, width: 1140 - labelX)
                var labelY = y - 84
                for text in labelLines {
                    line(text, x: labelX, y: labelY, size: 30, color: Colors.text)
                    labelY += 38
                }
            }
            if let note {
                y += 50
                line(
                    Self.fit(note, size: 28, bold: false), x: 60, y: y, size: 28,
                    color: Colors.quiet)
            }
        } else if let note {
            y += 10
            for text in Self.wrap(note, size: 32, bold: false, maxLines: 3) {
                line(text, x: 60, y: y, size: 32, color: Colors.quiet)
                y += 42
            }
        }
        return drawing
    }

    /// The card as PNG bytes, drawn without a cache (`CardPainter` keeps drawn cards).
    package func png() throws(Failure) -> Data {
        try CardPainter(cacheDirectory: nil).png(self)
    }

    /// How wide `text` is drawn at `size` pixels, measured by pango in the card's fonts.
    static func width(_ text: String, size: Int, bold: Bool, letterSpacing: Int = 0) -> Int {
        let advance = congkhai_text_width(
            text, CardDrawing.families, Double(size), bold ? 1 : 0, Double(letterSpacing))
        return Int(advance.rounded(.up))
    }

    /// Words into lines no wider than `width`; the last line ends with "…" when text is left over.
    static func wrap(
        _ text: String, size: Int, bold: Bool, maxLines: Int, width: Int = 1080
    )
        -> [String]
    {
        var lines: [String] = [], current = ""
        let words = text.split(separator: " ")
        for (i, word) in words.enumerated() {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if current.isEmpty || Self.width(candidate, size: size, bold: bold) <= width {
                current = candidate
                continue
            }
            lines.append(current)
            current = String(word)
            if lines.count == maxLines {
                lines[maxLines - 1] = fit(
                    lines[maxLines - 1] + " " + words[i...].joined(separator: " "), size: size,
                    bold: bold, width: width)
                return lines
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map { fit($0, size: size, bold: bold, width: width) }
    }

    /// One line, cut with "…" when it is too wide: the longest start that fits with the "…",
    /// found by halving (a few measurements, not one a character), back to a word's end.
    static func fit(
        _ text: String, size: Int, bold: Bool, letterSpacing: Int = 0, width: Int = 1080
    ) -> String {
        func fits(_ line: String) -> Bool {
            Self.width(line, size: size, bold: bold, letterSpacing: letterSpacing) <= width
        }
        guard !fits(text) else { return text }
        let characters = Array(text)
        func cut(_ count: Int) -> String {
            String(characters[..<count]).trimmingCharacters(in: .whitespaces) + " …"
        }
        var (shortest, longest) = (0, characters.count - 1)
        while shortest < longest {
            let middle = (shortest + longest + 1) / 2
            if fits(cut(middle)) { shortest = middle } else { longest = middle - 1 }
        }
        // At a word's end when the line has one: "giải quyết …", not "giải q …".
        if shortest < characters.count, characters[shortest] != " ",
            let space = characters[..<shortest].lastIndex(of: " "), space > 0
        {
            return cut(space)
        }
        return cut(shortest)
    }
}
