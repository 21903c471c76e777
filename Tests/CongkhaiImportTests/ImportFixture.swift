import CongkhaiImport
import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// A throwaway site with a few units, fields and a month of figures, and exports written into it
/// by the test (the form through libxlsxwriter, CSV files in the encodings offices use).
final class ImportFixture {
    let root: URL

    static let units = """
        - id: phuong-5
          name: "Ủy ban nhân dân Phường 5"
          kind: ward
          short: "Phường 5"
        - id: phuong-7
          name: "Ủy ban nhân dân Phường 7"
          kind: ward
          short: "Phường 7"
        - id: phong-tu-phap
          name: "Phòng Tư pháp"
          kind: agency
          short: "Phòng Tư pháp"
        """

    static let fields = """
        - id: dat-dai
          name: "Đất đai"
        - id: ho-tich
          name: "Hộ tịch"
        - id: chung-thuc
          name: "Chứng thực"
        - id: lao-dong-tbxh
          name: "Lao động, thương binh và xã hội"
        - id: dang-ky-kinh-doanh
          name: "Thành lập và hoạt động của hộ kinh doanh"
          aliases: ["Đăng ký kinh doanh"]
        """

    /// October 2021: Phường 5 and Phường 7 (the file a clerk's import must leave as it is, but for Phường 5's November).
    static let october = """
        unit,period,field,carried_over,received_online,received_offline,resolved_early,resolved_on_time,resolved_late,pending_in_time,pending_overdue
        phuong-5,2021-10,ho-tich,2,10,30,20,15,1,6,0
        phuong-5,2021-10,chung-thuc,0,5,200,150,50,0,5,0
        phuong-7,2021-10,ho-tich,1,4,20,10,10,0,5,0

        """

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "congkhai-import-\(UUID().uuidString)")
        try write(
            "Content/site.yml",
            """
            title: "Cải cách hành chính"
            base_url: "https://example.gov.vn/"
            owner: "Ủy ban nhân dân quận"
            """)
        try write("Content/units.yml", Self.units)
        try write("Content/fields.yml", Self.fields)
        try write("Content/metrics/dossiers/2021-10.csv", Self.october)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ relative: String, _ text: String) throws { try write(relative, Data(text.utf8)) }

    func write(_ relative: String, _ data: Data) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    func read(_ relative: String) -> String? {
        try? String(contentsOfFile: path(relative), encoding: .utf8)
    }
    func bytes(_ relative: String) -> Data? { FileManager.default.contents(atPath: path(relative)) }

    /// Every file under Content, path → bytes.
    func contentFiles() -> [String: Data] {
        var files: [String: Data] = [:]
        let base = root.appendingPathComponent("Content")
        guard
            let enumerator = FileManager.default.enumerator(
                at: base, includingPropertiesForKeys: nil)
        else { return [:] }
        for case let url as URL in enumerator {
            if let data = FileManager.default.contents(atPath: url.path), !url.hasDirectoryPath {
                files[String(url.path.dropFirst(base.path.count + 1))] = data
            }
        }
        return files
    }

    func importing(
        _ files: [String], dataset: String = "dossiers", unit: String? = nil, period: String? = nil,
        encoding: TextEncoding? = nil, dryRun: Bool = false
    ) -> ImportResult {
        MetricsImporter.run(
            ImportRequest(
                dataset: dataset, files: files.map(path), unit: unit, period: period,
                contentPath: path("Content"), encoding: encoding, dryRun: dryRun))
    }

    /// Builds the site into Public (default theme) and returns the failure's diagnostics, if any.
    func build() -> [Diagnostic] {
        var options = BuildOptions(
            contentPath: path("Content"), templatesPath: path("Templates"),
            outputPath: path("Public"),
            includeDrafts: false, buildDate: CalendarDay(year: 2021, month: 12, day: 10),
            strict: false)
        options.useCache = false
        if case .failure(let failure) = SiteBuilder.build(options) { return failure.diagnostics }
        return []
    }

    /// The November form of Phường 5 as the one-door system exports it.
    static func november(_ adjust: (inout FormSheetContent) -> Void = { _ in }) -> FormSheetContent
    {
        typealias V = FormSheetContent.Value
        var content = FormSheetContent(
            issuer: "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP", unitName: "UBND Phường 5",
            receiver: "UBND quận Gò Vấp",
            period: .month(year: 2021, month: 11),
            rows: [
                .init(number: "I", name: "Cấp xã", isGroup: true),
                .init(
                    number: "1", name: "Hộ tịch",
                    values: [
                        "carried_over": .number(6), "received_online": .number(12),
                        "received_offline": .text("1.234"),
                        "resolved_early": .number(800), "resolved_on_time": .number(400),
                        "resolved_late": .number(2),
                        "pending_in_time": .number(50), "pending_overdue": .blank,
                    ]),
                .init(
                    number: "2", name: "Chứng thực",
                    values: [
                        "carried_over": .number(5), "received_online": .blank,
                        "received_offline": .number(190),
                        "resolved_early": .number(150), "resolved_on_time": .number(40),
                        "resolved_late": .blank,
                        "pending_in_time": .number(5), "pending_overdue": .blank,
                    ]),
                .init(
                    number: "3", name: "Lao động - Thương binh và Xã hội",
                    values: [
                        "carried_over": .blank, "received_online": .number(3),
                        "received_offline": .number(7),
                        "resolved_early": .number(2), "resolved_on_time": .number(5),
                        "resolved_late": .number(1),
                        "pending_in_time": .number(1), "pending_overdue": .number(1),
                    ]),
            ])
        adjust(&content)
        return content
    }

    /// Writes a form into the fixture (outside Content) and returns its relative path.
    @discardableResult
    func writeForm(
        _ content: FormSheetContent, layout: FormSheetLayout = .dossiers,
        as name: String = "Bieu06a.xlsx"
    ) throws -> String {
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("exports"), withIntermediateDirectories: true)
        try FormWorkbookWriter.write(content, layout: layout, to: path("exports/\(name)"))
        return "exports/\(name)"
    }
}

extension Diagnostic {
    /// Without the fixture's folder.
    func shown(in fixture: ImportFixture) -> String {
        description.replacingOccurrences(of: fixture.root.path + "/", with: "")
    }
}
