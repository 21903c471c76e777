import CVipsShim
import Foundation

/// A width and a height in pixels.
public struct PixelSize: Sendable, Hashable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
    public var description: String { "\(width)×\(height)" }
}

/// Why libvips could not read or write a photo, in its own words.
public struct PhotoFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// What a photo becomes: the widths it is published at, each as WebP and as a JPEG fallback, and
/// the social card. Part of every cached photo's key, so a change of recipe makes them again.
public struct PhotoRecipe: Sendable, Hashable {
    public var widths: [Int]
    public var webpQuality: Int
    public var jpegQuality: Int
    /// The social card (`og:image`), cropped around the centre.
    public var card: PixelSize

    public static let standard = PhotoRecipe(
        widths: [480, 960, 1600], webpQuality: 78, jpegQuality: 80,
        card: PixelSize(width: 1200, height: 630))

    /// The widths a photo `size` wide is published at: the recipe's widths below its own, and its
    /// own width when it is below the largest (never upscaled), unless a kept width is within a
    /// fifth of it.
    public func widths(for size: PixelSize) -> [Int] {
        var kept = widths.sorted().filter { $0 < size.width }
        let largest = widths.max() ?? size.width
        if size.width <= largest, kept.last.map({ $0 * 5 < size.width * 4 }) ?? true {
            kept.append(size.width)
        }
        return kept
    }

    /// A short stable text naming the recipe, for cache keys.
    public var key: String {
        "w" + widths.map(String.init).joined(separator: ",")
            + "-q\(webpQuality),\(jpegQuality)-c\(card.width)x\(card.height)-vips2"
    }
}

/// The files one photo was made into, in its folder: `<width>.webp` and `<width>.jpg` per width,
/// and `card.jpg`.
public struct RenderedPhoto: Sendable, Hashable {
    /// Each published size, smallest first.
    public var sizes: [PixelSize]
    public var card: PixelSize

    public init(sizes: [PixelSize], card: PixelSize) {
        self.sizes = sizes
        self.card = card
    }

    public static func webpName(_ width: Int) -> String { "\(width).webp" }
    public static func jpegName(_ width: Int) -> String { "\(width).jpg" }
    public static let cardName = "card.jpg"
}

/// libvips, started once per process.
public enum PhotoLibrary {
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
    public static func setThreadsPerImage(_ threads: Int) {
        guard started else { return }
        congkhai_vips_concurrency_set(Int32(threads))
    }

    /// The photo's size as shown (after its EXIF orientation), from its header alone; fails for a
    /// file libvips cannot read.
    public static func size(ofFileAt path: String) -> Result<PixelSize, PhotoFailure> {
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
    public static func render(
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
