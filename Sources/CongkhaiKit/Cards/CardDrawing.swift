import CCardCanvas
import CongkhaiCore

/// What a card shows, as marks on the card's 1200×630 pixels: filled rectangles and lines of
/// text. Plain values, so that a card's cache key is what it shows and its text needs no
/// escaping: nothing is parsed on the way to pixels.
struct CardDrawing: Hashable, Sendable {
    /// A colour as 0xRRGGBB.
    typealias Color = UInt32

    struct Line: Hashable, Sendable {
        var text: String
        var x: Int
        var baseline: Int
        var size: Int
        var bold = false
        var letterSpacing = 0
        var color: Color
    }

    enum Mark: Hashable, Sendable {
        case fill(x: Int, y: Int, width: Int, height: Int, color: Color)
        case line(Line)
    }

    /// The fontconfig families tried in order: DejaVu Sans has every Vietnamese letter.
    static let families = "DejaVu Sans, Noto Sans, sans-serif"

    var marks: [Mark] = []

    var lines: [Line] {
        marks.compactMap { if case .line(let line) = $0 { line } else { nil } }
    }

    /// Draws the marks, in order, on `canvas` (whose rows may be a band of the card).
    func draw(on canvas: OpaquePointer) {
        for mark in marks {
            switch mark {
            case .fill(let x, let y, let width, let height, let color):
                congkhai_canvas_fill(canvas, Int32(x), Int32(y), Int32(width), Int32(height), color)
            case .line(let line):
                _ = congkhai_canvas_text(
                    canvas, line.text, Self.families, Double(line.size), line.bold ? 1 : 0,
                    Double(line.letterSpacing), Double(line.x), Double(line.baseline), line.color)
            }
        }
    }

    /// Every mark in the cache key, field by field.
    func combine(into hasher: inout StableHasher) {
        hasher.combine(marks.count)
        for mark in marks {
            switch mark {
            case .fill(let x, let y, let width, let height, let color):
                hasher.combine("fill")
                for value in [x, y, width, height, Int(color)] { hasher.combine(value) }
            case .line(let line):
                hasher.combine("line"); hasher.combine(line.text)
                for value in [
                    line.x, line.baseline, line.size, line.bold ? 1 : 0, line.letterSpacing,
                    Int(line.color),
                ] { hasher.combine(value) }
            }
        }
    }
}
