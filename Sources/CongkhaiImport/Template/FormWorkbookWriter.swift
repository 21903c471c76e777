import CXlsxWriter
import CongkhaiCore
import CongkhaiKit
import Foundation

/// What goes on a form's sheet: its title rows, its rows of figures and the signature block.
package struct FormSheetContent: Sendable {
    package enum Value: Sendable, Equatable {
        case blank
        case number(Int)
        /// A count written as text, as some exports do ("1.234").
        case text(String)
    }

    package struct Row: Sendable {
        package var number: String
        package var name: String
        package var values: [String: Value]
        package var isGroup: Bool

        package init(
            number: String, name: String, values: [String: Value] = [:], isGroup: Bool = false
        ) {
            self.number = number
            self.name = name
            self.values = values
            self.isGroup = isGroup
        }
    }

    /// "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP".
    package var issuer: String
    package var unitName: String
    package var receiver: String
    package var period: Period
    package var rows: [Row]
    /// Blank rows above the title (exports differ in where the form starts).
    package var leadingRows = 0
    /// Write the period as two date cells ("Từ ngày" 01/11/2021 "đến ngày" 30/11/2021) rather
    /// than as text.
    package var periodAsDates = false
    /// The "Tổng số" row's values where they are not the sums (to test a total that does not add up).
    package var totalOverrides: [String: Int] = [:]
    /// Write the total columns and the "Tổng số" row as formulas with their values.
    package var formulas = true

    package init(issuer: String, unitName: String, receiver: String, period: Period, rows: [Row]) {
        self.issuer = issuer
        self.unitName = unitName
        self.receiver = receiver
        self.period = period
        self.rows = rows
    }

    /// "Tháng 11 năm 2021", "Quý IV năm 2021".
    package static func periodText(_ period: Period) -> String {
        switch period {
        case .month(let year, let month): return "Tháng \(month) năm \(year)"
        case .quarter(let year, let quarter):
            return "Quý \(["I", "II", "III", "IV"][quarter - 1]) năm \(year)"
        case .year(let year): return "Năm \(year)"
        }
    }

    package static func span(_ period: Period) -> (CalendarDay, CalendarDay) {
        let months = period.months
        guard case .month(let y, let m)? = months.first else {
            return (period.lastDay, period.lastDay)
        }
        return (CalendarDay(year: y, month: m, day: 1), period.lastDay)
    }
}

/// Writes a form as an `.xlsx` workbook through libxlsxwriter: the national layout with merged
/// header rows, the column numbers, a "Tổng số" row, the rows, and the signature block.
package enum FormWorkbookWriter {
    package struct Failure: Error, Sendable {
        package var text: DiagnosticText
    }

    package static func write(
        _ content: FormSheetContent, layout: FormSheetLayout, to path: String
    ) throws(Failure) {
        guard let workbook = workbook_new(path) else {
            throw Failure(text: "cannot create \(path)")
        }
        let sheetName =
            layout.formName == FormSheetLayout.dossiers.formName
            ? "Biểu 06a"
            : (layout.formName.map {
                String($0.prefix(31)).replacingOccurrences(of: "/", with: "-")
            } ?? "Biểu mẫu")
        guard let sheet = workbook_add_worksheet(workbook, sheetName) else {
            workbook_close(workbook)
            throw Failure(text: "cannot create \(path)")
        }
        let formats = Formats(workbook)
        let width = layout.width
        var row = UInt32(content.leadingRows)

        // Title rows.
        worksheet_merge_range(sheet, row, 0, row, 5, content.issuer, formats.boldLeft)
        if let formName = layout.formName {
            worksheet_merge_range(
                sheet, row, 9, row, UInt16(width - 1), formName, formats.boldRight)
        }
        row += 1
        worksheet_merge_range(
            sheet, row, 0, row, 5, content.unitName.uppercased(), formats.boldLeft)
        row += 2
        worksheet_merge_range(sheet, row, 0, row, UInt16(width - 1), layout.title, formats.title)
        worksheet_set_row(sheet, row, 36, nil)
        row += 1
        worksheet_merge_range(
            sheet, row, 0, row, UInt16(width - 1),
            "Kỳ báo cáo: \(FormSheetContent.periodText(content.period))", formats.centre)
        row += 1
        let (from, to) = FormSheetContent.span(content.period)
        if content.periodAsDates {
            worksheet_write_string(sheet, row, 3, "Từ ngày", formats.plainRight)
            worksheet_write_number(sheet, row, 4, Double(from.excelSerial), formats.date)
            worksheet_write_string(sheet, row, 5, "đến ngày", formats.plainRight)
            worksheet_write_number(sheet, row, 6, Double(to.excelSerial), formats.date)
        } else {
            worksheet_merge_range(
                sheet, row, 0, row, UInt16(width - 1),
                "(Từ ngày \(from.vietnamese) đến ngày \(to.vietnamese))", formats.italicCentre)
        }
        row += 2
        worksheet_merge_range(
            sheet, row, 0, row, 6, "Đơn vị báo cáo: \(content.unitName)", formats.plainLeft)
        row += 1
        worksheet_merge_range(
            sheet, row, 0, row, 6, "Đơn vị nhận báo cáo: \(content.receiver)", formats.plainLeft)
        row += 1
        worksheet_merge_range(
            sheet, row, 0, row, 6,
            layout.dataset == "dossiers" ? "Đơn vị tính: Số hồ sơ TTHC" : "Đơn vị tính: Số lượt",
            formats.plainLeft)
        row += 1

        // Header.
        let top = row
        for cell in layout.header {
            let r1 = top + UInt32(cell.row), r2 = top + UInt32(cell.lastRow)
            if r1 == r2 && cell.column == cell.lastColumn {
                worksheet_write_string(sheet, r1, UInt16(cell.column), cell.text, formats.header)
            } else {
                worksheet_merge_range(
                    sheet, r1, UInt16(cell.column), r2, UInt16(cell.lastColumn), cell.text,
                    formats.header)
            }
        }
        row = top + UInt32(layout.headerRows)
        for c in 0..<width {
            worksheet_write_string(sheet, row, UInt16(c), "(\(c + 1))", formats.numbering)
        }
        row += 1

        // The rows: "Tổng số" first (for forms by field), then groups and fields.
        let fieldRows = content.rows.filter { !$0.isGroup }
        let sums = layout.sums
        func value(_ row: FormSheetContent.Row, _ key: String) -> Int? {
            if let parts = sums[key] {
                let values = parts.map { value(row, $0) }
                return values.contains { $0 != nil } ? values.reduce(0) { $0 + ($1 ?? 0) } : nil
            }
            switch row.values[key] ?? .blank {
            case .number(let n): return n
            case .text(let t): return Int(t.filter(\.isNumber))
            case .blank: return nil
            }
        }
        func letter(_ column: Int) -> String { SourceLocation.columnLetters(column + 1) }
        let firstFieldRow = row + (layout.nameColumn != nil ? 1 : 0)
        let dataRows = UInt32(content.rows.count)
        if let name = layout.nameColumn {
            worksheet_write_string(sheet, row, UInt16(name), "Tổng số", formats.boldCell)
            worksheet_write_blank(sheet, row, 0, formats.cell)
            for (c, key) in layout.columns.enumerated() {
                guard let key else {
                    if c != name && c != 0 {
                        worksheet_write_blank(sheet, row, UInt16(c), formats.cell)
                    }; continue
                }
                let sum = fieldRows.reduce(0) { $0 + (value($1, key) ?? 0) }
                let shown = content.totalOverrides[key] ?? sum
                if content.formulas && content.totalOverrides[key] == nil && dataRows > 0 {
                    let formula =
                        "=SUM(\(letter(c))\(firstFieldRow + 1):\(letter(c))\(firstFieldRow + dataRows))"
                    worksheet_write_formula_num(
                        sheet, row, UInt16(c), formula, formats.boldNumber, Double(shown))
                } else {
                    worksheet_write_number(sheet, row, UInt16(c), Double(shown), formats.boldNumber)
                }
            }
            row += 1
        }
        for item in content.rows {
            worksheet_write_string(
                sheet, row, 0, item.number, item.isGroup ? formats.boldCell : formats.cell)
            if let name = layout.nameColumn {
                worksheet_write_string(
                    sheet, row, UInt16(name), item.name,
                    item.isGroup ? formats.boldCell : formats.cell)
            }
            for (c, key) in layout.columns.enumerated() {
                guard let key else {
                    if c != 0 && c != layout.nameColumn {
                        worksheet_write_blank(sheet, row, UInt16(c), formats.cell)
                    }
                    continue
                }
                if item.isGroup {
                    worksheet_write_blank(sheet, row, UInt16(c), formats.cell); continue
                }
                if let parts = sums[key], content.formulas {
                    let cells = parts.compactMap { part in layout.columns.firstIndex(of: part) }.map
                    { "\(letter($0))\(row + 1)" }
                    worksheet_write_formula_num(
                        sheet, row, UInt16(c), "=" + cells.joined(separator: "+"), formats.number,
                        Double(value(item, key) ?? 0))
                    continue
                }
                switch item.values[key] ?? .blank {
                case .blank: worksheet_write_blank(sheet, row, UInt16(c), formats.number)
                case .number(let n):
                    worksheet_write_number(sheet, row, UInt16(c), Double(n), formats.number)
                case .text(let t): worksheet_write_string(sheet, row, UInt16(c), t, formats.number)
                }
            }
            row += 1
        }

        // Signature block.
        row += 1
        let right = UInt16(max(width - 5, 6))
        worksheet_merge_range(
            sheet, row, right, row, UInt16(width - 1), "……, ngày …… tháng …… năm ……",
            formats.italicCentre)
        row += 1
        worksheet_merge_range(sheet, row, 0, row, 4, "NGƯỜI LẬP BIỂU", formats.boldCentre)
        worksheet_merge_range(
            sheet, row, right, row, UInt16(width - 1), "CHỦ TỊCH", formats.boldCentre)
        row += 1
        worksheet_merge_range(sheet, row, 0, row, 4, "(Ký, ghi rõ họ tên)", formats.italicCentre)
        worksheet_merge_range(
            sheet, row, right, row, UInt16(width - 1), "(Ký tên, đóng dấu)", formats.italicCentre)

        worksheet_set_column(sheet, 0, 0, 5, nil)
        if let name = layout.nameColumn {
            worksheet_set_column(sheet, UInt16(name), UInt16(name), 34, nil)
        }
        worksheet_set_column(
            sheet, UInt16((layout.nameColumn ?? 0) + 1), UInt16(width - 1), 12, nil)
        worksheet_set_landscape(sheet)
        worksheet_fit_to_pages(sheet, 1, 0)
        let error = workbook_close(workbook)
        guard error == LXW_NO_ERROR else {
            throw Failure(text: "cannot write \(path): \(String(cString: lxw_strerror(error)))")
        }
    }

    /// The formats the form uses, made once per workbook.
    struct Formats {
        let title, boldLeft, boldRight, boldCentre, centre, italicCentre, plainLeft, plainRight,
            header, numbering,
            cell, boldCell, number, boldNumber, date: UnsafeMutablePointer<lxw_format>?

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            func make(
                bold: Bool = false, italic: Bool = false, align: lxw_format_alignments? = nil,
                border: Bool = false,
                wrap: Bool = false, numberFormat: String? = nil
            ) -> UnsafeMutablePointer<lxw_format>? {
                let format = workbook_add_format(workbook)
                format_set_font_name(format, "Times New Roman")
                format_set_font_size(format, 12)
                if bold { format_set_bold(format) }
                if italic { format_set_italic(format) }
                if let align { format_set_align(format, UInt8(align.rawValue)) }
                format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
                if border { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
                if wrap { format_set_text_wrap(format) }
                if let numberFormat { format_set_num_format(format, numberFormat) }
                return format
            }
            title = make(bold: true, align: LXW_ALIGN_CENTER, wrap: true)
            boldLeft = make(bold: true, align: LXW_ALIGN_LEFT)
            boldRight = make(bold: true, align: LXW_ALIGN_RIGHT)
            boldCentre = make(bold: true, align: LXW_ALIGN_CENTER)
            centre = make(align: LXW_ALIGN_CENTER)
            italicCentre = make(italic: true, align: LXW_ALIGN_CENTER)
            plainLeft = make(align: LXW_ALIGN_LEFT)
            plainRight = make(align: LXW_ALIGN_RIGHT)
            header = make(bold: true, align: LXW_ALIGN_CENTER, border: true, wrap: true)
            numbering = make(italic: true, align: LXW_ALIGN_CENTER, border: true)
            cell = make(border: true, wrap: true)
            boldCell = make(bold: true, border: true)
            number = make(align: LXW_ALIGN_RIGHT, border: true, numberFormat: "#,##0")
            boldNumber = make(
                bold: true, align: LXW_ALIGN_RIGHT, border: true, numberFormat: "#,##0")
            date = make(align: LXW_ALIGN_CENTER, numberFormat: "dd/mm/yyyy")
        }
    }
}
