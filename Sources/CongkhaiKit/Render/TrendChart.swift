import CongkhaiCore

/// A bar chart of a rate over months, as inline SVG with a text alternative. The same points
/// are always published as a table beside it.
package struct TrendChart: Sendable {
    package struct Point: Sendable {
        package var label: String
        package var value: MeasureValue
    }

    package var title: String
    package var points: [Point]
    /// A horizontal line for the target, in per mille, and which side of it meets it.
    package var target: Double?
    package var comparison: Target.Comparison = .atLeast
    package var targetLabel: String?

    package init(
        title: String, points: [Point], target: Double?, comparison: Target.Comparison = .atLeast,
        targetLabel: String?
    ) {
        self.title = title
        self.points = points
        self.target = target
        self.comparison = comparison
        self.targetLabel = targetLabel
    }

    /// The text alternative: what a screen reader says for the picture.
    package var description: String {
        let values = points.map { "\($0.label): \($0.value.text)" }.joined(separator: "; ")
        let goal = targetLabel.map { " Chỉ tiêu \($0)." } ?? ""
        return "\(title). \(values).\(goal)"
    }

    /// Ids must be unique in the page: `id` prefixes them. Written piece by piece into one string
    /// (a national site draws tens of thousands of these).
    /// `description`: the text alternative (`description`), which callers also show beside the chart.
    package func svg(id: String, description: String) -> String {
        let width = 640.0, height = 240.0, left = 44.0, right = 8.0, top = 12.0, bottom = 36.0
        let plotW = width - left - right, plotH = height - top - bottom
        let values = points.compactMap { $0.value.rate?.perMille.map(Double.init) }
        let (lo, hi, tickStep) = TrendChart.axis(values: values + (target.map { [$0] } ?? []))
        func y(_ v: Double) -> Double { top + plotH * (1 - (v - lo) / (hi - lo)) }
        let step = plotW / Double(max(points.count, 1))
        let l = String(Int(left)), r = String(Int(width - right))
        var out = ""
        out.reserveCapacity(1024 + points.count * 320)
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ";
        out += String(Int(width)); out += " "; out += String(Int(height))
        out += "\" role=\"img\" aria-labelledby=\""; out += id; out += "-t "; out += id;
        out += "-d\">"
        out += "<title id=\""; out += id; out += "-t\">"; escape(title, into: &out)
        out += "</title><desc id=\""; out += id; out += "-d\">"; escape(description, into: &out);
        out += "</desc>"
        for tick in Swift.stride(from: lo, through: hi, by: tickStep) {
            let ty = fmt(y(tick))
            out += "<line x1=\""; out += l; out += "\" x2=\""; out += r; out += "\" y1=\"";
            out += ty; out += "\" y2=\""; out += ty
            out += "\" stroke=\"#d8dce2\" stroke-width=\"1\"/>"
            var label = VietnameseNumber.decimal(scaled: Int(tick), decimals: 1)
            if label.hasSuffix(",0") { label.removeLast(2) }
            out += "<text x=\""; out += String(Int(left) - 4); out += "\" y=\"";
            out += fmt(y(tick) + 4)
            out += "\" font-size=\"11\" text-anchor=\"end\" fill=\"#4a5260\">"; out += label;
            out += "%</text>"
        }
        let labelY = String(Int(height - bottom + 16))
        for (i, point) in points.enumerated() {
            let x = left + step * Double(i)
            if let v = point.value.rate?.perMille {
                let barY = y(Double(v))
                let met = target.map { comparison.holds(Double(v), $0) } ?? true
                out += "<rect x=\""; out += fmt(x + step * 0.15); out += "\" y=\""; out += fmt(barY)
                out += "\" width=\""; out += fmt(step * 0.7); out += "\" height=\"";
                out += fmt(top + plotH - barY)
                out += "\" fill=\""; out += met ? "#1f6f9f" : "#c2410c"; out += "\"><title>"
                escape(point.label, into: &out); out += ": "; escape(point.value.text, into: &out);
                out += "</title></rect>"
            }
            out += "<text x=\""; out += fmt(x + step / 2); out += "\" y=\""; out += labelY
            out += "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1b1f24\">";
            escape(shortLabel(point.label), into: &out); out += "</text>"
        }
        if let target, target >= lo {
            let ty = fmt(y(target))
            out += "<line x1=\""; out += l; out += "\" x2=\""; out += r; out += "\" y1=\"";
            out += ty; out += "\" y2=\""; out += ty
            out += "\" stroke=\"#a4161a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            if let targetLabel {
                out += "<text x=\""; out += r; out += "\" y=\""; out += fmt(y(target) - 4)
                out += "\" font-size=\"11\" text-anchor=\"end\" fill=\"#a4161a\">Chỉ tiêu ";
                escape(targetLabel, into: &out); out += "</text>"
            }
        }
        out += "</svg>"
        return out
    }

    /// The y axis in per mille: rates near 100% (on time, satisfaction) start below their lowest
    /// value; small rates (late dossiers) start at 0 and end a little above the highest value or target.
    static func axis(values: [Double]) -> (lo: Double, hi: Double, step: Double) {
        let top = values.max() ?? 1000, bottom = values.min() ?? 0
        if top <= 500 {
            let hi = min(1000, max(20, (top * 1.25 / 10).rounded(.up) * 10))
            let step = [5.0, 10, 20, 25, 50, 100, 200].first { hi / $0 <= 6 } ?? 250
            return (0, (hi / step).rounded(.up) * step, step)
        }
        let lo = min(900, max(0, (bottom / 100).rounded(.down) * 100 - 100))
        return (lo, 1000, (1000 - lo) <= 300 ? 50 : 100)
    }

    /// `Tháng 3/2021` → `T3`
    private func shortLabel(_ label: String) -> String {
        // On bytes: `hasPrefix` and `dropFirst` on a String compare and count Characters.
        let month = Array("Tháng ".utf8), bytes = label.utf8
        guard bytes.starts(with: month) else { return label }
        return "T"
            + String(decoding: bytes.dropFirst(month.count).prefix { $0 != 0x2F }, as: UTF8.self)
    }

    private func fmt(_ v: Double) -> String {
        let scaled = Int((v * 10).rounded())
        if scaled % 10 == 0 { return String(scaled / 10) }
        return String(scaled / 10) + "." + String(abs(scaled % 10))
    }

    /// `&`, `<` and `>` as entities; text without them is appended as it is.
    private func escape(_ s: String, into out: inout String) {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else {
            out += s; return
        }
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(ch)
            }
        }
    }
}
