/// The 256 colours a card is written with, and the mapping of drawn pixels onto them.
///
/// A card is flat colours and anti-aliased text: every pixel is one of its `solids`, or lies
/// between a text's ground and its ink (`blends`). So the palette holds the solids and, for
/// each blend, evenly spaced steps from ground to ink, and a card is written as one byte a
/// pixel instead of three: a third of the bytes to deflate, half the file. A pixel is mapped to
/// the nearest entry, at most `tolerance` away (about 3 of 255 on one channel, less than a
/// screen shows); a card with a pixel farther than that from every entry (a colour the design
/// did not declare) is written as RGB instead, so nothing is ever drawn wrong.
struct CardPalette: Sendable {
    typealias Color = CardDrawing.Color

    struct Blend: Hashable, Sendable {
        var ground: Color
        var ink: Color
    }

    /// The colours, in index order.
    let colors: [Color]
    /// The same as r, g, b bytes, as PNG's PLTE chunk holds them (every card writes them).
    let bytes: [UInt8]
    private let solids: [Color]
    private let blends: [Blend]
    /// Entries between ground and ink, both excluded, for each blend.
    private let steps: Int
    /// The greatest squared distance (in 0...255 RGB) of a pixel from its entry.
    static let tolerance = 16

    init(solids: [Color], blends: [Blend]) {
        var unique: [Color] = []
        for color in solids + blends.flatMap({ [$0.ground, $0.ink] }) where !unique.contains(color)
        {
            unique.append(color)
        }
        self.solids = unique
        self.blends = blends
        steps = blends.isEmpty ? 0 : (256 - unique.count) / blends.count
        var colors = unique
        for blend in blends {
            for step in 1...max(1, steps) where steps > 0 {
                colors.append(Self.mix(blend.ground, blend.ink, step, of: steps + 1))
            }
        }
        self.colors = colors
        bytes = colors.flatMap {
            [UInt8($0 >> 16 & 0xff), UInt8($0 >> 8 & 0xff), UInt8($0 & 0xff)]
        }
    }

    /// Maps `rows` rows of `width` 0x00RRGGBB pixels (`stride` words apart) to palette indices,
    /// `width` bytes a row; false when a pixel is farther than `tolerance` from every entry.
    func map(
        _ pixels: UnsafePointer<UInt32>, width: Int, rows: Int, stride: Int,
        into indices: UnsafeMutablePointer<UInt8>
    ) -> Bool {
        var memo = Memo()
        defer { memo.release() }
        // Runs of one colour are most of a card: a pixel equal to the one before costs a compare.
        var previous: UInt32 = .max
        var previousIndex: UInt8 = 0
        for y in 0..<rows {
            let row = pixels + y * stride
            let out = indices + y * width
            for x in 0..<width {
                let pixel = row[x] & 0xff_ffff
                if pixel != previous {
                    if let known = memo.find(pixel) {
                        previousIndex = known
                    } else {
                        guard let index = nearest(pixel) else { return false }
                        memo.insert(pixel, index)
                        previousIndex = index
                    }
                    previous = pixel
                }
                out[x] = previousIndex
            }
        }
        return true
    }

    /// The index of the entry nearest `pixel`, or nil when none is within `tolerance`. Blends
    /// are searched by projecting the pixel on the line from ground to ink, not entry by entry.
    func nearest(_ pixel: Color) -> UInt8? {
        var best = Int.max, bestIndex = 0
        for (index, color) in solids.enumerated() {
            let distance = Self.distance(pixel, color)
            if distance < best { (best, bestIndex) = (distance, index) }
        }
        for (number, blend) in blends.enumerated() where steps > 0 {
            let (g, i, p) = (
                Self.channels(blend.ground), Self.channels(blend.ink), Self.channels(pixel)
            )
            let direction = (i.0 - g.0, i.1 - g.1, i.2 - g.2)
            let length =
                direction.0 * direction.0 + direction.1 * direction.1 + direction.2 * direction.2
            guard length > 0 else { continue }
            let along =
                (p.0 - g.0) * direction.0 + (p.1 - g.1) * direction.1 + (p.2 - g.2) * direction.2
            // The nearest step, rounded: along / length of the way, in steps + 1 parts.
            let step = (2 * along * (steps + 1) + length) / (2 * length)
            guard (1...steps).contains(step) else { continue }
            let index = solids.count + number * steps + step - 1
            let distance = Self.distance(pixel, colors[index])
            if distance < best { (best, bestIndex) = (distance, index) }
        }
        return best <= Self.tolerance ? UInt8(bestIndex) : nil
    }

    /// `step` parts of `parts` of the way from `a` to `b`, each channel rounded.
    static func mix(_ a: Color, _ b: Color, _ step: Int, of parts: Int) -> Color {
        let (x, y) = (channels(a), channels(b))
        func channel(_ from: Int, _ to: Int) -> Color {
            Color((from * (parts - step) + to * step + parts / 2) / parts)
        }
        return channel(x.0, y.0) << 16 | channel(x.1, y.1) << 8 | channel(x.2, y.2)
    }

    static func channels(_ color: Color) -> (Int, Int, Int) {
        (Int(color >> 16 & 0xff), Int(color >> 8 & 0xff), Int(color & 0xff))
    }

    static func distance(_ a: Color, _ b: Color) -> Int {
        let (x, y) = (channels(a), channels(b))
        let d = (x.0 - y.0, x.1 - y.1, x.2 - y.2)
        return d.0 * d.0 + d.1 * d.1 + d.2 * d.2
    }

    /// Colours already mapped in this card: open addressing over a power-of-two table, because
    /// a card has a few thousand colours met tens of thousands of times.
    private struct Memo {
        private static let capacity = 1 << 13
        private let keys = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        private let values = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        private var count = 0

        init() { keys.initialize(repeating: .max, count: Self.capacity) }

        func release() {
            keys.deallocate()
            values.deallocate()
        }

        private func slot(_ key: UInt32) -> Int {
            Int(truncatingIfNeeded: (key &* 2_654_435_761) >> 19) & (Self.capacity - 1)
        }

        func find(_ key: UInt32) -> UInt8? {
            var slot = slot(key)
            while keys[slot] != .max {
                if keys[slot] == key { return values[slot] }
                slot = (slot + 1) & (Self.capacity - 1)
            }
            return nil
        }

        /// Full at three quarters: further colours are looked up each time instead.
        mutating func insert(_ key: UInt32, _ value: UInt8) {
            guard count < Self.capacity * 3 / 4 else { return }
            var slot = slot(key)
            while keys[slot] != .max { slot = (slot + 1) & (Self.capacity - 1) }
            keys[slot] = key
            values[slot] = value
            count += 1
        }
    }
}
