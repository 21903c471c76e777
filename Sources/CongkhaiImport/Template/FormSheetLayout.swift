import CongkhaiCore
import CongkhaiKit

/// Where each part of a form goes on the sheet: the header's (merged) cells and which column
/// holds which count, as the national form lays them out. Used to write templates (and the
/// tests' exports); `FormReader` reads any layout whose titles say the same.
package struct FormSheetLayout: Sendable {
    package struct HeaderCell: Sendable {
        package var row: Int, column: Int, lastRow: Int, lastColumn: Int
        package var text: String
    }

    package var dataset: String
    package var formName: String?
    package var title: String
    package var headerRows: Int
    package var header: [HeaderCell]
    /// Each column's count key (nil: STT, the field's name, Ghi chú).
    package var columns: [String?]
    package var nameColumn: Int?
    package var notesColumn: Int?

    package var width: Int { columns.count }

    /// Total columns and the columns they add up: the totals the reader checks.
    package var sums: [String: [String]] {
        Dictionary(
            (FormLayout.forDataset(dataset)?.totals ?? []).map { ($0.total, $0.parts) },
            uniquingKeysWith: { a, _ in a })
    }

    package static func forDataset(_ id: String) -> FormSheetLayout? {
        switch id {
        case "dossiers": return dossiers
        case "satisfaction": return satisfaction
        case "feedback": return feedback
        default: return nil
        }
    }

    static func cell(
        _ row: Int, _ column: Int, _ text: String, to lastRow: Int? = nil, _ lastColumn: Int? = nil
    ) -> HeaderCell {
        HeaderCell(
            row: row, column: column, lastRow: lastRow ?? row, lastColumn: lastColumn ?? column,
            text: text)
    }

    /// Biểu số 06a/VPCP/KSTT: STT, the field, received (4), resolved (4), pending (3), Ghi chú.
    package static let dossiers = FormSheetLayout(
        dataset: "dossiers", formName: "Biểu số 06a/VPCP/KSTT",
        title:
            "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        headerRows: 3,
        header: [
            cell(0, 0, "STT", to: 2, 0),
            cell(0, 1, "Lĩnh vực, công việc giải quyết theo cấp", to: 2, 1),
            cell(0, 2, "Số hồ sơ nhận giải quyết", to: 0, 5),
            cell(1, 2, "Tổng số", to: 2, 2),
            cell(1, 3, "Trong đó", to: 1, 5),
            cell(2, 3, "Số kỳ trước chuyển qua"),
            cell(2, 4, "Số mới tiếp nhận trực tuyến"),
            cell(2, 5, "Số mới tiếp nhận (trực tiếp, dịch vụ bưu chính)"),
            cell(0, 6, "Kết quả giải quyết", to: 0, 12),
            cell(1, 6, "Số hồ sơ đã giải quyết", to: 1, 9),
            cell(2, 6, "Tổng số"),
            cell(2, 7, "Trả trước hạn"),
            cell(2, 8, "Trả đúng thời hạn"),
            cell(2, 9, "Trả quá hạn"),
            cell(1, 10, "Số hồ sơ đang giải quyết", to: 1, 12),
            cell(2, 10, "Tổng số"),
            cell(2, 11, "Chưa đến hạn"),
            cell(2, 12, "Quá hạn"),
            cell(0, 13, "Ghi chú", to: 2, 13),
        ],
        columns: [
            nil, nil, "received_total", "carried_over", "received_online", "received_offline",
            "resolved_total",
            "resolved_early", "resolved_on_time", "resolved_late", "pending_total",
            "pending_in_time", "pending_overdue", nil,
        ],
        nameColumn: 1, notesColumn: 13)

    /// Satisfaction: STT, the field, Tổng số phiếu, Rất hài lòng, Hài lòng, Không hài lòng, Ghi chú.
    package static let satisfaction = FormSheetLayout(
        dataset: "satisfaction", formName: nil,
        title:
            "KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC TRONG GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        headerRows: 2,
        header: [
            cell(0, 0, "STT", to: 1, 0),
            cell(0, 1, "Lĩnh vực", to: 1, 1),
            cell(0, 2, "Tổng số phiếu", to: 1, 2),
            cell(0, 3, "Mức độ đánh giá", to: 0, 5),
            cell(1, 3, "Rất hài lòng"),
            cell(1, 4, "Hài lòng"),
            cell(1, 5, "Không hài lòng"),
            cell(0, 6, "Ghi chú", to: 1, 6),
        ],
        columns: [nil, nil, "responses", "very_satisfied", "satisfied", "dissatisfied", nil],
        nameColumn: 1, notesColumn: 6)

    /// Feedback and petitions: one row for the unit.
    package static let feedback = FormSheetLayout(
        dataset: "feedback", formName: nil,
        title:
            "TÌNH HÌNH TIẾP NHẬN, XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ VỀ QUY ĐỊNH HÀNH CHÍNH VÀ THỦ TỤC HÀNH CHÍNH",
        headerRows: 2,
        header: [
            cell(0, 0, "STT", to: 1, 0),
            cell(0, 1, "Kỳ trước chuyển qua", to: 1, 1),
            cell(0, 2, "Tiếp nhận trong kỳ", to: 1, 2),
            cell(0, 3, "Đã xử lý", to: 0, 4),
            cell(1, 3, "Đúng hạn"),
            cell(1, 4, "Quá hạn"),
            cell(0, 5, "Đang xử lý", to: 0, 6),
            cell(1, 5, "Trong hạn"),
            cell(1, 6, "Quá hạn"),
            cell(0, 7, "Đã công khai kết quả", to: 1, 7),
            cell(0, 8, "Ghi chú", to: 1, 8),
        ],
        columns: [
            nil, "carried_over", "received", "handled_on_time", "handled_late", "pending_in_time",
            "pending_overdue",
            "results_published", nil,
        ],
        nameColumn: nil, notesColumn: 8)
}
