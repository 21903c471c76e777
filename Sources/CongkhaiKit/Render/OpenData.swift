import Foundation

/// The open-data files under `/du-lieu/`: every dataset as CSV and JSON, the computed figures,
/// and a Frictionless `datapackage.json` describing them.
///
/// On a national site these files are hundreds of megabytes: each is written straight from the
/// table's numbers into one growing buffer (`ByteSink`) that becomes the page's `Data` without a
/// copy, and the computed figures are computed as they are written, never held as lines.
struct OpenData: Sendable {
    let figures: SiteFigures
    let content: SiteContent

    init(figures: SiteFigures, content: SiteContent) {
        self.figures = figures
        self.content = content
    }

    func keyColumns(_ schema: DatasetSchema) -> [String] { schema.byField ? ["unit", "period", "field"] : ["unit", "period"] }

    func table(_ id: String) -> MetricTable? { figures.dataset(id)?.table }

    /// Each name of a table's list as bytes: written without going through `String` again.
    private static func bytes(_ names: [String], json quoted: Bool) -> [[UInt8]] {
        names.map { name in
            if quoted { return Array(json(name).utf8) }
            return Array(name.utf8)
        }
    }

    func datasetCSV(_ id: String) -> Data {
        guard let data = figures.dataset(id) else { return Data() }
        let table = data.table, schema = data.schema
        let out = ByteSink(capacity: table.count * 48 + 4096)
        out.append((keyColumns(schema) + schema.columns.map(\.key)).joined(separator: ","))
        out.append("\n")
        let units = OpenData.bytes(table.unitIDs, json: false), fields = OpenData.bytes(table.fieldIDs, json: false)
        var periodKeys: [PeriodCode: [UInt8]] = [:]
        for i in 0..<table.count {
            out.append(units[Int(table.unitIndex[i])])
            out.append(UInt8(0x2C))
            let code = table.periodCode[i]
            if periodKeys[code] == nil { periodKeys[code] = Array(code.period.key.utf8) }
            out.append(periodKeys[code]!)
            if schema.byField {
                out.append(UInt8(0x2C))
                if table.fieldIndex[i] >= 0 { out.append(fields[Int(table.fieldIndex[i])]) }
            }
            for c in schema.columns.indices {
                out.append(UInt8(0x2C))
                if let value = table.value(c, at: i) { out.append(value) }
            }
            out.append(UInt8(0x0A))
        }
        return out.data()
    }

    func datasetJSON(_ id: String) -> Data {
        guard let data = figures.dataset(id) else { return Data("{}".utf8) }
        let table = data.table, schema = data.schema
        let out = ByteSink(capacity: table.count * 200 + 4096)
        out.append("{\n  \"dataset\": "); out.appendJSON(schema.id)
        out.append(",\n  \"title\": "); out.appendJSON(schema.title)
        out.append(",\n  \"columns\": [")
        for (i, column) in schema.columns.enumerated() {
            if i > 0 { out.append(", ") }
            out.append("{\"name\": "); out.appendJSON(column.key); out.append(", \"title\": "); out.appendJSON(column.title); out.append("}")
        }
        out.append("],\n  \"rows\": [\n")
        let keys = schema.columns.map { column -> [UInt8] in Array(", \(json(column.key)): ".utf8) }
        let units = OpenData.bytes(table.unitIDs, json: true), fields = OpenData.bytes(table.fieldIDs, json: true)
        var periodKeys: [PeriodCode: [UInt8]] = [:]
        for i in 0..<table.count {
            if i > 0 { out.append(",\n") }
            out.append("    {\"unit\": "); out.append(units[Int(table.unitIndex[i])])
            out.append(", \"period\": ")
            let code = table.periodCode[i]
            if periodKeys[code] == nil { periodKeys[code] = Array(json(code.period.key).utf8) }
            out.append(periodKeys[code]!)
            if schema.byField {
                out.append(", \"field\": ")
                if table.fieldIndex[i] >= 0 { out.append(fields[Int(table.fieldIndex[i])]) } else { out.append("null") }
            }
            for c in schema.columns.indices {
                out.append(keys[c])
                if let value = table.value(c, at: i) { out.append(value) } else { out.append("null") }
            }
            out.append("}")
        }
        out.append("\n  ]\n}\n")
        return out.data()
    }

    /// One line per dataset × unit (empty: the district) × field (empty: all) × period × measure.
    struct FigureLine {
        var dataset, unit, field, period, measure: String
        var numerator: Int?, denominator: Int?
        /// `0.985` for rates (per mille as a fraction), the count for counts, nil without data.
        var value: FigureValue
    }

    enum FigureValue { case perMille(Int), count(Int), none }

    /// Every computed figure, in the files' order: per dataset, per span: the district, the
    /// district per field, then each unit.
    func forEachFigure(_ body: (FigureLine) -> Void) {
        for data in figures.datasets {
            let schema = data.schema
            for span in data.spans {
                let key = span.key
                func emit(unit: String?, field: String?) {
                    let counts = data.counts(unit: unit, fields: field.map { .only([$0]) } ?? .all, span: span)
                    guard counts.rows > 0 else { return }
                    for measure in schema.measures {
                        var line = FigureLine(dataset: schema.id, unit: unit ?? "", field: field ?? "", period: key,
                                              measure: measure.id, numerator: nil, denominator: nil, value: .none)
                        switch counts.value(of: measure, in: schema) {
                        case .rate(let rate):
                            line.numerator = rate.numerator
                            line.denominator = rate.denominator
                            line.value = rate.perMille.map { .perMille($0) } ?? .none
                        case .count(let n): line.value = .count(n)
                        case .noData: break
                        }
                        body(line)
                    }
                }
                emit(unit: nil, field: nil)
                if schema.byField { for field in data.fields(unit: nil, span: span) { emit(unit: nil, field: field) } }
                for unit in data.units { emit(unit: unit, field: nil) }
            }
        }
    }

    /// A rough size of the figures files, to reserve their buffers once.
    private var figureEstimate: Int {
        figures.datasets.reduce(0) { $0 + $1.spans.count * ($1.units.count + 1) * $1.schema.measures.count }
    }

    static let figureColumns = ["dataset", "unit", "field", "period", "measure", "numerator", "denominator", "value"]

    func figuresCSV() -> Data {
        let out = ByteSink(capacity: figureEstimate * 70 + 4096)
        out.append(OpenData.figureColumns.joined(separator: ","))
        out.append("\n")
        forEachFigure { l in
            for text in [l.dataset, l.unit, l.field, l.period, l.measure] { out.append(text); out.append(UInt8(0x2C)) }
            if let n = l.numerator { out.append(n) }
            out.append(UInt8(0x2C))
            if let d = l.denominator { out.append(d) }
            out.append(UInt8(0x2C))
            out.append(l.value)
            out.append(UInt8(0x0A))
        }
        return out.data()
    }

    func figuresJSON() -> Data {
        let out = ByteSink(capacity: figureEstimate * 170 + 4096)
        out.append("{\n  \"rounding\": \"rates are sum(numerator) / sum(denominator), rounded half up to 0.001 (0.1%)\",\n  \"rows\": [\n")
        var first = true
        forEachFigure { l in
            if !first { out.append(",\n") }
            first = false
            out.append("    {\"dataset\": "); out.appendJSON(l.dataset)
            out.append(", \"unit\": "); if l.unit.isEmpty { out.append("null") } else { out.appendJSON(l.unit) }
            out.append(", \"field\": "); if l.field.isEmpty { out.append("null") } else { out.appendJSON(l.field) }
            out.append(", \"period\": "); out.appendJSON(l.period)
            out.append(", \"measure\": "); out.appendJSON(l.measure)
            out.append(", \"numerator\": "); out.appendJSON(l.numerator)
            out.append(", \"denominator\": "); out.appendJSON(l.denominator)
            out.append(", \"value\": ")
            if case .none = l.value { out.append("null") } else { out.append(l.value) }
            out.append("}")
        }
        out.append("\n  ]\n}\n")
        return out.data()
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

/// A growing byte buffer for large files, handed over as `Data` without a copy.
final class ByteSink {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        base = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    deinit { if capacity > 0 { free(base) } }

    @inline(__always) private func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        var grown = capacity * 2
        while grown < count + more { grown *= 2 }
        base = realloc(base, grown)!.assumingMemoryBound(to: UInt8.self)
        capacity = grown
    }

    @inline(__always) func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: bytes.baseAddress!, count: bytes.count)
        count += bytes.count
    }

    func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// A whole number in decimal.
    func append(_ number: Int) {
        reserve(21)
        if number < 0 { base[count] = 0x2D; count += 1 }
        var n = number.magnitude
        var digits = 0
        var m = n
        repeat { digits += 1; m /= 10 } while m > 0
        var k = count + digits - 1
        repeat { base[k] = UInt8(n % 10) + 0x30; n /= 10; k -= 1 } while n > 0
        count += digits
    }

    /// `0.985` for 985 per mille, or the count.
    func append(_ value: OpenData.FigureValue) {
        switch value {
        case .perMille(let p):
            append(p / 1000)
            append(UInt8(0x2E))
            let rest = p % 1000
            append(UInt8(rest / 100) + 0x30); append(UInt8(rest / 10 % 10) + 0x30); append(UInt8(rest % 10) + 0x30)
        case .count(let n): append(n)
        case .none: break
        }
    }

    func appendJSON(_ text: String) { append(json(text)) }

    func appendJSON(_ number: Int?) {
        if let number { append(number) } else { append("null") }
    }

    /// The bytes, as `Data` that owns them; the sink is empty afterwards.
    func data() -> Data {
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        capacity = 0
        count = 0
        base = UnsafeMutablePointer(bitPattern: 1)!  // never used again: the sink is spent
        return data
    }
}
