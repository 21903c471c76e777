import CCardCanvas
import CongkhaiCore
import Foundation

/// Draws social cards as PNG, each once. A card's frame (the site's band and foot, the same on
/// every card of a site) is drawn once per build and kept in memory as palette indices; a card
/// draws only its own rows (`SocialCard.subject`) and puts them in place. A drawn card is kept
/// in the build cache, `<cache>/cards/<hash>.png`, under a hash of everything it shows and of
/// how it is drawn (`recipe`, the libraries' versions): shared by every output, kept by
/// `--no-cache`, so a later build draws only the cards whose text or figure changed.
package final class CardPainter: @unchecked Sendable {
    /// How cards are drawn: change it when the drawing changes, so that older cards are not reused.
    static let recipe = "marks by pango+cairo, 256-colour palette, PNG level 1 RLE unfiltered"

    /// Where drawn cards are kept; nil: nowhere.
    let folder: String?
    private let lock = NSLock()
    /// Frames drawn, by their marks' hash (one per site): the whole card's palette indices with
    /// the frame drawn, or nil when the frame has a colour the palette lacks.
    private var frames: [UInt64: [UInt8]?] = [:]
    private var drawnCount = 0

    /// `cacheDirectory`: the build cache, whose `cards/` keeps drawn cards; nil keeps none.
    package init(cacheDirectory: String?) {
        folder = cacheDirectory.map {
            URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL.path + "/cards"
        }
    }

    /// Cards drawn so far (the others came from the cache).
    package var drawn: Int {
        lock.lock(); defer { lock.unlock() }
        return drawnCount
    }

    package func png(_ card: SocialCard) throws(SocialCard.Failure) -> Data {
        try png(frame: card.frame(), subject: card.subject())
    }

    /// A card whose `frame` is shared by the site's cards and whose `subject` is its own, drawn
    /// only between `SocialCard.subjectTop` and `subjectBottom`.
    func png(frame: CardDrawing, subject: CardDrawing) throws(SocialCard.Failure) -> Data {
        var frameHasher = StableHasher()
        frame.combine(into: &frameHasher)
        var key = StableHasher()
        key.combine(Self.recipe); key.combine(Self.versions)
        key.combine(frameHasher.value); subject.combine(into: &key)
        let path = folder.map { $0 + "/" + ImageStore.hex(key.value) + ".png" }
        if let path, let kept = FileIO.contents(atPath: path), Self.isWholePNG(kept) {
            CacheAging.renew(path, now: Date())
            return Data(kept)
        }
        let frameIndices = try self.frameIndices(frame, digest: frameHasher.value)
        let png: Data
        if let indexed = try Self.indexedPNG(frame: frameIndices, subject: subject) {
            png = indexed
        } else {
            png = try Self.rgbPNG(CardDrawing(marks: frame.marks + subject.marks))
        }
        lock.lock(); drawnCount += 1; lock.unlock()
        if let path, let folder { Self.keep(png, at: path, in: folder) }
        return png
    }

    /// The cache does not grow for ever (figures change every month): a card no build has
    /// drawn or read for `CacheAging.retention` is removed, and so is a file left half written
    /// by a build that was stopped.
    package func prune(now: Date = Date()) {
        guard let folder else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            let path = folder + "/" + name
            let limit = name.contains(".part-") ? CacheAging.renewal : CacheAging.retention
            if CacheAging.age(path, now: now) > limit {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }

    /// The frame's palette indices, drawn by the first card that needs them (the others wait).
    private func frameIndices(
        _ frame: CardDrawing, digest: UInt64
    ) throws(SocialCard.Failure)
        -> [UInt8]?
    {
        lock.lock(); defer { lock.unlock() }
        if let indices = frames[digest] { return indices }
        var indices = [UInt8](repeating: 0, count: SocialCard.width * SocialCard.height)
        let mapped = try indices.withUnsafeMutableBufferPointer {
            (buffer) throws(SocialCard.Failure) in
            try Self.draw(frame, top: 0, rows: SocialCard.height, into: buffer.baseAddress!)
        }
        frames[digest] = mapped ? indices : nil
        return mapped ? indices : nil
    }

    /// The card as palette indices: the frame's, with the subject's rows drawn in place; nil
    /// when a pixel has no colour near it in the palette.
    private static func indexedPNG(
        frame: [UInt8]?, subject: CardDrawing
    ) throws(SocialCard.Failure)
        -> Data?
    {
        guard var card = frame else { return nil }
        let (top, width) = (SocialCard.subjectTop, SocialCard.width)
        let mapped = try card.withUnsafeMutableBufferPointer {
            (indices) throws(SocialCard.Failure) in
            try Self.draw(
                subject, top: top, rows: SocialCard.subjectBottom - top,
                into: indices.baseAddress! + top * width)
        }
        guard mapped else { return nil }
        let palette = SocialCard.palette
        return try Self.encoded { bytes, length in
            card.withUnsafeBufferPointer { indices in
                palette.bytes.withUnsafeBufferPointer {
                    congkhai_png_indexed(
                        indices.baseAddress, Int32(width), Int32(SocialCard.height), width,
                        $0.baseAddress, Int32(palette.colors.count), &bytes, &length)
                }
            }
        }
    }

    /// Draws `drawing`'s rows `top..<top + rows` and writes them as palette indices, a byte a
    /// pixel, a row of `SocialCard.width` after another; false when a pixel has no colour near
    /// it in the palette.
    private static func draw(
        _ drawing: CardDrawing, top: Int, rows: Int, into indices: UnsafeMutablePointer<UInt8>
    ) throws(SocialCard.Failure) -> Bool {
        let canvas = try Self.canvas(top: top, height: rows)
        defer { congkhai_canvas_free(canvas) }
        drawing.draw(on: canvas)
        var stride: Int32 = 0
        let pixels = congkhai_canvas_pixels(canvas, &stride)!
        return SocialCard.palette.map(
            pixels, width: SocialCard.width, rows: rows, stride: Int(stride), into: indices)
    }

    /// The whole card as RGB: for a drawing with colours the palette does not hold.
    static func rgbPNG(_ drawing: CardDrawing) throws(SocialCard.Failure) -> Data {
        let (width, height) = (SocialCard.width, SocialCard.height)
        let canvas = try Self.canvas(top: 0, height: height)
        defer { congkhai_canvas_free(canvas) }
        drawing.draw(on: canvas)
        var stride: Int32 = 0
        let pixels = congkhai_canvas_pixels(canvas, &stride)!
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let pixel = pixels[y * Int(stride) + x]
                let at = (y * width + x) * 3
                rgb[at] = UInt8(pixel >> 16 & 0xff)
                rgb[at + 1] = UInt8(pixel >> 8 & 0xff)
                rgb[at + 2] = UInt8(pixel & 0xff)
            }
        }
        return try Self.encoded { bytes, length in
            rgb.withUnsafeBufferPointer {
                congkhai_png_rgb(
                    $0.baseAddress, Int32(width), Int32(height), width * 3, &bytes, &length)
            }
        }
    }

    private static func canvas(top: Int, height: Int) throws(SocialCard.Failure) -> OpaquePointer {
        guard
            let canvas = congkhai_canvas_create(
                Int32(SocialCard.width), Int32(height), Int32(top), SocialCard.Colors.white)
        else { throw .raster("cairo could not make a \(SocialCard.width)×\(height) surface") }
        return canvas
    }

    /// The bytes a `congkhai_png_*` call wrote.
    private static func encoded(
        _ write: (inout UnsafeMutablePointer<UInt8>?, inout Int) -> Int32
    ) throws(SocialCard.Failure) -> Data {
        var bytes: UnsafeMutablePointer<UInt8>?
        var length = 0
        guard write(&bytes, &length) == 0, let bytes else {
            throw .raster("libpng could not write the card")
        }
        defer { congkhai_png_free(bytes) }
        return Data(bytes: bytes, count: length)
    }

    /// Written beside its place and renamed into it: a card is never seen half written, and two
    /// builds drawing the same card at once write the same bytes.
    private static func keep(_ png: Data, at path: String, in folder: String) {
        try? FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true)
        try? FileIO.writeAtomically(png, to: path)
    }

    /// The PNG signature at the start and the IEND chunk at the end.
    static func isWholePNG(_ bytes: [UInt8]) -> Bool {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let end: [UInt8] = [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
        return bytes.count > 64 && bytes.prefix(8).elementsEqual(signature)
            && bytes.suffix(8).elementsEqual(end)
    }

    /// The libraries that decide a card's pixels and bytes.
    static let versions = String(cString: congkhai_canvas_versions())
}
