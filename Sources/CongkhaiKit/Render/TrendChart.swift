/// A bar chart of a rate over months, as inline SVG with a text alternative. The same points
/// are always published as a table beside it.
public struct TrendChart: Sendable {
    public struct Point: Sendable {
        public var label: String
        public var value: MeasureValue
    }

    public var title: String
    public var points: [Point]
    /// A horizontal line for the target, in per mille.
    public var target: Double?
    public var targetLabel: String?

    /// The text alternative: what a screen reader says for the picture.
    public var description: String {
        let values = points.map { "\($0.label): \($0.value.text)" }.joined(separator: "; ")
        let goal = targetLabel.map { " Chỉ tiêu \($0)." } ?? ""
        return "\(title). \(values).\(goal)"
    }

    /// Ids must be unique in the page: `id` prefixes them.
    public func svg(id: String) -> String {
        let width = 640.0, height = 240.0, left = 44.0, right = 8.0, top = 12.0, bottom = 36.0
        let plotW = width - left - right, plotH = height - top - bottom
        let values = points.compactMap { $0.value.rate?.perMille.map(Double.init) }
        // Rates near 100% are the common case: start the axis below the lowest value or target.
        let floorValue = max(0, (min(values.min() ?? 0, target ?? 1000) / 100).rounded(.down) * 100 - 100)
        let lo = min(floorValue, 900), hi = 1000.0
        func y(_ v: Double) -> Double { top + plotH * (1 - (v - lo) / (hi - lo)) }
        let step = plotW / Double(max(points.count, 1))
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\">"
        out += "<title id=\"\(id)-t\">\(escape(title))</title><desc id=\"\(id)-d\">\(escape(description))</desc>"
        for tick in stride(from: lo, through: hi, by: 50) {
            let ty = fmt(y(tick))
            out += "<line x1=\"\(Int(left))\" x2=\"\(Int(width - right))\" y1=\"\(ty)\" y2=\"\(ty)\" stroke=\"#d8dce2\" stroke-width=\"1\"/>"
            out += "<text x=\"\(Int(left) - 4)\" y=\"\(fmt(y(tick) + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#4a5260\">\(Int(tick / 10))%</text>"
        }
        for (i, point) in points.enumerated() {
            let x = left + step * Double(i)
            if let v = point.value.rate?.perMille {
                let barY = y(Double(v))
                let met = target.map { Double(v) >= $0 } ?? true
                out += "<rect x=\"\(fmt(x + step * 0.15))\" y=\"\(fmt(barY))\" width=\"\(fmt(step * 0.7))\" height=\"\(fmt(top + plotH - barY))\" fill=\"\(met ? "#1f6f9f" : "#c2410c")\"><title>\(escape(point.label)): \(escape(point.value.text))</title></rect>"
            }
            out += "<text x=\"\(fmt(x + step / 2))\" y=\"\(Int(height - bottom + 16))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1b1f24\">\(escape(shortLabel(point.label)))</text>"
        }
        if let target, target >= lo {
            let ty = fmt(y(target))
            out += "<line x1=\"\(Int(left))\" x2=\"\(Int(width - right))\" y1=\"\(ty)\" y2=\"\(ty)\" stroke=\"#a4161a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            if let targetLabel {
                out += "<text x=\"\(Int(width - right))\" y=\"\(fmt(y(target) - 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#a4161a\">Chỉ tiêu \(escape(targetLabel))</text>"
            }
        }
        out += "</svg>"
        return out
    }

    /// `Tháng 3/2021` → `T3`
    private func shortLabel(_ label: String) -> String {
        label.hasPrefix("Tháng ") ? "T" + label.dropFirst(6).prefix { $0 != "/" } : label
    }

    private func fmt(_ v: Double) -> String {
        let scaled = Int((v * 10).rounded())
        return scaled % 10 == 0 ? "\(scaled / 10)" : "\(scaled / 10).\(abs(scaled % 10))"
    }

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
