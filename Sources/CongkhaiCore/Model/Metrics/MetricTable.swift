/// One row of a metric file: a unit's counts for a period (and a field). Tables do not keep rows
/// as these (see `MetricTable`); a row is made when one is asked for (`table.rows[i]`).
package struct MetricRow: Sendable, Equatable {
    package var unit: String
    package var field: String?
    package var period: Period
    /// One value per `DatasetSchema.columns`, in that order; nil where the file lacks an optional column.
    package var values: [Int?]
    /// The row's place in its file (line of the row, column 1).
    package var location: SourceLocation

    package init(
        unit: String, field: String?, period: Period, values: [Int?], location: SourceLocation
    ) {
        self.unit = unit
        self.field = field
        self.period = period
        self.values = values
        self.location = location
    }
}

/// Every row of one dataset, from all its files, stored as numbers: a national site has millions
/// of rows, and a row as a struct of strings and optionals cost ~250 bytes where this costs ~50.
///
/// - Units, fields and source files are interned: `unitIDs`, `fieldIDs`, `sourceFiles` hold each
///   name once, sorted, and a row stores its place in them (`unitIndex`, `fieldIndex`, `fileIndex`;
///   `noField` for datasets without fields).
/// - Periods are `PeriodCode`s, numbers that sort like `Period`.
/// - Counts are 32-bit, row after row (`stride` a row) for the columns any row has (`slot`); an
///   absent count is `absent`; the rare count above 2^31 - 1 is `large` in its cell and kept in
///   `largeValues`. `value(_:at:)` hides all this.
///
/// Rows are always in one order: by unit, field, period, then place in the files (file, line).
/// The names hold only what rows use. So two tables of the same rows are equal (`==`), however
/// they were made, and a unit's rows, or a unit × field's, are one run of consecutive rows.
@usableFromInline package struct MetricTable: Sendable, Equatable {
    package var schema: DatasetSchema
    /// The files read, as diagnostics name them, sorted.
    package var files: [String]

    package private(set) var unitIDs: [String]
    package private(set) var fieldIDs: [String]
    package private(set) var sourceFiles: [String]

    package private(set) var unitIndex: [Int32]
    package private(set) var fieldIndex: [Int32]
    package private(set) var periodCode: [PeriodCode]
    package private(set) var fileIndex: [Int32]
    package private(set) var lineNumber: [Int32]

    /// Per schema column, its place in a row of `cells`, or -1 when no row has it.
    @usableFromInline package private(set) var slot: [Int]
    /// Cells per row.
    @usableFromInline package private(set) var stride: Int
    @usableFromInline package private(set) var cells: [Int32]
    @usableFromInline package private(set) var largeValues: [Int: Int]

    @usableFromInline package static let absent = Int32.min
    package static let large = Int32.min + 1
    /// The `fieldIndex` of a row of a dataset without fields (one below the first field's, so
    /// `fieldIndex + 1` indexes "all fields" then each field).
    package static let noField: Int32 = -1

    package var count: Int { unitIndex.count }

    /// A table from rows in any order (tests, imports); rows are sorted into the table's order.
    package init(schema: DatasetSchema, rows: [MetricRow], files: [String]) {
        var builder = MetricTableBuilder(schema: schema)
        for row in rows { builder.append(row) }
        self = builder.table(files: files)
    }

    /// The table of rows already made into numbers, in any order: names are reduced to those used
    /// and sorted, and rows are put in the table's order. `columns`: the schema column of each of a
    /// row's `stride` cells; `large`: values of cells marked `large`, by cell index.
    /// `rowsInFileOrder`: rows are already by (file, line), as a loader reads them, which lets the
    /// sort be a linear bucket sort.
    package init(
        schema: DatasetSchema, files: [String], unitIDs: [String], fieldIDs: [String],
        sourceFiles: [String],
        unitIndex: [Int32], fieldIndex: [Int32], periodCode: [PeriodCode], fileIndex: [Int32],
        lineNumber: [Int32],
        columns: [Int], cells: [Int32], large: [Int: Int] = [:], rowsInFileOrder: Bool = false
    ) {
        self.schema = schema
        self.files = files
        let n = unitIndex.count, width = columns.count
        precondition(
            fieldIndex.count == n && periodCode.count == n && fileIndex.count == n
                && lineNumber.count == n
                && cells.count == n * width
                && columns.allSatisfy { $0 >= 0 && $0 < schema.columns.count })
        let (units, unitMap) = MetricTable.compact(unitIDs, used: unitIndex)
        let (fields, fieldMap) = MetricTable.compact(fieldIDs, used: fieldIndex)
        let (sources, fileMap) = MetricTable.compact(sourceFiles, used: fileIndex)
        self.unitIDs = units
        self.fieldIDs = fields
        self.sourceFiles = sources
        var u = unitIndex, f = fieldIndex, s = fileIndex
        for i in 0..<n {
            u[i] = unitMap[Int(u[i])]
            if f[i] != Self.noField { f[i] = fieldMap[Int(f[i])] }
            s[i] = fileMap[Int(s[i])]
        }
        // Only the columns some row has, in the schema's order.
        var used = [Bool](repeating: false, count: width)
        for (k, cell) in cells.enumerated() where cell != MetricTable.absent {
            used[k % max(width, 1)] = true
        }
        let kept = (0..<width).filter { used[$0] }.sorted { columns[$0] < columns[$1] }
        var slot = [Int](repeating: -1, count: schema.columns.count)
        for (position, k) in kept.enumerated() { slot[columns[k]] = position }
        self.slot = slot
        stride = kept.count

        let order = MetricTable.order(
            unit: u, field: f, period: periodCode, file: s, line: lineNumber,
            units: units.count, fields: fields.count, inFileOrder: rowsInFileOrder)
        if order == nil && kept == Array(0..<width) {
            self.unitIndex = u
            self.fieldIndex = f
            self.periodCode = periodCode
            self.fileIndex = s
            self.lineNumber = lineNumber
            self.cells = cells
            self.largeValues = large
            return
        }
        let rows = order ?? Array(0..<Int32(n))
        self.unitIndex = rows.map { u[Int($0)] }
        self.fieldIndex = rows.map { f[Int($0)] }
        self.periodCode = rows.map { periodCode[Int($0)] }
        self.fileIndex = rows.map { s[Int($0)] }
        self.lineNumber = rows.map { lineNumber[Int($0)] }
        var moved = [Int32](repeating: MetricTable.absent, count: n * kept.count)
        var movedLarge: [Int: Int] = [:]
        for (new, old) in rows.enumerated() {
            for (position, k) in kept.enumerated() {
                let from = Int(old) * width + k, to = new * kept.count + position
                moved[to] = cells[from]
                if cells[from] == MetricTable.large { movedLarge[to] = large[from] }
            }
        }
        self.cells = moved
        self.largeValues = movedLarge
    }

    // MARK: One row

    package func unit(at row: Int) -> String { unitIDs[Int(unitIndex[row])] }
    package func field(at row: Int) -> String? {
        fieldIndex[row] == Self.noField ? nil : fieldIDs[Int(fieldIndex[row])]
    }
    package func period(at row: Int) -> Period { periodCode[row].period }
    package func location(at row: Int) -> SourceLocation {
        SourceLocation(
            file: sourceFiles[Int(fileIndex[row])], line: Int(lineNumber[row]), column: 1)
    }

    /// The row's value in a schema column, if it has one.
    @inlinable @inline(__always) package func value(_ column: Int, at row: Int) -> Int? {
        let position = slot[column]
        if position < 0 { return nil }
        return cellValue(row * stride + position)
    }

    @inlinable @inline(__always) package func cellValue(_ k: Int) -> Int? {
        let v = cells[k]
        if v >= 0 { return Int(v) }
        return v == MetricTable.absent ? nil : largeValues[k]
    }

    package func row(_ i: Int) -> MetricRow {
        MetricRow(
            unit: unit(at: i), field: field(at: i), period: period(at: i),
            values: schema.columns.indices.map { value($0, at: i) }, location: location(at: i))
    }

    /// The rows as values, made one at a time: for tests and small tables, not for hot loops.
    package var rows: Rows { Rows(table: self) }

    package struct Rows: RandomAccessCollection, Sendable {
        let table: MetricTable
        package var startIndex: Int { 0 }
        package var endIndex: Int { table.count }
        package subscript(i: Int) -> MetricRow { table.row(i) }
    }

    /// A field's place in `fieldIDs`.
    package func fieldPosition(_ id: String) -> Int? { MetricTable.position(of: id, in: fieldIDs) }

    static func position(of name: String, in sorted: [String]) -> Int? {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < name { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == name ? low : nil
    }

    /// The rows at `kept` (ascending), in the same order.
    package func keeping(_ kept: [Int]) -> MetricTable {
        if kept.count == count { return self }
        var cells: [Int32] = [], large: [Int: Int] = [:]
        cells.reserveCapacity(kept.count * stride)
        for i in kept {
            for k in (i * stride)..<((i + 1) * stride) {
                if self.cells[k] == MetricTable.large { large[cells.count] = largeValues[k] }
                cells.append(self.cells[k])
            }
        }
        let columns = schema.columns.indices.filter { slot[$0] >= 0 }
        return MetricTable(
            schema: schema, files: files, unitIDs: unitIDs, fieldIDs: fieldIDs,
            sourceFiles: sourceFiles,
            unitIndex: kept.map { unitIndex[$0] }, fieldIndex: kept.map { fieldIndex[$0] },
            periodCode: kept.map { periodCode[$0] }, fileIndex: kept.map { fileIndex[$0] },
            lineNumber: kept.map { lineNumber[$0] }, columns: columns, cells: cells, large: large)
    }

    // MARK: Making the canonical form

    /// The names `used` refers to, sorted, and each old index's new one.
    private static func compact(_ names: [String], used: [Int32]) -> ([String], [Int32]) {
        var isUsed = [Bool](repeating: false, count: names.count)
        for i in used where i >= 0 { isUsed[Int(i)] = true }
        let kept = names.indices.filter { isUsed[$0] }.sorted { names[$0] < names[$1] }
        var map = [Int32](repeating: -1, count: names.count)
        for (new, old) in kept.enumerated() { map[old] = Int32(new) }
        return (kept.map { names[$0] }, map)
    }

    /// The permutation that puts rows in the table's order, or nil when they already are.
    private static func order(
        unit: [Int32], field: [Int32], period: [PeriodCode], file: [Int32], line: [Int32],
        units: Int, fields: Int, inFileOrder: Bool
    ) -> [Int32]? {
        let n = unit.count
        func before(_ a: Int, _ b: Int) -> Bool {
            if unit[a] != unit[b] { return unit[a] < unit[b] }
            if field[a] != field[b] { return field[a] < field[b] }
            if period[a] != period[b] { return period[a] < period[b] }
            if file[a] != file[b] { return file[a] < file[b] }
            return line[a] < line[b]
        }
        if n < 2 || (1..<n).allSatisfy({ !before($0, $0 - 1) }) { return nil }
        let groups = units * (fields + 1)
        guard inFileOrder, groups <= 4 * n + 1_000_000 else {
            return (0..<Int32(n)).sorted { before(Int($0), Int($1)) }
        }
        // Rows come by (file, line): a stable bucket sort by unit × field, then a stable insertion
        // sort by period inside each bucket (files are usually one period each, so it is short).
        func group(_ i: Int) -> Int { Int(unit[i]) * (fields + 1) + Int(field[i]) + 1 }
        var starts = [Int32](repeating: 0, count: groups + 1)
        for i in 0..<n { starts[group(i) + 1] &+= 1 }
        for g in 0..<groups { starts[g + 1] &+= starts[g] }
        var next = starts
        var order = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let g = group(i)
            order[Int(next[g])] = Int32(i)
            next[g] &+= 1
        }
        for g in 0..<groups where starts[g + 1] - starts[g] > 1 {
            let low = Int(starts[g]), high = Int(starts[g + 1])
            for i in (low + 1)..<high {
                let row = order[i]
                var j = i
                while j > low && period[Int(order[j - 1])] > period[Int(row)] {
                    order[j] = order[j - 1]
                    j -= 1
                }
                order[j] = row
            }
        }
        return order
    }
}

/// Collects rows one at a time, interning names, then makes the table.
package struct MetricTableBuilder {
    let schema: DatasetSchema
    private var units: [String: Int32] = [:], unitNames: [String] = []
    private var fields: [String: Int32] = [:], fieldNames: [String] = []
    private var sources: [String: Int32] = [:], sourceNames: [String] = []
    private var unit: [Int32] = [], field: [Int32] = [], period: [PeriodCode] = [],
        file: [Int32] = [], line: [Int32] = []
    private var cells: [Int32] = []
    private var large: [Int: Int] = [:]

    init(schema: DatasetSchema) { self.schema = schema }

    private static func intern(
        _ name: String, _ map: inout [String: Int32], _ names: inout [String]
    ) -> Int32 {
        if let i = map[name] { return i }
        let i = Int32(names.count)
        map[name] = i
        names.append(name)
        return i
    }

    mutating func append(_ row: MetricRow) {
        unit.append(Self.intern(row.unit, &units, &unitNames))
        field.append(row.field.map { Self.intern($0, &fields, &fieldNames) } ?? MetricTable.noField)
        period.append(PeriodCode(row.period))
        file.append(Self.intern(row.location.file, &sources, &sourceNames))
        line.append(Int32(clamping: row.location.line))
        for c in schema.columns.indices {
            let value = c < row.values.count ? row.values[c] : nil
            append(value)
        }
    }

    /// One cell: a count (negative ones are not counts, and are kept as absent).
    mutating func append(_ value: Int?) {
        guard let value, value >= 0 else { cells.append(MetricTable.absent); return }
        if value <= Int(Int32.max) {
            cells.append(Int32(value))
        } else {
            large[cells.count] = value
            cells.append(MetricTable.large)
        }
    }

    func table(files: [String]) -> MetricTable {
        MetricTable(
            schema: schema, files: files, unitIDs: unitNames, fieldIDs: fieldNames,
            sourceFiles: sourceNames,
            unitIndex: unit, fieldIndex: field, periodCode: period, fileIndex: file,
            lineNumber: line,
            columns: Array(schema.columns.indices), cells: cells, large: large)
    }
}
