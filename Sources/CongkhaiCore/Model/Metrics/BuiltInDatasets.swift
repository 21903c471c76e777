/// The four datasets SPEC defines. Column titles follow the national report form
/// "Biểu số 06/VPCP/KSTT" (Thông tư 01/2020/TT-VPCP) and Nghị định 61/2018/NĐ-CP.
package enum BuiltInDatasets {
    package static let all: [DatasetSchema] = [dossiers, satisfaction, feedback, online]

    package static func named(_ id: String) -> DatasetSchema? { all.first { $0.id == id } }

    package static let dossiers = DatasetSchema(
        id: "dossiers", title: "Tình hình, kết quả giải quyết hồ sơ thủ tục hành chính",
        byField: true,
        granularity: .monthOrQuarter,
        columns: [
            // The form's order: received (total, online, offline, carried over), resolved, pending.
            ColumnSpec(
                "received_total", title: "Tổng số hồ sơ nhận giải quyết",
                aliases: ["Tổng số", "Số hồ sơ nhận giải quyết"], required: false),
            ColumnSpec(
                "received_online", title: "Trực tuyến",
                aliases: ["Tiếp nhận trực tuyến", "Nộp trực tuyến"]),
            ColumnSpec(
                "received_offline", title: "Trực tiếp, dịch vụ bưu chính",
                aliases: [
                    "Trực tiếp và dịch vụ bưu chính", "Trực tiếp, bưu chính", "Tiếp nhận trực tiếp",
                ]),
            ColumnSpec(
                "carried_over", title: "Từ kỳ trước chuyển qua",
                aliases: ["Số kỳ trước chuyển qua", "Kỳ trước chuyển qua", "Từ kỳ trước"]),
            ColumnSpec(
                "resolved_total", title: "Tổng số hồ sơ đã giải quyết",
                aliases: ["Tổng số", "Số hồ sơ đã giải quyết"], required: false),
            ColumnSpec(
                "resolved_early", title: "Trước hạn",
                aliases: ["Trả trước hạn", "Giải quyết trước hạn"]),
            ColumnSpec(
                "resolved_on_time", title: "Đúng hạn",
                aliases: ["Trả đúng thời hạn", "Trả đúng hạn", "Giải quyết đúng hạn"]),
            ColumnSpec(
                "resolved_late", title: "Quá hạn",
                aliases: ["Trả quá hạn", "Trễ hạn", "Giải quyết quá hạn"]),
            ColumnSpec(
                "pending_total", title: "Tổng số hồ sơ đang giải quyết",
                aliases: ["Tổng số", "Số lượng hồ sơ đang giải quyết"], required: false),
            ColumnSpec(
                "pending_in_time", title: "Trong hạn",
                aliases: ["Đang giải quyết trong hạn", "Chưa đến hạn"]),
            ColumnSpec("pending_overdue", title: "Quá hạn", aliases: ["Đang giải quyết quá hạn"]),
            ColumnSpec(
                "withdrawn", title: "Rút hồ sơ", aliases: ["Trả lại, xin rút", "Xin rút"],
                required: false),
            ColumnSpec("received_online_full", title: "Trực tuyến toàn trình", required: false),
            ColumnSpec("received_online_partial", title: "Trực tuyến một phần", required: false),
            ColumnSpec(
                "resolved_late_apologised", title: "Quá hạn đã có thư xin lỗi",
                aliases: ["Đã có thư xin lỗi"], required: false),
        ],
        measures: [
            Measure(
                id: "on_time_rate", title: "Tỷ lệ giải quyết đúng hạn",
                formula: .ratio(
                    numerator: ["resolved_early", "resolved_on_time"],
                    denominator: ["resolved_early", "resolved_on_time", "resolved_late"]),
                denominatorLabel: "hồ sơ đã giải quyết"),
            Measure(
                id: "late_rate", title: "Tỷ lệ giải quyết quá hạn",
                formula: .ratio(
                    numerator: ["resolved_late"],
                    denominator: ["resolved_early", "resolved_on_time", "resolved_late"]),
                denominatorLabel: "hồ sơ đã giải quyết"),
            Measure(
                id: "online_share", title: "Tỷ lệ hồ sơ tiếp nhận trực tuyến",
                formula: .ratio(
                    numerator: ["received_online"],
                    denominator: ["received_online", "received_offline"]),
                denominatorLabel: "hồ sơ tiếp nhận trong kỳ"),
            Measure(
                id: "received", title: "Hồ sơ tiếp nhận trong kỳ",
                formula: .sum(["received_online", "received_offline"])),
            Measure(
                id: "resolved", title: "Hồ sơ đã giải quyết",
                formula: .sum(["resolved_early", "resolved_on_time", "resolved_late"])),
            Measure(
                id: "pending_overdue", title: "Hồ sơ đang giải quyết quá hạn",
                formula: .sum(["pending_overdue"])),
        ],
        identities: [
            Identity(
                left: ["carried_over", "received_online", "received_offline"],
                right: [
                    "resolved_early", "resolved_on_time", "resolved_late", "pending_in_time",
                    "pending_overdue", "withdrawn",
                ]),
            Identity(
                left: ["received_total"],
                right: ["carried_over", "received_online", "received_offline"], always: false),
            Identity(
                left: ["resolved_total"],
                right: ["resolved_early", "resolved_on_time", "resolved_late"], always: false),
            Identity(
                left: ["pending_total"], right: ["pending_in_time", "pending_overdue"],
                always: false),
        ],
        bounds: [
            Bound(
                part: ["received_online_full", "received_online_partial"],
                whole: ["received_online"]),
            Bound(part: ["resolved_late_apologised"], whole: ["resolved_late"]),
        ],
        carryOver: CarryOver(column: "carried_over", from: ["pending_in_time", "pending_overdue"]),
        builtIn: true)

    package static let satisfaction = DatasetSchema(
        id: "satisfaction", title: "Mức độ hài lòng của người dân, tổ chức", byField: true,
        granularity: .monthOrQuarter,
        columns: [
            ColumnSpec("very_satisfied", title: "Rất hài lòng"),
            ColumnSpec("satisfied", title: "Hài lòng"),
            ColumnSpec("dissatisfied", title: "Không hài lòng"),
            ColumnSpec(
                "responses", title: "Số phiếu đánh giá",
                aliases: ["Tổng số phiếu", "Số lượt đánh giá"], required: false),
        ],
        measures: [
            Measure(
                id: "rate", title: "Tỷ lệ hài lòng",
                formula: .ratio(
                    numerator: ["very_satisfied", "satisfied"],
                    denominator: ["very_satisfied", "satisfied", "dissatisfied"]),
                denominatorLabel: "lượt đánh giá"),
            Measure(
                id: "responses", title: "Lượt đánh giá",
                formula: .sum(["very_satisfied", "satisfied", "dissatisfied"])),
        ],
        identities: [
            Identity(
                left: ["responses"], right: ["very_satisfied", "satisfied", "dissatisfied"],
                always: false)
        ],
        builtIn: true)

    package static let feedback = DatasetSchema(
        id: "feedback", title: "Tiếp nhận, xử lý phản ánh, kiến nghị", byField: false,
        granularity: .monthOrQuarter,
        columns: [
            ColumnSpec(
                "carried_over", title: "Kỳ trước chuyển qua",
                aliases: ["Từ kỳ trước chuyển qua", "Số kỳ trước chuyển qua"]),
            ColumnSpec(
                "received", title: "Tiếp nhận trong kỳ",
                aliases: ["Tiếp nhận", "Số phản ánh, kiến nghị tiếp nhận"]),
            ColumnSpec("handled_on_time", title: "Đã xử lý đúng hạn", aliases: ["Xử lý đúng hạn"]),
            ColumnSpec("handled_late", title: "Đã xử lý quá hạn", aliases: ["Xử lý quá hạn"]),
            ColumnSpec("pending_in_time", title: "Đang xử lý trong hạn", aliases: ["Trong hạn"]),
            ColumnSpec("pending_overdue", title: "Đang xử lý quá hạn", aliases: ["Quá hạn"]),
            ColumnSpec(
                "results_published", title: "Đã công khai kết quả", aliases: ["Công khai kết quả"]),
        ],
        measures: [
            Measure(
                id: "handled_rate", title: "Tỷ lệ phản ánh, kiến nghị đã xử lý",
                formula: .ratio(
                    numerator: ["handled_on_time", "handled_late"],
                    denominator: ["carried_over", "received"]),
                denominatorLabel:
                    "phản ánh, kiến nghị phải xử lý (kỳ trước chuyển qua và tiếp nhận trong kỳ)"),
            Measure(
                id: "published_rate", title: "Tỷ lệ kết quả xử lý được công khai",
                formula: .ratio(
                    numerator: ["results_published"],
                    denominator: ["handled_on_time", "handled_late"]),
                denominatorLabel: "phản ánh, kiến nghị đã xử lý"),
            Measure(
                id: "received", title: "Phản ánh, kiến nghị tiếp nhận", formula: .sum(["received"])),
        ],
        identities: [
            Identity(
                left: ["carried_over", "received"],
                right: ["handled_on_time", "handled_late", "pending_in_time", "pending_overdue"])
        ],
        bounds: [Bound(part: ["results_published"], whole: ["handled_on_time", "handled_late"])],
        carryOver: CarryOver(column: "carried_over", from: ["pending_in_time", "pending_overdue"]),
        builtIn: true)

    package static let online = DatasetSchema(
        id: "online", title: "Thủ tục hành chính cung cấp dịch vụ công trực tuyến", byField: false,
        granularity: .monthOrQuarter,
        columns: [
            ColumnSpec(
                "procedures_total", title: "Tổng số thủ tục hành chính", aliases: ["Số TTHC"],
                aggregation: .latest),
            ColumnSpec(
                "level3", title: "Mức độ 3", aliases: ["Một phần", "Trực tuyến một phần"],
                aggregation: .latest),
            ColumnSpec(
                "level4", title: "Mức độ 4", aliases: ["Toàn trình", "Trực tuyến toàn trình"],
                aggregation: .latest),
        ],
        measures: [
            Measure(
                id: "level34_count", title: "Số thủ tục cung cấp trực tuyến mức độ 3, 4",
                formula: .sum(["level3", "level4"]),
                aliases: ["level3_level4"]),
            Measure(
                id: "level34_share", title: "Tỷ lệ thủ tục cung cấp trực tuyến mức độ 3, 4",
                formula: .ratio(
                    numerator: ["level3", "level4"], denominator: ["procedures_total"]),
                denominatorLabel: "thủ tục hành chính thuộc thẩm quyền"),
        ],
        bounds: [Bound(part: ["level3", "level4"], whole: ["procedures_total"])],
        builtIn: true)
}
