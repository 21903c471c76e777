import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// A throwaway `Content/` folder for the metrics tests; diagnostics name its files `Content/…`.
final class MetricsFixture {
    let root: URL

    init(_ files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "congkhai-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, Data(text.utf8)) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ relative: String, _ data: Data) throws {
        let url = root.appendingPathComponent("Content").appendingPathComponent(relative)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    var content: ContentDirectory {
        var content = ContentDirectory(path: root.appendingPathComponent("Content").path)
        content.displayName = "Content"
        return content
    }

    func load(
        schemas: [DatasetSchema] = BuiltInDatasets.all,
        textColumns: [String: [TextColumnSpec]] = [:],
        log: DiagnosticLog
    ) -> [MetricTable] {
        MetricsLoader.load(
            content, schemas: schemas, units: MetricsData.units, fields: MetricsData.fields,
            textColumns: textColumns, log: log)
    }
}

extension Diagnostic {
    /// `file:line:col: severity: message`, without the note.
    var headline: String {
        "\(location.file):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }
}

extension DiagnosticLog {
    var headlines: [String] { all.map(\.headline) }
    /// Notes, by headline.
    var hints: [String: String] {
        Dictionary(
            all.compactMap { d in d.hint.map { (d.headline, $0) } }, uniquingKeysWith: { a, _ in a }
        )
    }
}

enum MetricsData {
    static let units: [CongkhaiKit.Unit] = [
        CongkhaiKit.Unit(
            id: "phuong-1", name: "Ủy ban nhân dân Phường 1", kind: .ward, short: "Phường 1"),
        CongkhaiKit.Unit(
            id: "phuong-3", name: "Ủy ban nhân dân Phường 3", kind: .ward, short: "Phường 3"),
        CongkhaiKit.Unit(
            id: "phong-noi-vu", name: "Phòng Nội vụ", kind: .agency, short: "Phòng Nội vụ"),
        CongkhaiKit.Unit(
            id: "phong-tu-phap", name: "Phòng Tư pháp", kind: .agency, short: "Phòng Tư pháp"),
    ]
    static let fields: [Field] = [
        Field(id: "dat-dai", name: "Đất đai"),
        Field(id: "ho-tich", name: "Hộ tịch"),
        Field(id: "chung-thuc", name: "Chứng thực"),
    ]

    static let dossiersHeader =
        "unit,period,field,carried_over,received_online,received_offline,resolved_early,resolved_on_time,resolved_late,pending_in_time,pending_overdue"
    static let feedbackHeader =
        "unit,period,carried_over,received,handled_on_time,handled_late,pending_in_time,pending_overdue,results_published"

    /// Rows of one file's text, as the loader reads them.
    static func rows(
        _ text: String, file: String, schema: DatasetSchema = BuiltInDatasets.dossiers,
        log: DiagnosticLog
    ) -> [MetricRow] {
        MetricsLoader.parse(
            text, file: file, schema: schema, units: units, fields: fields, log: log)
    }

    /// A table from several files' texts.
    static func table(
        _ schema: DatasetSchema, _ files: [(String, String)], log: DiagnosticLog
    ) -> MetricTable {
        let parsed = files.flatMap { rows($0.1, file: $0.0, schema: schema, log: log) }
        return MetricTable(schema: schema, rows: parsed, files: files.map(\.0).sorted())
    }

    static func value(
        _ row: MetricRow, _ key: String, in schema: DatasetSchema = BuiltInDatasets.dossiers
    ) -> Int? {
        row.values[schema.columnIndex(key)!]
    }
}
