import CVipsShim
import Foundation

/// A width and a height in pixels.
package struct PixelSize: Sendable, Hashable, CustomStringConvertible {
    package var width: Int
    package var height: Int
    package init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
    package var description: String { "\(width)×\(height)" }
}

/// Why libvips could not read or write a photo, in its own words.
package struct PhotoFailure: Error, Sendable, Equatable, CustomStringConvertible {
    package var reason: String
    package init(_ reason: String) { self.reason = reason }
    package var description: String { reason }
}

/// What a photo becomes: the widths it is published at, each as WebP and as a JPEG fallback, and
/// the social card. Part of every cached photo's key, so a change of recipe makes them again.
package struct PhotoRecipe: Sendable, Hashable {
    package var widths: [Int]
    package var webpQuality: Int
    package var jpegQuality: Int
    /// The social card (`og:image`), cropped around the centre.
    package var card: PixelSize

    package static let standard = PhotoRecipe(
        widths: [480, 960, 1600], webpQuality: 78, jpegQuality: 80,
        card: PixelSize(width: 1200, height: 630))

    /// The widths a photo `size` wide is published at: the recipe's widths below its own, and its
    /// own width when it is below the largest (never upscaled), unless a kept width is within a
    /// fifth of it.
    package func widths(for size: PixelSize) -> [Int] {
        var kept = widths.sorted().filter { $0 < size.width }
        let largest = widths.max() ?? size.width
        if size.width <= largest, kept.last.map({ $0 * 5 < size.width * 4 }) ?? true {
            kept.append(size.width)
        }
        return kept
    }

    /// A short stable text naming the recipe, for cache keys.
    package var key: String {
        "w" + widths.map(String.init).joined(separator: ",")
            + "-q\(webpQuality),\(jpegQuality)-c\(card.width)x\(card.height)-vips2"
    }
}

/// The files one photo was made into, in its folder: `<width>.webp` and `<width>.jpg` per width,
/// and `card.jpg`.
package struct RenderedPhoto: Sendable, Hashable {
    /// Each published size, smallest first.
    package var sizes: [PixelSize]
    package var card: PixelSize

    package init(sizes: [PixelSize], card: PixelSize) {
        self.sizes = sizes
        self.card = card
    }

    package static func webpName(_ width: Int) -> String { "\(width).webp" }
    package static func jpegName(_ width: Int) -> String { "\(width).jpg" }
    package static let cardName = "card.jpg"
}

/// libvips, started once per process.
package enum PhotoLibrary {
    private static let started: Bool = congkhai_vips_init() == 0

    static func start() throws(PhotoFailure) {
        guard started else { throw PhotoFailure("libvips did not start: \(lastError())") }
    }

    static func lastError() -> String {
        let text = String(cString: congkhai_vips_error()).trimmingCharacters(
            in: .whitespacesAndNewlines)
        congkhai_vips_error_clear()
        return text.isEmpty ? "unknown libvips error" : text
    }

    /// The worker threads libvips gives each image (0: one per core, its default). When photos
    /// are processed side by side, one each measured fastest (see `scripts/bench`).
    package static func setThreadsPerImage(_ threads: Int) {
        guard started else { return }
        congkhai_vips_concurrency_set(Int32(threads))
    }

    /// The photo's size as shown (after its EXIF orientation), from its header alone; fails for a
    /// file libvips cannot read.
    package static func size(ofFileAt path: String) -> Result<PixelSize, PhotoFailure> {
        do throws(PhotoFailure) { try start() } catch { return .failure(error) }
        var width: Int32 = 0, height: Int32 = 0
        guard congkhai_vips_header(path, &width, &height) == 0 else {
            return .failure(PhotoFailure(lastError()))
        }
        return .success(PixelSize(width: Int(width), height: Int(height)))
    }

    /// Makes every published size of the photo at `path` and its social card into `folder`, with
    /// the EXIF orientation applied and every metadata block (EXIF, GPS, XMP, IPTC) stripped. The
    /// photo is decoded once, at the largest width (JPEGs shrink while they load), and the smaller
    /// sizes are made from that copy in memory.
    package static func render(
        _ path: String, recipe: PhotoRecipe, into folder: String
    ) -> Result<RenderedPhoto, PhotoFailure> {
        do throws(PhotoFailure) {
            try start()
            let largest = recipe.widths.max() ?? 1600
            let loaded = try image(congkhai_vips_thumbnail_width(path, Int32(largest)))
            defer { congkhai_vips_release(loaded) }
            let decoded = try image(congkhai_vips_copy_memory(loaded))
            defer { congkhai_vips_release(decoded) }
            let full = PixelSize(
                width: Int(congkhai_vips_width(decoded)), height: Int(congkhai_vips_height(decoded))
            )
            var sizes: [PixelSize] = []
            for width in recipe.widths(for: full) {
                let sized =
                    width >= full.width
                    ? decoded
                    : try image(congkhai_vips_thumbnail_image_width(decoded, Int32(width)))
                defer { if sized != decoded { congkhai_vips_release(sized) } }
                try check(
                    congkhai_vips_save_webp(
                        sized, folder + "/" + RenderedPhoto.webpName(width),
                        Int32(recipe.webpQuality)))
                try check(
                    congkhai_vips_save_jpeg_opaque(
                        sized, folder + "/" + RenderedPhoto.jpegName(width),
                        Int32(recipe.jpegQuality)))
                sizes.append(
                    PixelSize(
                        width: Int(congkhai_vips_width(sized)),
                        height: Int(congkhai_vips_height(sized))))
            }
            let card = try image(
                congkhai_vips_thumbnail_image_fill(
                    decoded, Int32(recipe.card.width), Int32(recipe.card.height)))
            defer { congkhai_vips_release(card) }
            try check(
                congkhai_vips_save_jpeg_opaque(
                    card, folder + "/" + RenderedPhoto.cardName, Int32(recipe.jpegQuality)))
            return .success(
                RenderedPhoto(
                    sizes: sizes,
                    card: PixelSize(
                        width: Int(congkhai_vips_width(card)),
                        height: Int(congkhai_vips_height(card)))))
        } catch {
            return .failure(error)
        }
    }

    private static func image(_ pointer: OpaquePointer?) throws(PhotoFailure) -> OpaquePointer {
        guard let pointer else { throw PhotoFailure(lastError()) }
        return pointer
    }

    private static func check(_ status: Int32) throws(PhotoFailure) {
        guard status == 0 else { throw PhotoFailure(lastError()) }
    }
}
