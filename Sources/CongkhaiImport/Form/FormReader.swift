import CongkhaiCore
import CongkhaiKit
import Foundation

/// One field's row of a form (or the unit's single row, for a dataset without fields).
package struct FormRow: Sendable {
    /// The field id, nil for a dataset without fields.
    package var field: String?
    /// The name as the form writes it.
    package var name: String
    package var values: [String: Int]
    package var location: SourceLocation
}

/// What one sheet of a form says: the unit and period its title rows name, its field rows
/// (totals checked), in the form's order.
package struct FormFigures: Sendable {
    package var file: String
    package var layout: FormLayout
    /// The unit as the title rows name it ("UBND Phường 5"), and where.
    package var unitText: (text: String, location: SourceLocation)?
    package var period: (period: Period, location: SourceLocation)?
    /// The columns the form gives, in the form's order (totals included).
    package var keys: [String]
    package var rows: [FormRow]
    /// The "Tổng số" row's values, if the form has one.
    package var total: FormRow?
}

/// Reads a form laid out as the national one: title rows, a block of (merged) header rows, an
/// optional row of column numbers `(1)…(14)`, a "Tổng số" row, group rows ("Cấp xã"), a row
/// per field, and the signature block. The header is found by its titles, wherever it starts.
package enum FormReader {
    /// The header block's first row has a cell with one of these (as slugs).
    static let nameHeaders = ["linh-vuc", "ten-linh-vuc", "linh-vuc-cong-viec", "noi-dung"]
    static let signatureWords = [
        "nguoi-lap-bieu", "chu-tich", "thu-truong", "ky-ten", "ky-ghi-ro-ho-ten",
        "ky-va-ghi-ro-ho-ten",
        "xac-nhan-cua", "pho-chu-tich", "giam-doc", "truong-phong",
    ]
    static let totalWords = ["tong-so", "tong-cong", "tong", "cong"]

    /// Finds the form in `sheet`; nil when the sheet has no header block of this layout (the
    /// caller tries the next sheet). Problems are reported at their cells.
    package static func read(
        _ sheet: Sheet, layout: FormLayout, fields: [Field], log: DiagnosticLog
    ) -> FormFigures? {
        // Each distinct text made a slug once (merged cells repeat theirs).
        var slugOf: [String: String] = ["": ""]
        var rows = sheet.rows.map { row in
            row.map { cell -> String in
                if let slug = slugOf[cell.text] { return slug }
                let slug = Slug.make(cell.text)
                slugOf[cell.text] = slug
                return slug
            }
        }
        guard let header = findHeader(sheet, slugs: rows, layout: layout) else { return nil }
        let width = sheet.width
        spreadGroupTitles(&rows, header: header.rows, width: width)
        var figures = FormFigures(
            file: sheet.file, layout: layout, unitText: nil, period: nil, keys: [], rows: [],
            total: nil)

        // Columns: each column's path through the header rows.
        var columnKeys: [Int: String] = [:]
        var nameColumn: Int?
        var taken: Set<String> = []
        for c in 0..<width {
            var path: [String] = []
            for r in header.rows where !rows[r].isEmpty {
                let slug = c < rows[r].count ? rows[r][c] : ""
                if !slug.isEmpty && path.last != slug { path.append(slug) }
            }
            guard let leaf = path.last else { continue }
            let group = path.dropLast().joined(separator: "-")
            if nameColumn == nil
                && nameHeaders.contains(where: {
                    FormLayout.has(leaf, $0)
                        || FormLayout.has(group, $0) && leaf.contains("linh-vuc")
                })
            {
                nameColumn = c
                continue
            }
            if leaf == "stt" || FormLayout.has(leaf, "ghi-chu") || leaf == "so-thu-tu" { continue }
            if let key = layout.key(group: group, leaf: leaf, taken: taken) {
                columnKeys[c] = key
                taken.insert(key)
            }
        }
        let ordered = columnKeys.keys.sorted()
        figures.keys = ordered.map { columnKeys[$0]! }
        var missing = false
        for key in layout.requiredKeys where !taken.contains(key) {
            log.error(
                sheet.location(header.rows.lowerBound, nameColumn ?? 0),
                "the form has no column for \(key) (\"\(layout.title(of: key))\")",
                hint:
                    "the header names the columns as the national form does; see `congkhai template`"
            )
            missing = true
        }
        if layout.schema.byField && nameColumn == nil {
            log.error(
                sheet.location(header.rows.lowerBound, 0),
                "the form has no column for the fields (\"Lĩnh vực\")")
            missing = true
        }
        readTitles(
            sheet, slugs: rows, above: header.rows.lowerBound, layout: layout, into: &figures,
            log: log)
        if missing { return figures }

        // Data rows.
        let references = FieldNames(fields)
        let columnOf = Dictionary(
            columnKeys.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        var seenFields: [String: SourceLocation] = [:]
        var refused = false
        rowLoop: for r in header.dataStart..<sheet.rows.count {
            let slugs = rows[r]
            if slugs.allSatisfy(\.isEmpty) { continue }
            let isSignature = slugs.contains { slug in
                signatureWords.contains { FormLayout.has(slug, $0) }
            }
            if isSignature { break rowLoop }
            let name =
                nameColumn.map {
                    sheet.cell(r, $0).text.trimmingCharacters(in: .whitespacesAndNewlines)
                } ?? ""
            let nameSlug = Slug.make(name)
            let firstSlug = slugs.first { !$0.isEmpty } ?? ""
            // Counts.
            var values: [String: Int] = [:]
            var anyValue = false
            var ok = true
            for c in ordered {
                let cell = sheet.cell(r, c)
                switch count(cell) {
                case .blank: values[columnKeys[c]!] = 0
                case .value(let n): values[columnKeys[c]!] = n; anyValue = true
                case .invalid(let text):
                    // a note under the table
                    if !anyValue && !isFieldLike(nameSlug, references) { continue rowLoop }
                    log.error(
                        sheet.location(r, c),
                        "\(columnKeys[c]!) is not a whole number (\"\(text)\")",
                        hint: "write the count in digits; an empty cell counts as 0")
                    ok = false
                case .negative(let text):
                    log.error(sheet.location(r, c), "\(columnKeys[c]!) is negative (\(text))")
                    ok = false
                }
            }
            let isTotal =
                totalWords.contains(nameSlug)
                || (nameSlug.isEmpty && totalWords.contains(firstSlug))
                || nameSlug.hasPrefix("tong-so-")
            if isTotal {
                figures.total = FormRow(
                    field: nil, name: name, values: values,
                    location: sheet.location(r, nameColumn ?? 0))
                continue
            }
            if !layout.schema.byField {
                // One row for the unit: the first row with figures.
                guard anyValue || ok == false else { continue }
                if figures.rows.isEmpty && ok {
                    figures.rows.append(
                        FormRow(
                            field: nil, name: name, values: values, location: sheet.location(r, 0)))
                }
                continue
            }
            if nameSlug.isEmpty { continue }
            let field = references.field(name)
            if isGroup(nameSlug, stt: sheet.cell(r, 0).text) && field == nil { continue }
            guard let field else {
                if !anyValue && ok { continue }  // a note or heading without figures
                log.error(
                    sheet.location(r, nameColumn!), "unknown field \"\(name)\"",
                    hint: references.hint(name))
                refused = true
                continue
            }
            if let first = seenFields[field] {
                log.error(
                    sheet.location(r, nameColumn!), "field \"\(name)\" is listed twice",
                    hint: "first at \(first.file)")
                refused = true
                continue
            }
            seenFields[field] = sheet.location(r, nameColumn!)
            guard ok else { refused = true; continue }
            guard anyValue else { continue }
            figures.rows.append(
                FormRow(
                    field: field, name: name, values: values,
                    location: sheet.location(r, nameColumn!)))
            check(
                figures.rows.last!, columnOf: columnOf, row: r, sheet: sheet, layout: layout,
                log: log)
        }
        if let total = figures.total, !refused {
            checkTotal(total, rows: figures.rows, columns: columnKeys, sheet: sheet, log: log)
        }
        return figures
    }

    // MARK: - Header

    struct Header {
        var rows: Range<Int>
        var dataStart: Int
    }

    static func findHeader(_ sheet: Sheet, slugs: [[String]], layout: FormLayout) -> Header? {
        for r in slugs.indices {
            let row = slugs[r]
            let nameColumn = row.firstIndex { slug in
                nameHeaders.contains { FormLayout.has(slug, $0) }
            }
            if layout.schema.byField && nameColumn == nil { continue }
            let matches = Set(
                row.compactMap { slug -> String? in
                    slug.isEmpty
                        ? nil : layout.key(group: row.joined(separator: "-"), leaf: slug, taken: [])
                })
            let groupWords = row.contains {
                FormLayout.has($0, "so-ho-so-nhan-giai-quyet")
                    || FormLayout.has($0, "ket-qua-giai-quyet")
            }
            guard
                (layout.schema.byField && nameColumn != nil && (matches.count >= 1 || groupWords))
                    || (!layout.schema.byField && matches.count >= 2)
            else { continue }
            // The block goes on while rows hold no figures and the name column repeats its title
            // (a merged cell) or is empty; a row of column numbers ends it.
            var end = r + 1
            var dataStart = r + 1
            while end < slugs.count && end < r + 6 {
                let cells = sheet.rows[end]
                if isNumberingRow(cells) { dataStart = end + 1; break }
                if cells.contains(where: { $0.number != nil && !$0.isDate }) { break }
                if cells.contains(where: { cell in
                    if case .value = count(cell) { return true } else { return false }
                }) {
                    break
                }
                if let c = nameColumn {
                    let slug = c < slugs[end].count ? slugs[end][c] : ""
                    if !slug.isEmpty && slug != row[c] { break }
                }
                end += 1
                dataStart = end
            }
            return Header(rows: r..<end, dataStart: dataStart)
        }
        return nil
    }

    /// A file without merged cells writes a group's title once, over its first column ("Số hồ sơ
    /// đã giải quyết" over "Tổng số", then blanks over "Trả trước hạn"…): the title is carried
    /// right over the blanks that have titles below them and share the group above.
    static func spreadGroupTitles(_ rows: inout [[String]], header: Range<Int>, width: Int) {
        for r in header {
            if rows[r].count < width {
                rows[r] += Array(repeating: "", count: width - rows[r].count)
            }
        }
        for r in header {
            var source: Int?
            for c in 0..<width {
                if !rows[r][c].isEmpty { source = c; continue }
                guard let s = source else { continue }
                let titledBelow = (r + 1..<header.upperBound).contains { !rows[$0][c].isEmpty }
                let sameParent = r == header.lowerBound || rows[r - 1][c] == rows[r - 1][s]
                if titledBelow && sameParent { rows[r][c] = rows[r][s] } else { source = nil }
            }
        }
    }

    /// `(1)`, `(2)`, … or 1, 2, 3, … across the row.
    static func isNumberingRow(_ cells: [SheetCell]) -> Bool {
        var numbers: [Int] = []
        for cell in cells where !cell.isBlank {
            var text = cell.text.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("(") && text.hasSuffix(")") {
                text = String(text.dropFirst().dropLast())
            }
            guard let n = Int(text) else {
                if text.allSatisfy({
                    $0.isLetter || $0 == "=" || $0 == "+" || $0.isNumber || $0 == " " || $0 == "("
                        || $0 == ")"
                }) {
                    continue
                } else {
                    return false
                }
            }
            numbers.append(n)
        }
        guard numbers.count >= 3 else { return false }
        return zip(numbers, numbers.dropFirst()).allSatisfy { $1 == $0 + 1 }
    }

    // MARK: - Title rows

    static func readTitles(
        _ sheet: Sheet, slugs: [[String]], above: Int, layout: FormLayout,
        into figures: inout FormFigures,
        log: DiagnosticLog
    ) {
        var dates: [(CalendarDay, SourceLocation)] = []
        for r in 0..<above {
            for (c, cell) in sheet.rows[r].enumerated() {
                let slug = slugs[r][c]
                if let day = cell.date { dates.append((day, sheet.location(r, c))); continue }
                guard !slug.isEmpty else { continue }
                // Merged title cells repeat their text: read each text once, at its first cell.
                if c > 0 && slugs[r][c - 1] == slug { continue }
                let text = cell.text
                if slug.hasPrefix("bieu-so") || slug.hasPrefix("bieu-mau") {
                    if let name = layout.formName,
                        !layout.formSlugs.contains(where: {
                            slug.contains($0) || (slug + "-").contains($0)
                        })
                    {
                        log.error(
                            sheet.location(r, c),
                            "this is \"\(text.trimmingCharacters(in: .whitespaces))\", not \(name)",
                            hint: "export the report on \(name) from the one-door system")
                    }
                }
                if slug.hasPrefix("don-vi-bao-cao") {
                    var value = afterColon(text)
                    if value.isEmpty {
                        value =
                            sheet.rows[r][(c + 1)...].first {
                                !$0.isBlank && Slug.make($0.text) != slug
                            }?.text ?? ""
                    }
                    if !value.isEmpty && figures.unitText == nil {
                        figures.unitText = (
                            value.trimmingCharacters(in: .whitespaces), sheet.location(r, c)
                        )
                    }
                }
                if figures.period == nil, let period = periodNamed(slug) {
                    figures.period = (period, sheet.location(r, c))
                } else if let impossible = impossiblePeriod(slug) {
                    // "Tháng 13": a typing slip the dates below it would otherwise hide.
                    let written = text.trimmingCharacters(in: .whitespaces)
                    let hint: DiagnosticText =
                        "a month is 1 to 12, a quarter I to IV; correct the form, then export again"
                    switch impossible {
                    case .month:
                        log.error(sheet.location(r, c), "\"\(written)\" names no month", hint: hint)
                    case .quarter:
                        log.error(
                            sheet.location(r, c), "\"\(written)\" names no quarter", hint: hint)
                    }
                }
                for day in daysWritten(text) { dates.append((day, sheet.location(r, c))) }
            }
        }
        if figures.period == nil, dates.count >= 2, let from = dates.first,
            let to = dates.dropFirst().first
        {
            if let period = periodSpanning(from.0, to.0) {
                figures.period = (period, from.1)
            }
        }
    }

    static func afterColon(_ text: String) -> String {
        guard let colon = text.firstIndex(of: ":") else { return "" }
        return String(text[text.index(after: colon)...]).trimmingCharacters(
            in: .whitespacesAndNewlines)
    }

    /// A period as written: "tháng" or "quý", the word after it and the year, from a slug
    /// ("Tháng 11 năm 2021", "tháng 11/2021", "Quý III năm 2021", "Quý 3/2021"), whether or not
    /// the number is one a month or a quarter has.
    static func writtenPeriods(_ slug: String) -> [(word: String, number: String, year: Int)] {
        let words = slug.split(separator: "-").map(String.init)
        var found: [(word: String, number: String, year: Int)] = []
        for (i, word) in words.enumerated()
        where i + 1 < words.count && (word == "thang" || word == "quy") {
            let rest = words[(i + 1)...].filter { $0 != "nam" }
            guard rest.count >= 2, let year = Int(rest[rest.startIndex + 1]),
                (1990...2100).contains(year)
            else { continue }
            found.append((word, rest[rest.startIndex], year))
        }
        return found
    }

    /// The first period a slug names that exists.
    static func periodNamed(_ slug: String) -> Period? {
        let roman = ["i": 1, "ii": 2, "iii": 3, "iv": 4]
        for (word, number, year) in writtenPeriods(slug) {
            if word == "thang", let month = Int(number), (1...12).contains(month) {
                return .month(year: year, month: month)
            }
            if word == "quy", let q = Int(number) ?? roman[number], (1...4).contains(q) {
                return .quarter(year: year, quarter: q)
            }
        }
        return nil
    }

    enum ImpossiblePeriod { case month, quarter }

    /// When a slug says "tháng 13 năm 2021" or "quý 5 năm 2021": a period written out with a
    /// number that no month or quarter has; nil otherwise.
    static func impossiblePeriod(_ slug: String) -> ImpossiblePeriod? {
        for (word, number, _) in writtenPeriods(slug) {
            guard let value = Int(number) else { continue }
            if word == "thang" && !(1...12).contains(value) { return .month }
            if word == "quy" && !(1...4).contains(value) { return .quarter }
        }
        return nil
    }

    /// `01/11/2021`-style dates in a text.
    static func daysWritten(_ text: String) -> [CalendarDay] {
        var days: [CalendarDay] = []
        let parts = text.split(whereSeparator: { !($0.isNumber || $0 == "/" || $0 == "-") })
        for part in parts {
            let numbers = part.split(whereSeparator: { $0 == "/" || $0 == "-" }).compactMap {
                Int($0)
            }
            guard numbers.count == 3, (1...31).contains(numbers[0]), (1...12).contains(numbers[1]),
                (1990...2100).contains(numbers[2])
            else { continue }
            days.append(CalendarDay(year: numbers[2], month: numbers[1], day: numbers[0]))
        }
        return days
    }

    /// A whole month or a whole quarter from its first to its last day.
    static func periodSpanning(_ from: CalendarDay, _ to: CalendarDay) -> Period? {
        guard from.day == 1 else { return nil }
        if from.year == to.year && from.month == to.month
            && to.day == CalendarDay.daysIn(month: to.month, year: to.year)
        {
            return .month(year: from.year, month: from.month)
        }
        let quarter = (from.month - 1) / 3 + 1
        if from.year == to.year && (from.month - 1) % 3 == 0 && to.month == from.month + 2
            && to.day == CalendarDay.daysIn(month: to.month, year: to.year)
        {
            return .quarter(year: from.year, quarter: quarter)
        }
        return nil
    }

    // MARK: - Cells

    enum Count: Equatable {
        case blank
        case value(Int)
        case invalid(String)
        case negative(String)
    }

    /// A count as offices write it: a number, or text with thousands dots ("1.234"), spaces or
    /// commas; empty, "-" or "–" is 0.
    static func count(_ cell: SheetCell) -> Count {
        if let number = cell.number, !cell.isDate {
            if number < 0 { return .negative(cell.text) }
            guard number == number.rounded(), number < 1e12 else { return .invalid(cell.text) }
            return .value(Int(number))
        }
        var text = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty || text == "-" || text == "–" || text == "—" { return .blank }
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() }
        var digits = ""
        var groups: [Int] = []
        var separator: Character?
        var run = 0
        for ch in text {
            if ch.isASCII && ch.isNumber { digits.append(ch); run += 1; continue }
            guard ch == "." || ch == "," || ch == " " || ch == "\u{A0}" else {
                return .invalid(cell.text)
            }
            if separator == nil {
                separator = ch
            } else if separator != ch {
                return .invalid(cell.text)
            }
            groups.append(run)
            run = 0
        }
        groups.append(run)
        guard !digits.isEmpty else { return .invalid(cell.text) }
        if groups.count > 1 {
            // 1.234 / 12.345.678: the first group 1–3 digits, the rest exactly 3.
            guard (1...3).contains(groups[0]), groups.dropFirst().allSatisfy({ $0 == 3 }) else {
                return .invalid(cell.text)
            }
        }
        guard digits.count <= 12, let n = Int(digits) else { return .invalid(cell.text) }
        return negative && n > 0 ? .negative(cell.text) : .value(n)
    }

    static func isGroup(_ slug: String, stt: String) -> Bool {
        if slug.hasPrefix("cap-") || slug.hasPrefix("linh-vuc-thuoc") { return true }
        let roman = Set(["i", "ii", "iii", "iv", "v", "vi", "a", "b", "c"])
        return roman.contains(Slug.make(stt))
    }

    static func isFieldLike(_ slug: String, _ names: FieldNames) -> Bool {
        names.field(slug) != nil
    }

    // MARK: - Checks

    /// Each total column against its parts, and the form's identity, in one row (`columnOf`:
    /// each key's column).
    static func check(
        _ row: FormRow, columnOf: [String: Int], row r: Int, sheet: Sheet, layout: FormLayout,
        log: DiagnosticLog
    ) {
        for (total, parts) in layout.totals {
            guard let t = row.values[total], let c = columnOf[total],
                parts.allSatisfy({ row.values[$0] != nil })
            else { continue }
            if sheet.cell(r, c).isBlank { continue }
            let sum = parts.reduce(0) { $0 + row.values[$1]! }
            if t != sum {
                log.error(
                    sheet.location(r, c),
                    "\(total) is \(t), but \(parts.joined(separator: " + ")) add up to \(sum)",
                    hint: "field \"\(row.name)\"")
            }
        }
        for (left, right) in layout.identities {
            guard left.allSatisfy({ row.values[$0] != nil }) else { continue }
            let a = left.reduce(0) { $0 + (row.values[$1] ?? 0) }
            let b = right.reduce(0) { $0 + (row.values[$1] ?? 0) }
            if a != b {
                log.error(
                    row.location,
                    "\(left.joined(separator: " + ")) (\(a)) ≠ \(right.filter { row.values[$0] != nil }.joined(separator: " + ")) (\(b))",
                    hint:
                        "field \"\(row.name)\": what was received and carried over is either resolved or pending"
                )
            }
        }
    }

    /// The "Tổng số" row against the sum of the field rows, column by column.
    static func checkTotal(
        _ total: FormRow, rows: [FormRow], columns: [Int: String], sheet: Sheet, log: DiagnosticLog
    ) {
        let totalRow = rowIndex(of: total.location, sheet: sheet)
        for (c, key) in columns.sorted(by: { $0.key < $1.key }) {
            guard let t = total.values[key] else { continue }
            if let r = totalRow, sheet.cell(r, c).isBlank { continue }
            let sum = rows.reduce(0) { $0 + ($1.values[key] ?? 0) }
            if t != sum {
                log.error(
                    totalRow.map { sheet.location($0, c) } ?? total.location,
                    "the \"Tổng số\" row says \(key) is \(t), but the fields add up to \(sum)",
                    hint: "correct the total or the fields' figures, then export again")
            }
        }
    }

    static func rowIndex(of location: SourceLocation, sheet: Sheet) -> Int? {
        if sheet.name != nil {
            let digits = location.file.reversed().prefix { $0.isNumber }
            return Int(String(digits.reversed())).map { $0 - 1 }
        }
        return sheet.csvPlaces?.firstIndex { $0.first?.line == location.line }
    }
}

/// Field names as forms write them, to ids: the id, the name and the aliases of `fields.yml`,
/// compared as slugs (case, diacritics, punctuation and spacing ignored).
struct FieldNames {
    var bySlug: [String: String] = [:]
    var names: [(slug: String, name: String)] = []

    init(_ fields: [Field]) {
        for field in fields {
            for name in [field.id, field.name] + field.aliases {
                let slug = Slug.make(name)
                if !slug.isEmpty && bySlug[slug] == nil { bySlug[slug] = field.id }
            }
            names.append((Slug.make(field.name), field.name))
        }
    }

    func field(_ text: String) -> String? {
        let slug = Slug.make(text)
        if let id = bySlug[slug] { return id }
        // "Lĩnh vực Hộ tịch", "1. Hộ tịch"
        for prefix in ["linh-vuc-", "nganh-"] where slug.hasPrefix(prefix) {
            if let id = bySlug[String(slug.dropFirst(prefix.count))] { return id }
        }
        var trimmed = Substring(slug)
        while let first = trimmed.first, first.isNumber || first == "-" { trimmed.removeFirst() }
        return trimmed.count < slug.count ? bySlug[String(trimmed)] : nil
    }

    func hint(_ text: String) -> DiagnosticText {
        let slug = Slug.make(text)
        let best = names.map { ($0.name, Spelling.distance(slug, $0.slug)) }.min { $0.1 < $1.1 }
        if let best, best.1 <= max(3, slug.count / 3) {
            return "did you mean \"\(best.0)\"? Or add \"\(text)\" to its `aliases:` in fields.yml"
        }
        return "the fields are listed in fields.yml; add \"\(text)\" to a field's `aliases:` there"
    }
}
