/// The open-data files under `/du-lieu/`: every dataset as CSV and JSON, the computed figures,
/// and a Frictionless `datapackage.json` describing them.
struct OpenData: Sendable {
    let figures: SiteFigures
    let content: SiteContent
    /// The computed figures, made once for both chi-so.csv and chi-so.json.
    private let lines: Lazily<[FigureLine]>

    init(figures: SiteFigures, content: SiteContent) {
        self.figures = figures
        self.content = content
        lines = Lazily { OpenData.figureLines(figures) }
    }

    func keyColumns(_ schema: DatasetSchema) -> [String] { schema.byField ? ["unit", "period", "field"] : ["unit", "period"] }

    func rows(_ id: String) -> [MetricRow] {
        content.tables.first { $0.schema.id == id }?.rows ?? []
    }

    func datasetCSV(_ id: String) -> [UInt8] {
        guard let data = figures.dataset(id) else { return [] }
        var out = TextBuffer(capacity: rows(id).count * 64)
        out.append((keyColumns(data.schema) + data.schema.columns.map(\.key)).joined(separator: ","))
        out.append("\n")
        for row in rows(id) {
            out.append(row.unit); out.append(","); out.append(row.period.key)
            if data.schema.byField { out.append(","); out.append(row.field ?? "") }
            for value in row.values {
                out.append(",")
                if let value { out.append(value) }
            }
            out.append("\n")
        }
        return out.bytes
    }

    func datasetJSON(_ id: String) -> [UInt8] {
        guard let data = figures.dataset(id) else { return Array("{}".utf8) }
        let schema = data.schema
        var out = TextBuffer(capacity: rows(id).count * 200)
        out.append("{\n  \"dataset\": "); out.appendJSON(schema.id)
        out.append(",\n  \"title\": "); out.appendJSON(schema.title)
        out.append(",\n  \"columns\": [")
        for (i, column) in schema.columns.enumerated() {
            if i > 0 { out.append(", ") }
            out.append("{\"name\": "); out.appendJSON(column.key); out.append(", \"title\": "); out.appendJSON(column.title); out.append("}")
        }
        out.append("],\n  \"rows\": [\n")
        let keys = schema.columns.map { column -> [UInt8] in
            var key = TextBuffer(capacity: 32)
            key.append(", "); key.appendJSON(column.key); key.append(": ")
            return key.bytes
        }
        for (n, row) in rows(id).enumerated() {
            if n > 0 { out.append(",\n") }
            out.append("    {\"unit\": "); out.appendJSON(row.unit)
            out.append(", \"period\": "); out.appendJSON(row.period.key)
            if schema.byField {
                out.append(", \"field\": ")
                if let field = row.field { out.appendJSON(field) } else { out.append("null") }
            }
            for (i, value) in row.values.enumerated() {
                out.append(bytes: keys[i])
                out.appendJSON(value)
            }
            out.append("}")
        }
        out.append("\n  ]\n}\n")
        return out.bytes
    }

    /// One line per dataset × unit (empty: the district) × field (empty: all) × period × measure.
    struct FigureLine: Sendable {
        var dataset, unit, field, period, measure: String
        var numerator: Int?, denominator: Int?, value: String
    }

    func figureLines() -> [FigureLine] { lines.value }

    private static func figureLines(_ figures: SiteFigures) -> [FigureLine] {
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

    func figuresCSV() -> [UInt8] {
        let lines = figureLines()
        var out = TextBuffer(capacity: lines.count * 64)
        out.append(OpenData.figureColumns.joined(separator: ","))
        out.append("\n")
        for l in lines {
            for text in [l.dataset, l.unit, l.field, l.period, l.measure] { out.append(text); out.append(",") }
            if let n = l.numerator { out.append(n) }
            out.append(",")
            if let d = l.denominator { out.append(d) }
            out.append(","); out.append(l.value); out.append("\n")
        }
        return out.bytes
    }

    func figuresJSON() -> [UInt8] {
        let lines = figureLines()
        var out = TextBuffer(capacity: lines.count * 160)
        out.append("{\n  \"rounding\": \"rates are sum(numerator) / sum(denominator), rounded half up to 0.001 (0.1%)\",\n  \"rows\": [\n")
        for (n, l) in lines.enumerated() {
            if n > 0 { out.append(",\n") }
            out.append("    {\"dataset\": "); out.appendJSON(l.dataset)
            out.append(", \"unit\": "); if l.unit.isEmpty { out.append("null") } else { out.appendJSON(l.unit) }
            out.append(", \"field\": "); if l.field.isEmpty { out.append("null") } else { out.appendJSON(l.field) }
            out.append(", \"period\": "); out.appendJSON(l.period)
            out.append(", \"measure\": "); out.appendJSON(l.measure)
            out.append(", \"numerator\": "); out.appendJSON(l.numerator)
            out.append(", \"denominator\": "); out.appendJSON(l.denominator)
            out.append(", \"value\": "); out.append(l.value.isEmpty ? "null" : l.value)
            out.append("}")
        }
        out.append("\n  ]\n}\n")
        return out.bytes
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
                      "profile": "tabular-data-resource",
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
                      "profile": "tabular-data-resource",
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

/// JSON string literal (also a valid YAML double-quoted scalar).
func json(_ s: String) -> String {
    var buffer = TextBuffer(capacity: s.utf8.count + 2)
    buffer.appendJSON(s)
    return String(decoding: buffer.bytes, as: UTF8.self)
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
