/// The metric tables in the build cache: parsed, validated rows, so an unchanged metric file is
/// neither read nor checked again.
enum MetricTableCoding {
    static func write(_ tables: [MetricTable], to w: inout BinaryWriter) {
    w.write(tables.count)
    for table in tables {
        w.write(table.schema.id)
        w.write(table.files.count)
        for file in table.files { w.write(file) }
        // Units, fields, periods and files repeat on every row: written once, then by number.
        var names: [String: Int] = [:], order: [String] = []
        func name(_ s: String) -> Int {
            if let n = names[s] { return n }
            names[s] = order.count
            order.append(s)
            return order.count - 1
        }
        let encoded = table.rows.map { row in
            (name(row.unit), row.field.map(name) ?? -1, name(row.period.key), name(row.location.file), row)
        }
        w.write(order.count)
        for s in order { w.write(s) }
        w.write(encoded.count)
        for (unit, field, period, file, row) in encoded {
            w.write(unit); w.write(field); w.write(period); w.write(file)
            w.write(row.location.line); w.write(row.location.column)
            for value in row.values { w.write(value.map { $0 + 1 } ?? 0) }  // 0 = absent
        }
    }
    }

    /// The tables, or nil when the bytes are damaged or name a dataset `schemas` lacks.
    static func read(_ r: inout BinaryReader, schemas: [DatasetSchema]) -> [MetricTable]? {
    var tables: [MetricTable] = []
    for _ in 0..<r.count(minimumItemSize: 8) {
        let id = r.string()
        guard let schema = schemas.first(where: { $0.id == id }) else { return nil }
        let files = (0..<r.count(minimumItemSize: 1)).map { _ in r.string() }
        let names = (0..<r.count(minimumItemSize: 1)).map { _ in r.string() }
        func name(_ n: Int) -> String? { n >= 0 && n < names.count ? names[n] : nil }
        var periods: [Int: Period] = [:]
        var rows: [MetricRow] = []
        let rowCount = r.count(minimumItemSize: 6)
        rows.reserveCapacity(rowCount)
        for _ in 0..<rowCount {
            let unit = name(r.int()), fieldIndex = r.int(), periodIndex = r.int(), file = name(r.int())
            let line = r.int(), column = r.int()
            let values = schema.columns.map { _ -> Int? in let v = r.int(); return v == 0 ? nil : v - 1 }
            if periods[periodIndex] == nil { periods[periodIndex] = name(periodIndex).flatMap { Period(key: $0) } }
            guard let unit, let file, let period = periods[periodIndex], !r.failed else { return nil }
            rows.append(MetricRow(unit: unit, field: fieldIndex < 0 ? nil : name(fieldIndex), period: period, values: values,
                                  location: SourceLocation(file: file, line: line, column: column)))
        }
        tables.append(MetricTable(schema: schema, rows: rows, files: files))
    }
        return r.failed ? nil : tables
    }
}
