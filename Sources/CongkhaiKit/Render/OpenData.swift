/// The open-data files under `/du-lieu/`: every dataset as CSV and JSON, the computed figures,
/// and a Frictionless `datapackage.json` describing them.
struct OpenData: Sendable {
    let figures: SiteFigures
    let content: SiteContent
    /// The computed figures, made once for both chi-so.csv and chi-so.json.
    private let lines = LazyLines()

    init(figures: SiteFigures, content: SiteContent) {
        self.figures = figures
        self.content = content
    }

    final class LazyLines: @unchecked Sendable {
        private var value: [FigureLine]?
        private let lock = NSLock()
        func get(_ make: () -> [FigureLine]) -> [FigureLine] {
            lock.lock(); defer { lock.unlock() }
            if let value { return value }
            let made = make()
            value = made
            return made
        }
    }

    func keyColumns(_ schema: DatasetSchema) -> [String] { schema.byField ? ["unit", "period", "field"] : ["unit", "period"] }

    func rows(_ id: String) -> [MetricRow] {
        content.tables.first { $0.schema.id == id }?.rows ?? []
    }

    func datasetCSV(_ id: String) -> String {
        guard let data = figures.dataset(id) else { return "" }
        var out = (keyColumns(data.schema) + data.schema.columns.map(\.key)).joined(separator: ",") + "\n"
        for row in rows(id) {
            var cells = [row.unit, row.period.key]
            if data.schema.byField { cells.append(row.field ?? "") }
            cells += row.values.map { $0.map(String.init) ?? "" }
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    func datasetJSON(_ id: String) -> String {
        guard let data = figures.dataset(id) else { return "{}" }
        let schema = data.schema
        var out = "{\n  \"dataset\": \(json(schema.id)),\n  \"title\": \(json(schema.title)),\n  \"columns\": ["
        out += schema.columns.map { "{\"name\": \(json($0.key)), \"title\": \(json($0.title))}" }.joined(separator: ", ")
        out += "],\n  \"rows\": [\n"
        out += rows(id).map { row -> String in
            var fields = ["\"unit\": \(json(row.unit))", "\"period\": \(json(row.period.key))"]
            if schema.byField { fields.append("\"field\": \(row.field.map(json) ?? "null")") }
            for (i, column) in schema.columns.enumerated() {
                fields.append("\(json(column.key)): \(row.values[i].map(String.init) ?? "null")")
            }
            return "    {" + fields.joined(separator: ", ") + "}"
        }.joined(separator: ",\n")
        out += "\n  ]\n}\n"
        return out
    }

    /// One line per dataset × unit (empty: the district) × field (empty: all) × period × measure.
    struct FigureLine: Sendable {
        var dataset, unit, field, period, measure: String
        var numerator: Int?, denominator: Int?, value: String
    }

    func figureLines() -> [FigureLine] { lines.get(makeFigureLines) }

    private func makeFigureLines() -> [FigureLine] {
        var lines: [FigureLine] = []
        for data in figures.datasets {
            let schema = data.schema
            func emit(unit: String?, field: String?, span: Span) {
                let counts = data.counts(unit: unit, fields: field.map { .only([$0]) } ?? .all, span: span)
                guard counts.rows > 0 else { return }
                for measure in schema.measures {
                    let value = counts.value(of: measure, in: schema)
                    var line = FigureLine(dataset: schema.id, unit: unit ?? "", field: field ?? "", period: span.key,
                                          measure: measure.id, numerator: nil, denominator: nil, value: "")
                    switch value {
                    case .rate(let rate):
                        line.numerator = rate.numerator
                        line.denominator = rate.denominator
                        line.value = rate.perMille.map { VietnameseNumberPlain.fraction(perMille: $0) } ?? ""
                    case .count(let n): line.value = String(n)
                    case .noData: break
                    }
                    lines.append(line)
                }
            }
            for span in data.spans {
                emit(unit: nil, field: nil, span: span)
                if schema.byField { for field in data.fields(unit: nil, span: span) { emit(unit: nil, field: field, span: span) } }
                for unit in data.units { emit(unit: unit, field: nil, span: span) }
            }
        }
        return lines
    }

    static let figureColumns = ["dataset", "unit", "field", "period", "measure", "numerator", "denominator", "value"]

    func figuresCSV() -> String {
        var out = OpenData.figureColumns.joined(separator: ",") + "\n"
        for l in figureLines() {
            out += [l.dataset, l.unit, l.field, l.period, l.measure, l.numerator.map(String.init) ?? "",
                    l.denominator.map(String.init) ?? "", l.value].joined(separator: ",") + "\n"
        }
        return out
    }

    func figuresJSON() -> String {
        let rows = figureLines().map { l -> String in
            "    {\"dataset\": \(json(l.dataset)), \"unit\": \(l.unit.isEmpty ? "null" : json(l.unit)), \"field\": \(l.field.isEmpty ? "null" : json(l.field)), "
                + "\"period\": \(json(l.period)), \"measure\": \(json(l.measure)), \"numerator\": \(l.numerator.map(String.init) ?? "null"), "
                + "\"denominator\": \(l.denominator.map(String.init) ?? "null"), \"value\": \(l.value.isEmpty ? "null" : l.value)}"
        }
        return "{\n  \"rounding\": \"rates are sum(numerator) / sum(denominator), rounded half up to 0.001 (0.1%)\",\n  \"rows\": [\n"
            + rows.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    /// Frictionless Data Package with a Table Schema per CSV file.
    func dataPackage() -> String {
        func field(_ name: String, _ type: String, _ title: String, required: Bool = false) -> String {
            "{\"name\": \(json(name)), \"type\": \(json(type)), \"title\": \(json(title))"
                + (required ? ", \"constraints\": {\"required\": true}" : "") + (type == "integer" ? ", \"constraints\": {\"minimum\": 0}" : "") + "}"
        }
        var resources: [String] = []
        for data in figures.datasets {
            let schema = data.schema
            var fields = [field("unit", "string", "Đơn vị", required: true), field("period", "string", "Kỳ báo cáo", required: true)]
            if schema.byField { fields.append(field("field", "string", "Lĩnh vực", required: true)) }
            fields += schema.columns.map { field($0.key, "integer", $0.title) }
            let key = keyColumns(schema).map(json).joined(separator: ", ")
            resources.append("""
                    {
                      "name": \(json(schema.id.replacingOccurrences(of: "_", with: "-"))),
                      "title": \(json(schema.title)),
                      "path": \(json("\(schema.id).csv")),
                      "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                      "schema": {
                        "fields": [\(fields.joined(separator: ", "))],
                        "primaryKey": [\(key)],
                        "missingValues": [""]
                      }
                    }
                """)
        }
        if !figures.datasets.isEmpty {
            let fields = [field("dataset", "string", "Bộ số liệu", required: true), field("unit", "string", "Đơn vị (trống: toàn quận)"),
                          field("field", "string", "Lĩnh vực (trống: tất cả)"), field("period", "string", "Kỳ", required: true),
                          field("measure", "string", "Chỉ số", required: true), field("numerator", "integer", "Tử số"),
                          field("denominator", "integer", "Mẫu số"), "{\"name\": \"value\", \"type\": \"number\", \"title\": \"Giá trị\"}"]
            resources.append("""
                    {
                      "name": "chi-so",
                      "title": "Các chỉ số tính từ số liệu",
                      "path": "chi-so.csv",
                      "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                      "schema": {
                        "fields": [\(fields.joined(separator: ", "))],
                        "missingValues": [""]
                      }
                    }
                """)
        }
        return """
            {
              "profile": "tabular-data-package",
              "name": \(json(Slug.make(content.config.title))),
              "title": \(json(content.config.title)),
              "homepage": \(json(content.config.absoluteURL("/du-lieu/"))),
              "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
              "resources": [
            \(resources.joined(separator: ",\n"))
              ]
            }

            """
    }
}

/// JSON string literal.
func json(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

/// Machine-readable numbers: `0.985` for 985 per mille.
enum VietnameseNumberPlain {
    static func fraction(perMille: Int) -> String {
        let whole = perMille / 1000, rest = perMille % 1000
        let digits = String(rest)
        return "\(whole)." + String(repeating: "0", count: 3 - digits.count) + digits
    }
}

import Foundation
