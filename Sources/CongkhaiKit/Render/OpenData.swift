import CongkhaiCore
import Foundation

/// The open-data files under `/du-lieu/`: every dataset as CSV and JSON, the computed figures,
/// and a Frictionless `datapackage.json` describing them.
///
/// On a national site these files are hundreds of megabytes: each is written straight from the
/// table's numbers into a `ByteSink` that goes to the file a megabyte at a time (or, for an
/// incremental update, becomes the page's `Data` without a copy), and the computed figures are
/// computed as they are written, never held as lines.
struct OpenData: Sendable {
    let figures: SiteFigures
    let content: SiteContent

    init(figures: SiteFigures, content: SiteContent) {
        self.figures = figures
        self.content = content
    }

    func keyColumns(_ schema: DatasetSchema) -> [String] {
        schema.byField ? ["unit", "period", "field"] : ["unit", "period"]
    }

    /// Each name of a table's list as bytes: written without going through `String` again.
    private static func bytes(_ names: [String], json quoted: Bool) -> [[UInt8]] {
        names.map { name in
            if quoted { return Array(json(name).utf8) }
            return Array(name.utf8)
        }
    }

    func datasetCSV(_ id: String, into out: ByteSink) {
        guard let data = figures.dataset(id) else { return }
        let table = data.table, schema = data.schema
        out.append((keyColumns(schema) + schema.columns.map(\.key)).joined(separator: ","))
        out.append("\n")
        let units = OpenData.bytes(table.unitIDs, json: false),
            fields = OpenData.bytes(table.fieldIDs, json: false)
        var periodKeys: [PeriodCode: [UInt8]] = [:]
        for i in 0..<table.count {
            out.append(units[Int(table.unitIndex[i])])
            out.append(UInt8(0x2C))
            let code = table.periodCode[i]
            if periodKeys[code] == nil { periodKeys[code] = Array(code.period.key.utf8) }
            out.append(periodKeys[code]!)
            if schema.byField {
                out.append(UInt8(0x2C))
                if table.fieldIndex[i] != MetricTable.noField {
                    out.append(fields[Int(table.fieldIndex[i])])
                }
            }
            for c in schema.columns.indices {
                out.append(UInt8(0x2C))
                if let value = table.value(c, at: i) { out.append(value) }
            }
            out.append(UInt8(0x0A))
        }
    }

    /// The same rows as the CSV file, as arrays under `fields` (the CSV header): every row repeating
    /// every key made the files several times larger than their CSV twins.
    func datasetJSON(_ id: String, into out: ByteSink) {
        guard let data = figures.dataset(id) else { out.append("{}"); return }
        let table = data.table, schema = data.schema
        out.append("{\n  \"dataset\": "); out.appendJSON(schema.id)
        out.append(",\n  \"title\": "); out.appendJSON(schema.title)
        out.append(",\n  \"columns\": [")
        for (i, column) in schema.columns.enumerated() {
            if i > 0 { out.append(", ") }
            out.append("{\"name\": "); out.appendJSON(column.key); out.append(", \"title\": ");
            out.appendJSON(column.title); out.append("}")
        }
        out.append("],\n  \"fields\": [")
        out.append(
            (keyColumns(schema) + schema.columns.map(\.key)).map(json).joined(separator: ", "))
        out.append("],\n  \"rows\": [\n")
        let units = OpenData.bytes(table.unitIDs, json: true),
            fields = OpenData.bytes(table.fieldIDs, json: true)
        var periodKeys: [PeriodCode: [UInt8]] = [:]
        for i in 0..<table.count {
            if i > 0 { out.append(UInt8(0x2C)); out.append(UInt8(0x0A)) }
            out.append(UInt8(0x5B))
            out.append(units[Int(table.unitIndex[i])])
            out.append(UInt8(0x2C))
            let code = table.periodCode[i]
            if periodKeys[code] == nil { periodKeys[code] = Array(json(code.period.key).utf8) }
            out.append(periodKeys[code]!)
            if schema.byField {
                out.append(UInt8(0x2C))
                if table.fieldIndex[i] != MetricTable.noField {
                    out.append(fields[Int(table.fieldIndex[i])])
                } else {
                    out.append("null")
                }
            }
            for c in schema.columns.indices {
                out.append(UInt8(0x2C))
                if let value = table.value(c, at: i) {
                    out.append(value)
                } else {
                    out.append("null")
                }
            }
            out.append(UInt8(0x5D))
        }
        out.append("\n  ]\n}\n")
    }

    /// One computed figure: dataset × unit (nil: the district) × field (nil: all) × span × measure,
    /// as places in `FigureNames`; nothing is made into a string until it is written.
    struct Figure {
        var dataset = 0, unit: Int?, field: Int?, span = 0, measure = 0
        var numerator: Int?, denominator: Int?
        var value: FigureValue = .none
    }

    enum FigureValue { case perMille(Int), count(Int), none }

    /// The names figures refer to, each as the bytes a file writes (`json`: quoted for JSON).
    struct FigureNames {
        var datasets: [[UInt8]], units: [[[UInt8]]], fields: [[[UInt8]]], spans: [[[UInt8]]],
            measures: [[[UInt8]]]

        init(_ figures: SiteFigures, json quoted: Bool) {
            datasets = OpenData.bytes(figures.datasets.map(\.schema.id), json: quoted)
            units = figures.datasets.map { OpenData.bytes($0.table.unitIDs, json: quoted) }
            fields = figures.datasets.map { OpenData.bytes($0.table.fieldIDs, json: quoted) }
            spans = figures.datasets.map { OpenData.bytes($0.spans.map(\.key), json: quoted) }
            measures = figures.datasets.map {
                OpenData.bytes($0.schema.measures.map(\.id), json: quoted)
            }
        }
    }

    /// Every computed figure, in the files' order: per dataset, per span: the district, the
    /// district per field, then each unit. Computed as it is written, never held: the units'
    /// sums for every span come from one walk over the dataset's rows (`unitSpanSums`).
    func forEachFigure(_ body: (Figure) -> Void) {
        for (d, data) in figures.datasets.enumerated() {
            let schema = data.schema
            let fieldIDs = data.table.fieldIDs
            // Each measure as the places of its columns among those summed.
            let columns = Array(
                Set(schema.measures.flatMap { $0.formula.columns.compactMap(schema.columnIndex) })
            ).sorted()
            func places(_ keys: [String]) -> [Int] {
                keys.compactMap(schema.columnIndex).map { columns.firstIndex(of: $0)! }
            }
            let measures = schema.measures.map {
                measure -> (ratio: Bool, numerator: [Int], denominator: [Int]) in
                switch measure.formula {
                case .ratio(let n, let d): return (true, places(n), places(d))
                case .sum(let c): return (false, places(c), [])
                }
            }
            func emit(
                _ figure: Figure, _ measure: (ratio: Bool, numerator: [Int], denominator: [Int]),
                _ sum: ([Int]) -> Int
            ) {
                var figure = figure
                if measure.ratio {
                    let rate = Rate(sum(measure.numerator), of: sum(measure.denominator))
                    guard rate.hasData else { body(figure); return }
                    figure.numerator = rate.numerator
                    figure.denominator = rate.denominator
                    figure.value = rate.perMille.map { .perMille($0) } ?? .none
                } else {
                    figure.value = .count(sum(measure.numerator))
                }
                body(figure)
            }
            func district(span s: Int, field: Int?) {
                let counts = data.counts(
                    unit: nil, fields: field.map { .only([fieldIDs[$0]]) } ?? .all,
                    span: data.spans[s])
                guard counts.rows > 0 else { return }
                for (m, measure) in measures.enumerated() {
                    emit(Figure(dataset: d, unit: nil, field: field, span: s, measure: m), measure)
                    { keys in
                        keys.reduce(0) { $0 + counts.sums[columns[$1]] }
                    }
                }
            }
            let units = data.unitSpanSums(columns: columns)
            let spanCount = data.spans.count, width = columns.count
            for (s, span) in data.spans.enumerated() {
                district(span: s, field: nil)
                if schema.byField {
                    for field in data.fields(unit: nil, span: span) {
                        district(span: s, field: data.table.fieldPosition(field)!)
                    }
                }
                for u in data.table.unitIDs.indices {
                    let cell = u * spanCount + s
                    guard units.rows[cell] > 0 else { continue }
                    for (m, measure) in measures.enumerated() {
                        emit(Figure(dataset: d, unit: u, field: nil, span: s, measure: m), measure)
                        { keys in
                            keys.reduce(0) { $0 + units.sums[cell * width + $1] }
                        }
                    }
                }
            }
        }
    }

    static let figureColumns = [
        "dataset", "unit", "field", "period", "measure", "numerator", "denominator", "value",
    ]

    func figuresCSV(into out: ByteSink) {
        out.append(OpenData.figureColumns.joined(separator: ","))
        out.append("\n")
        let names = FigureNames(figures, json: false)
        let comma = UInt8(0x2C)
        forEachFigure { f in
            out.append(names.datasets[f.dataset]); out.append(comma)
            if let unit = f.unit { out.append(names.units[f.dataset][unit]) }
            out.append(comma)
            if let field = f.field { out.append(names.fields[f.dataset][field]) }
            out.append(comma)
            out.append(names.spans[f.dataset][f.span]); out.append(comma)
            out.append(names.measures[f.dataset][f.measure]); out.append(comma)
            if let n = f.numerator { out.append(n) }
            out.append(comma)
            if let d = f.denominator { out.append(d) }
            out.append(comma)
            out.append(f.value)
            out.append(UInt8(0x0A))
        }
    }

    /// The same lines as `chi-so.csv`, as arrays under `fields`; absent values are `null`.
    func figuresJSON(into out: ByteSink) {
        out.append(
            "{\n  \"rounding\": \"rates are sum(numerator) / sum(denominator), rounded half up to 0.001 (0.1%)\",\n"
        )
        out.append(
            "  \"fields\": [\(OpenData.figureColumns.map(json).joined(separator: ", "))],\n  \"rows\": [\n"
        )
        let names = FigureNames(figures, json: true)
        let comma = UInt8(0x2C)
        var first = true
        forEachFigure { f in
            if !first { out.append(comma); out.append(UInt8(0x0A)) }
            first = false
            out.append(UInt8(0x5B))
            out.append(names.datasets[f.dataset]); out.append(comma)
            if let unit = f.unit {
                out.append(names.units[f.dataset][unit])
            } else {
                out.append("null")
            }
            out.append(comma)
            if let field = f.field {
                out.append(names.fields[f.dataset][field])
            } else {
                out.append("null")
            }
            out.append(comma)
            out.append(names.spans[f.dataset][f.span]); out.append(comma)
            out.append(names.measures[f.dataset][f.measure]); out.append(comma)
            if let n = f.numerator { out.append(n) } else { out.append("null") }
            out.append(comma)
            if let d = f.denominator { out.append(d) } else { out.append("null") }
            out.append(comma)
            if case .none = f.value { out.append("null") } else { out.append(f.value) }
            out.append(UInt8(0x5D))
        }
        out.append("\n  ]\n}\n")
    }

    /// A file made whole in memory, for a build that writes only once every page has rendered
    /// (an incremental update); a full build streams the file instead (`PageRenderer.stream`).
    static func whole(_ fill: (ByteSink) -> Void) -> Data {
        let out = ByteSink(capacity: 1 << 20)
        fill(out)
        return out.data()
    }

    /// Frictionless Data Package with a Table Schema per CSV file.
    func dataPackage() -> String {
        func field(
            _ name: String, _ type: String, _ title: String, required: Bool = false
        ) -> String {
            "{\"name\": \(json(name)), \"type\": \(json(type)), \"title\": \(json(title))"
                + (required ? ", \"constraints\": {\"required\": true}" : "")
                + (type == "integer" ? ", \"constraints\": {\"minimum\": 0}" : "") + "}"
        }
        var resources: [String] = []
        for data in figures.datasets {
            let schema = data.schema
            var fields = [
                field("unit", "string", "Đơn vị", required: true),
                field("period", "string", "Kỳ báo cáo", required: true),
            ]
            if schema.byField {
                fields.append(field("field", "string", "Lĩnh vực", required: true))
            }
            fields += schema.columns.map { field($0.key, "integer", $0.title) }
            let key = keyColumns(schema).map(json).joined(separator: ", ")
            resources.append(
                """
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
            let fields = [
                field("dataset", "string", "Bộ số liệu", required: true),
                field("unit", "string", "Đơn vị (trống: toàn quận)"),
                field("field", "string", "Lĩnh vực (trống: tất cả)"),
                field("period", "string", "Kỳ", required: true),
                field("measure", "string", "Chỉ số", required: true),
                field("numerator", "integer", "Tử số"),
                field("denominator", "integer", "Mẫu số"),
                "{\"name\": \"value\", \"type\": \"number\", \"title\": \"Giá trị\"}",
            ]
            resources.append(
                """
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
              "homepage": \(json(content.config.absoluteURL(Routes.openData))),
              "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
              "resources": [
            \(resources.joined(separator: ",\n"))
              ]
            }

            """
    }
}

extension ByteSink {
    /// `0.985` for 985 per mille, or the count.
    func append(_ value: OpenData.FigureValue) {
        switch value {
        case .perMille(let p):
            append(p / 1000)
            append(UInt8(0x2E))
            let rest = p % 1000
            append(UInt8(rest / 100) + 0x30); append(UInt8(rest / 10 % 10) + 0x30);
            append(UInt8(rest % 10) + 0x30)
        case .count(let n): append(n)
        case .none: break
        }
    }
}
