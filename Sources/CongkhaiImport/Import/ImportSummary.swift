import CongkhaiCore
import CongkhaiKit

/// What one unit × period's import says: its fields, totals, the unit's rate for the period,
/// and what changed since the figures it replaces.
package struct ImportSummary: Sendable {
    package enum Change: Sendable, Equatable {
        /// No rows before.
        case new
        case unchanged
        /// Each changed row: the field (or nil), and the columns old → new.
        case changed([(field: String, changes: [(key: String, old: Int?, new: Int?)])])

        package static func == (a: Change, b: Change) -> Bool {
            switch (a, b) {
            case (.new, .new), (.unchanged, .unchanged): return true
            case (.changed(let x), .changed(let y)):
                return x.count == y.count
                    && zip(x, y).allSatisfy {
                        $0.field == $1.field && $0.changes.map(\.key) == $1.changes.map(\.key)
                            && $0.changes.map(\.old) == $1.changes.map(\.old)
                            && $0.changes.map(\.new) == $1.changes.map(\.new)
                    }
            default: return false
            }
        }
    }

    package var figures: ImportedFigures
    package var schema: DatasetSchema
    package var unitName: String
    /// Field id → name.
    package var fieldNames: [String: String]
    package var destination: String
    package var change: Change

    /// The dataset's first rate over all the rows (sum, then divide).
    package var rate: (title: String, id: String, value: Rate)? {
        guard let measure = schema.measures.first(where: \.isRate),
            case .ratio(let n, let d) = measure.formula
        else { return nil }
        func sum(_ keys: [String]) -> Int {
            figures.rows.reduce(0) { total, row in
                total + keys.reduce(0) { $0 + (row.values[$1] ?? 0) }
            }
        }
        return (measure.title, measure.id, Rate(sum(n), of: sum(d)))
    }

    package var totals: [String: Int] {
        var totals: [String: Int] = [:]
        for row in figures.rows { for (k, v) in row.values { totals[k, default: 0] += v } }
        return totals
    }

    /// The summary's lines.
    package func lines(in language: MessageLanguage) -> [String] {
        let vi = language == .vietnamese
        func name(_ key: String) -> String {
            vi ? (schema.columns.first { $0.key == key }?.title ?? key) : key
        }
        func values(_ v: [String: Int]) -> String {
            figures.keys.filter { v[$0] != nil }.map {
                "\(name($0)) \(VietnameseNumber.integer(v[$0]!))"
            }.joined(separator: ", ")
        }
        var out: [String] = []
        out.append(
            language.say(
                "\(figures.source) → \(unitName) (\(figures.unit)), \(figures.period.key): \(figures.rows.count) row(s) into \(destination)"
            ))
        for row in figures.rows {
            let label = row.field.map { fieldNames[$0] ?? $0 } ?? unitName
            out.append("  \(label): \(values(row.values))")
        }
        if figures.rows.count > 1 { out.append("  " + language.say("total: \(values(totals))")) }
        if let rate {
            let shown = rate.value.percentText ?? language.say("no data")
            out.append(
                "  "
                    + language.say(
                        "\(vi ? rate.title : rate.id) of \(figures.unit) for \(figures.period.key): \(shown) (\(rate.value.numerator)/\(rate.value.denominator))"
                    ))
        }
        switch change {
        case .new:
            out.append("  " + language.say("new: no figures for this unit and period before"))
        case .unchanged: out.append("  " + language.say("unchanged since the last import"))
        case .changed(let rows):
            out.append("  " + language.say("changed since the last import:"))
            for row in rows {
                let parts = row.changes.map {
                    "\(name($0.key)) \($0.old.map(String.init) ?? "–") → \($0.new.map(String.init) ?? "–")"
                }
                out.append(
                    "    \(fieldNames[row.field] ?? row.field): \(parts.joined(separator: ", "))")
            }
        }
        return out
    }
}
