import CongkhaiCore

/// The metric tables in the build cache: parsed, validated rows, so an unchanged metric file is
/// neither read nor checked again. Written as the tables hold them, column by column: the names
/// once, then numbers (LEB128, so most take a byte or two).
enum MetricTableCoding {
    /// Marks this layout; a cache written with another one reads as damaged (and is rebuilt).
    static let layout = "metric-columns-1"

    static func write(_ tables: [MetricTable], to w: inout BinaryWriter) {
        w.write(layout)
        w.write(tables.count)
        for table in tables {
            w.write(table.schema.id)
            for names in [table.files, table.unitIDs, table.fieldIDs, table.sourceFiles] {
                w.write(names.count)
                for name in names { w.write(name) }
            }
            w.write(table.count)
            for i in 0..<table.count {
                w.write(Int(table.unitIndex[i])); w.write(Int(table.fieldIndex[i]) + 1)
                w.write(Int(table.periodCode[i].raw)); w.write(Int(table.fileIndex[i]));
                w.write(Int(table.lineNumber[i]))
            }
            let columns = table.schema.columns.indices.filter { table.slot[$0] >= 0 }
            w.write(columns.count)
            for c in columns { w.write(c) }
            // 0 = absent
            for k in table.cells.indices { w.write(table.cellValue(k).map { $0 + 1 } ?? 0) }
        }
    }

    /// The tables, or nil when the bytes are damaged or name a dataset `schemas` lacks.
    static func read(_ r: inout BinaryReader, schemas: [DatasetSchema]) -> [MetricTable]? {
        guard r.string() == layout else { return nil }
        var tables: [MetricTable] = []
        for _ in 0..<r.count(minimumItemSize: 8) {
            let id = r.string()
            guard let schema = schemas.first(where: { $0.id == id }) else { return nil }
            func names() -> [String] { (0..<r.count(minimumItemSize: 1)).map { _ in r.string() } }
            let files = names(), units = names(), fields = names(), sources = names()
            let count = r.count(minimumItemSize: 5)
            var unit = [Int32](), field = [Int32](), period = [PeriodCode](), file = [Int32](),
                line = [Int32]()
            unit.reserveCapacity(count); field.reserveCapacity(count); period.reserveCapacity(count)
            file.reserveCapacity(count); line.reserveCapacity(count)
            for _ in 0..<count {
                let u = r.int(), f = r.int() - 1, p = r.int(), s = r.int(), l = r.int()
                guard u >= 0 && u < units.count, f >= -1 && f < fields.count,
                    s >= 0 && s < sources.count,
                    l >= 0 && l <= Int(Int32.max), let code = PeriodCode(stored: p), !r.failed
                else { return nil }
                unit.append(Int32(u)); field.append(Int32(f));
                period.append(code)
                file.append(Int32(s)); line.append(Int32(l))
            }
            let columns = (0..<r.count(minimumItemSize: 1)).map { _ in r.int() }
            guard columns.allSatisfy({ $0 >= 0 && $0 < schema.columns.count }),
                columns == columns.sorted(),
                Set(columns).count == columns.count, !r.failed
            else { return nil }
            var cells = [Int32](), large: [Int: Int] = [:]
            cells.reserveCapacity(count * columns.count)
            for _ in 0..<(count * columns.count) {
                let v = r.int() - 1
                guard v >= -1, !r.failed else { return nil }
                if v < 0 {
                    cells.append(MetricTable.absent)
                } else if v <= Int(Int32.max) {
                    cells.append(Int32(v))
                } else {
                    large[cells.count] = v
                    cells.append(MetricTable.large)
                }
            }
            tables.append(
                MetricTable(
                    schema: schema, files: files, unitIDs: units, fieldIDs: fields,
                    sourceFiles: sources,
                    unitIndex: unit, fieldIndex: field, periodCode: period, fileIndex: file,
                    lineNumber: line,
                    columns: columns, cells: cells, large: large))
        }
        return r.failed ? nil : tables
    }
}
