import CVipsShim
import CongkhaiCore
import Foundation

/// Draws social cards as PNG, each once. A card's frame (the site's band and foot, the same on
/// every card of a site) is drawn once per build and kept in memory; a card draws only its own
/// rows (`SocialCard.subjectSVG`) and puts them in place. A drawn card is kept in the build cache,
/// `<cache>/cards/<hash>.png`, under a hash of everything it shows (both SVG documents) and of
/// how it is drawn (libvips' version, `recipe`): shared by every output, kept by `--no-cache`, so
/// a later build draws only the cards whose text or figure changed.
package final class CardPainter: @unchecked Sendable {
    /// How cards are drawn: change it when the drawing changes, so that older cards are not reused.
    static let recipe = "frame+subject, RGB, PNG level 1 unfiltered"

    /// Where drawn cards are kept; nil: nowhere.
    let folder: String?
    private let lock = NSLock()
    /// Frames drawn, by their SVG's hash (one per site; a libvips image in memory each).
    private var frames: [UInt64: OpaquePointer] = [:]
    private var drawnCount = 0

    /// `cacheDirectory`: the build cache, whose `cards/` keeps drawn cards; nil keeps none.
    package init(cacheDirectory: String?) {
        folder = cacheDirectory.map {
            URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL.path + "/cards"
        }
    }

    deinit {
        for image in frames.values { congkhai_vips_release(image) }
    }

    /// Cards drawn by libvips so far (the others came from the cache).
    package var drawn: Int {
        lock.lock(); defer { lock.unlock() }
        return drawnCount
    }

    package func png(_ card: SocialCard) throws(SocialCard.Failure) -> Data {
        guard Self.started else { throw .raster(String(cString: congkhai_vips_error())) }
        let frameSVG = card.frameSVG()
        let (subjectSVG, subjectHeight) = card.subjectSVG()
        var key = StableHasher()
        key.combine(Self.recipe); key.combine(Self.vipsVersion)
        key.combine(frameSVG); key.combine(subjectSVG)
        let path = folder.map { $0 + "/" + ImageStore.hex(key.value) + ".png" }
        if let path, let kept = FileIO.contents(atPath: path), Self.isWholePNG(kept) {
            CacheAging.renew(path, now: Date())
            return Data(kept)
        }
        let frame = try self.frame(frameSVG)
        let subject = try Self.draw(subjectSVG)
        defer { congkhai_vips_release(subject) }
        guard congkhai_vips_width(subject) == SocialCard.width,
            congkhai_vips_height(subject) == subjectHeight,
            let card = congkhai_vips_insert(frame, subject, 0, Int32(SocialCard.subjectTop))
        else { throw .raster(Self.lastError()) }
        defer { congkhai_vips_release(card) }
        // Zlib's fastest level, rows unfiltered: a card is flat colour and text, and this is both
        // faster and smaller than adaptive row filters (75 KB a unit card on the real site; 83 KB).
        var bytes: UnsafeMutableRawPointer?
        var length = 0
        guard congkhai_vips_save_png_buffer(card, 1, 0, &bytes, &length) == 0, let bytes else {
            throw .raster(Self.lastError())
        }
        defer { congkhai_vips_free(bytes) }
        let png = Data(bytes: bytes, count: length)
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

    /// The frame for `svg`, drawn by the first card that needs it (the others wait for it).
    private func frame(_ svg: String) throws(SocialCard.Failure) -> OpaquePointer {
        let key = StableHasher.hash(svg)
        lock.lock(); defer { lock.unlock() }
        if let frame = frames[key] { return frame }
        let frame = try Self.draw(svg)
        frames[key] = frame
        return frame
    }

    /// An opaque SVG drawn into memory as RGB. Drawn once: saved straight from the SVG, librsvg
    /// would draw it again for every strip the PNG writer asks for.
    private static func draw(_ svg: String) throws(SocialCard.Failure) -> OpaquePointer {
        let drawn: OpaquePointer? = svg.utf8CString.withUnsafeBufferPointer { buffer in
            congkhai_vips_svg_buffer(buffer.baseAddress, buffer.count - 1)
        }
        guard let drawn else { throw .raster(lastError()) }
        defer { congkhai_vips_release(drawn) }
        guard let rgb = congkhai_vips_drop_alpha(drawn) else { throw .raster(lastError()) }
        defer { congkhai_vips_release(rgb) }
        guard let image = congkhai_vips_copy_memory(rgb) else { throw .raster(lastError()) }
        return image
    }

    /// Written beside its place and renamed into it: a card is never seen half written, and two
    /// builds drawing the same card at once write the same bytes.
    private static func keep(_ png: Data, at path: String, in folder: String) {
        try? FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true)
        let part = path + ".part-" + UUID().uuidString
        guard FileManager.default.createFile(atPath: part, contents: png) else { return }
        if rename(part, path) != 0 { try? FileManager.default.removeItem(atPath: part) }
    }

    /// The PNG signature at the start and the IEND chunk at the end.
    static func isWholePNG(_ bytes: [UInt8]) -> Bool {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let end: [UInt8] = [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
        return bytes.count > 64 && bytes.prefix(8).elementsEqual(signature)
            && bytes.suffix(8).elementsEqual(end)
    }

    private static let started: Bool = congkhai_vips_init() == 0
    private static let vipsVersion: String = {
        _ = started
        return String(cString: congkhai_vips_version())
    }()

    private static func lastError() -> String {
        let message = String(cString: congkhai_vips_error()).trimmingCharacters(
            in: .whitespacesAndNewlines)
        congkhai_vips_error_clear()
        return message
    }
}
