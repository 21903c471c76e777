import CongkhaiCore
import CongkhaiImages
import Foundation

/// Photos made once. Each original is known by a hash of its bytes; its sizes and social card
/// live in the build cache's `images/` folder under that hash (and the recipe), shared by every
/// output and kept by `--no-cache`: an unchanged photo is never processed twice, and an
/// incremental build after adding one photo processes one. An index of (path, size, mtime) →
/// hash spares reading unchanged originals to hash them.
struct ImageStore {
    let folder: String
    let recipe: PhotoRecipe

    init(cacheDirectory: String?, recipe: PhotoRecipe = .standard) {
        let base = URL(fileURLWithPath: cacheDirectory ?? ".congkhai-cache", isDirectory: true)
            .standardizedFileURL.path
        folder = base + "/images/" + recipe.key
        self.recipe = recipe
    }

    /// What `prepare` did: the stored photos by content-relative source, and how many were made now.
    struct Outcome {
        var photos: [String: MediaCatalog.StoredPhoto]
        var processed: Int
    }

    /// Makes the photos of `sources` that the store lacks, on all cores, and returns every one's folder.
    func prepare(_ sources: [String], directory: ContentDirectory, log: DiagnosticLog) -> Outcome {
        guard !sources.isEmpty else {
            prune(keeping: [])
            return Outcome(photos: [:], processed: 0)
        }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let index = readIndex()
        var hashes = [UInt64?](repeating: nil, count: sources.count)
        var stamps = [String](repeating: "", count: sources.count)
        hashes.withUnsafeMutableBufferPointer { hashSlots in
            stamps.withUnsafeMutableBufferPointer { stampSlots in
                let hs = UnsafeSendable(hashSlots), ss = UnsafeSendable(stampSlots)
                let known = index
                DispatchQueue.concurrentPerform(iterations: sources.count) { i in
                    let path = directory.path(sources[i])
                    var info = stat()
                    guard stat(path, &info) == 0 else { return }
                    let stamp =
                        "\(info.st_size) \(Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)) \(path)"
                    ss.value[i] = stamp
                    if let hash = known[stamp] { hs.value[i] = hash; return }
                    guard let bytes = FileIO.contents(atPath: path) else { return }
                    var hasher = StableHasher()
                    hasher.combine(bytes)
                    hs.value[i] = hasher.value
                }
            }
        }
        var photos: [String: MediaCatalog.StoredPhoto] = [:]
        var missing: [(source: String, hash: UInt64)] = []
        var seenHashes = Set<UInt64>()
        var fresh: [String: UInt64] = [:]
        for (i, source) in sources.enumerated() {
            guard let hash = hashes[i] else {
                log.error(SourceLocation(file: directory.display(source)), "cannot read the photo")
                continue
            }
            fresh[stamps[i]] = hash
            let entry = folder + "/" + Self.hex(hash)
            if let rendered = Self.readSizes(entry) {
                photos[source] = MediaCatalog.StoredPhoto(folder: entry, rendered: rendered)
            } else if seenHashes.insert(hash).inserted {
                missing.append((source, hash))
            }
        }

        // One photo per core, each with libvips' own threads (its default): measured 2,4× faster
        // on two cores than one libvips thread per photo (`scripts/bench --photos`).
        // CONGKHAI_VIPS_THREADS sets libvips' threads per photo, for that measurement.
        if let threads = ProcessInfo.processInfo.environment["CONGKHAI_VIPS_THREADS"].flatMap({
            Int($0)
        }) {
            PhotoLibrary.setThreadsPerImage(threads)
        }
        var made = [RenderedPhoto?](repeating: nil, count: missing.count)
        made.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSendable(buffer)
            let recipe = self.recipe, folder = self.folder, missing = missing
            DispatchQueue.concurrentPerform(iterations: missing.count) { i in
                let (source, hash) = missing[i]
                let entry = folder + "/" + Self.hex(hash)
                // Unique to this call: builds in one process (tests) or in several may make the same photo at once.
                let staging = entry + ".part-" + UUID().uuidString
                try? FileManager.default.createDirectory(
                    atPath: staging, withIntermediateDirectories: true)
                switch PhotoLibrary.render(directory.path(source), recipe: recipe, into: staging) {
                case .success(let rendered):
                    guard Self.write(Self.sizesText(rendered), to: staging + "/sizes") else {
                        return
                    }
                    // A damaged entry is replaced; one another build has just made is kept (the same bytes).
                    if Self.readSizes(entry) == nil {
                        try? FileManager.default.removeItem(atPath: entry)
                    }
                    if rename(staging, entry) != 0 {
                        try? FileManager.default.removeItem(atPath: staging)
                    }
                    if Self.readSizes(entry) != nil { slots.value[i] = rendered }
                case .failure(let failure):
                    try? FileManager.default.removeItem(atPath: staging)
                    log.error(
                        SourceLocation(file: directory.display(source)),
                        "cannot process the photo: \(failure.reason)",
                        hint: "save it again as JPEG, PNG or WebP")
                }
            }
        }
        var processed = 0
        for (i, item) in missing.enumerated() {
            guard let rendered = made[i] else { continue }
            processed += 1
            photos[item.source] = MediaCatalog.StoredPhoto(
                folder: folder + "/" + Self.hex(item.hash), rendered: rendered)
        }
        // Copies of one photo under other names share its folder.
        for (i, source) in sources.enumerated() where photos[source] == nil {
            guard let hash = hashes[i], let rendered = Self.readSizes(folder + "/" + Self.hex(hash))
            else { continue }
            photos[source] = MediaCatalog.StoredPhoto(
                folder: folder + "/" + Self.hex(hash), rendered: rendered)
        }
        // The photos of this build only: entries of files gone or changed are dropped.
        if fresh != index { writeIndex(fresh) }
        prune(keeping: Set(photos.values.map { ($0.folder as NSString).lastPathComponent }))
        return Outcome(photos: photos, processed: processed)
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// `sizes`: one line per width, `480 360`, then the card's `card 1200 630`.
    static func sizesText(_ photo: RenderedPhoto) -> String {
        photo.sizes.map { "\($0.width) \($0.height)\n" }.joined()
            + "card \(photo.card.width) \(photo.card.height)\n"
    }

    static func readSizes(_ entry: String) -> RenderedPhoto? {
        guard let bytes = FileIO.contents(atPath: entry + "/sizes") else { return nil }
        var sizes: [PixelSize] = [], card: PixelSize?
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 3, fields[0] == "card", let w = Int(fields[1]),
                let h = Int(fields[2])
            {
                card = PixelSize(width: w, height: h)
            } else if fields.count == 2, let w = Int(fields[0]), let h = Int(fields[1]) {
                sizes.append(PixelSize(width: w, height: h))
            } else {
                return nil
            }
        }
        guard let card, !sizes.isEmpty else { return nil }
        return RenderedPhoto(sizes: sizes, card: card)
    }

    static func write(_ text: String, to path: String) -> Bool {
        (try? Data(text.utf8).write(to: URL(fileURLWithPath: path))) != nil
    }

    private var indexPath: String { folder + "/index" }

    /// `hash size mtime path` per line.
    private func readIndex() -> [String: UInt64] {
        guard let bytes = FileIO.contents(atPath: indexPath) else { return [:] }
        var index: [String: UInt64] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            guard let space = line.firstIndex(of: " "), let hash = UInt64(line[..<space], radix: 16)
            else { continue }
            index[String(line[line.index(after: space)...])] = hash
        }
        return index
    }

    private func writeIndex(_ index: [String: UInt64]) {
        let text = index.sorted { $0.key < $1.key }.map { "\(Self.hex($0.value)) \($0.key)\n" }
            .joined()
        try? FileIO.writeAtomically(Data(text.utf8), to: indexPath)
    }
}
