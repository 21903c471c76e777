import CongkhaiCore
import CongkhaiImages

/// One file beside the markdown (or in `Content/media/`) that the site publishes.
package struct MediaFile: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        /// Resized by libvips into several widths (WebP and JPEG) and a social card.
        case photo
        /// An SVG drawing, published as it is.
        case vector
        /// A document (PDF, DOCX, XLSX, ODT…), published byte for byte.
        case attachment
    }

    package var kind: Kind
    /// The original, content-relative (`news/2021/anh/hoi-nghi.jpg`).
    package var source: String
    /// Where it is published: the file's URL; for a photo, the URL of its sizes without the
    /// `-<width>.webp` ending (`/tin-tuc/hoi-nghi/anh/hoi-nghi`).
    package var url: String
    /// The original's length in bytes.
    package var bytes: Int
    /// A drawing's or a photo's size as shown (after its EXIF orientation).
    package var pixels: PixelSize?

    /// A photo's published files: `<base>-<width>.webp` and `.jpg`, and `<base>-og.jpg` for its social card.
    package func photoURL(width: Int, webp: Bool) -> String {
        "\(url)-\(width).\(webp ? "webp" : "jpg")"
    }
    package var cardURL: String { "\(url)-og.jpg" }

    /// What a link to it says after its text, as Vietnamese government sites do: "PDF, 1,2 MB".
    package var label: String {
        let type = source.split(separator: ".").last.map { $0.uppercased() } ?? ""
        return type.isEmpty ? MediaFile.size(bytes) : "\(type), \(MediaFile.size(bytes))"
    }

    /// 1.234.567 bytes → "1,2 MB"; 850.000 → "830 KB"; in units of 1024, with a decimal comma.
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) byte" }
        if bytes < 1024 * 1024 { return "\((bytes + 1023) / 1024) KB" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(VietnameseNumber.decimal(scaled: tenths, decimals: 1)) MB"
    }
}

/// Every file the site's markdown points at, resolved, and the photos made from them.
package struct MediaCatalog: Sendable {
    /// By markdown file (as diagnostics name it), then target as written.
    package var references: [String: [String: MediaFile]] = [:]
    /// Every published file, once per URL, sorted by URL.
    package var files: [MediaFile] = []
    /// The photos made (or found in the image cache), by content-relative source.
    package var photos: [String: StoredPhoto] = [:]
    /// Absolute paths of the originals, by content-relative source.
    package var originals: [String: String] = [:]

    package init() {}

    /// A photo as the image cache holds it: its folder, and the sizes made.
    package struct StoredPhoto: Sendable, Hashable {
        package var folder: String
        package var rendered: RenderedPhoto
    }

    /// The first photo a markdown file shows, for its card and its social card.
    package func firstPhoto(
        of file: String, references list: [MediaReference]
    ) -> (MediaFile, StoredPhoto)? {
        guard let table = references[file] else { return nil }
        for reference in list where reference.isImage {
            if let media = table[reference.target], media.kind == .photo,
                let stored = photos[media.source]
            {
                return (media, stored)
            }
        }
        return nil
    }
}
