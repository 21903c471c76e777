import CongkhaiImport
import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

@Suite("Importing Biểu 06a exports")
struct FormImportTests {
    static let novemberRows = """
        phuong-5,2021-11,ho-tich,6,12,1234,800,400,2,50,0
        phuong-5,2021-11,chung-thuc,5,0,190,150,40,0,5,0
        phuong-5,2021-11,lao-dong-tbxh,0,3,7,2,5,1,1,1

        """

    @Test(
        "an .xlsx export: title rows, merged headers, text numbers, empty cells, a field's other name; then a build shows its figures"
    )
    func xlsxExport() throws {
        let site = try ImportFixture()
        let form = try site.writeForm(ImportFixture.november { $0.leadingRows = 2 })
        let result = site.importing([form])
        #expect(result.diagnostics.map { $0.shown(in: site) } == [])
        let header = ImportFixture.october.split(separator: "\n").first!
        #expect(
            site.read("Content/metrics/dossiers/2021-11.csv") == header + "\n" + Self.novemberRows)
        #expect(site.read("Content/metrics/dossiers/2021-10.csv") == ImportFixture.october)
        let summary = try #require(result.summaries.first)
        #expect(
            summary.figures.unit == "phuong-5"
                && summary.figures.period == .month(year: 2021, month: 11))
        #expect(summary.rate?.value == Rate(1397, of: 1400))
        #expect(summary.change == .new)
        let lines = summary.lines(in: .vietnamese).joined(separator: "\n")
        #expect(
            lines.contains("Tỷ lệ giải quyết đúng hạn của phuong-5 kỳ 2021-11: 99,8% (1397/1400)"))

        // The build shows exactly the form's figures.
        #expect(site.build().map { $0.shown(in: site) } == [])
        // Both read by the metric loader, as the build reads Content/metrics/.
        let openData = try #require(site.read("Public/du-lieu/dossiers.csv"))
        let dossiers = BuiltInDatasets.dossiers
        let lists = try #require(
            SiteLists.unitsAndFields(
                ContentDirectory(path: site.path("Content")), path: "Content", log: DiagnosticLog())
        )
        func rows(_ text: String) -> [MetricRow] {
            let log = DiagnosticLog()
            let rows = MetricsLoader.parse(
                text, file: "dossiers.csv", schema: dossiers, units: lists.units,
                fields: lists.fields, log: log)
            #expect(log.all.map(\.description) == [])
            return rows
        }
        let published = rows(openData)
        let imported = rows(String(header) + "\n" + Self.novemberRows)
        #expect(imported.count == 3)
        for row in imported {
            let match = published.first {
                ($0.unit, $0.period, $0.field) == (row.unit, row.period, row.field)
            }
            let shown = try #require(match, "open data lacks \(row.unit) \(row.field ?? "")")
            for (i, column) in dossiers.columns.enumerated() where row.values[i] != nil {
                #expect(shown.values[i] == row.values[i], "\(row.field ?? "") \(column.key)")
            }
        }
        let page = try #require(site.read("Public/don-vi/phuong-5/index.html"))
        #expect(page.contains("99,8%"))
        #expect(page.contains("1.400"))
    }

    @Test("importing the same file twice changes nothing")
    func idempotent() throws {
        let site = try ImportFixture()
        let form = try site.writeForm(ImportFixture.november())
        #expect(site.importing([form]).succeeded)
        let before = site.contentFiles()
        let again = site.importing([form])
        #expect(again.succeeded)
        #expect(again.files == [])
        #expect(again.summaries.first?.change == .unchanged)
        #expect(site.contentFiles() == before)
    }

    @Test("a new export replaces the unit's rows for the period where they are, and nothing else")
    func replacesInPlace() throws {
        let site = try ImportFixture()
        let october = try site.writeForm(
            ImportFixture.november {
                $0.period = .month(year: 2021, month: 10)
                $0.rows[1].values["resolved_late"] = .number(3)
                $0.rows[1].values["resolved_early"] = .number(799)
            }, as: "thang10.xlsx")
        let result = site.importing([october])
        #expect(result.diagnostics.isEmpty)
        let text = try #require(site.read("Content/metrics/dossiers/2021-10.csv"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == ImportFixture.october.split(separator: "\n")[0])
        #expect(lines[1] == "phuong-5,2021-10,ho-tich,6,12,1234,799,400,3,50,0")
        #expect(lines[4] == "phuong-7,2021-10,ho-tich,1,4,20,10,10,0,5,0")
        guard case .changed(let changes) = result.summaries.first?.change else {
            Issue.record("not a change"); return
        }
        #expect(changes.map(\.field) == ["ho-tich", "chung-thuc", "lao-dong-tbxh"])
    }

    @Test("a total row that does not add up is refused at its cell, and nothing is written")
    func badTotal() throws {
        let site = try ImportFixture()
        let form = try site.writeForm(
            ImportFixture.november { $0.totalOverrides["resolved_late"] = 4 })
        let before = site.contentFiles()
        let result = site.importing([form])
        #expect(
            result.diagnostics.map { $0.shown(in: site) } == [
                "exports/Bieu06a.xlsx:Biểu 06a!J15: error: the \"Tổng số\" row says resolved_late is 4, but the fields add up to 3\n    note: correct the total or the fields' figures, then export again"
            ])
        #expect(!result.succeeded)
        #expect(site.contentFiles() == before)
        #expect(
            result.diagnostics[0].rendered(in: .vietnamese).contains(
                "lỗi: dòng \"Tổng số\" ghi resolved_late là 4, nhưng các lĩnh vực cộng lại được 3"))
    }

    @Test(
        "a field the site does not know is an error with a suggestion; an alias in fields.yml places it"
    )
    func unknownField() throws {
        let site = try ImportFixture()
        let form = try site.writeForm(
            ImportFixture.november {
                $0.rows[2].name = "Chứng thựcc";
                $0.rows.append(
                    .init(
                        number: "4", name: "Đăng ký kinh doanh",
                        values: ["received_offline": .number(1), "resolved_on_time": .number(1)]))
            })
        let result = site.importing([form])
        #expect(
            result.diagnostics.map { $0.shown(in: site) } == [
                "exports/Bieu06a.xlsx:Biểu 06a!B18: error: unknown field \"Chứng thựcc\"\n    note: did you mean \"Chứng thực\"? Or add \"Chứng thựcc\" to its `aliases:` in fields.yml"
            ])
    }

    @Test(
        "a row whose identity does not hold, or a total column that differs from its parts, is refused at its cell"
    )
    func identities() throws {
        let site = try ImportFixture()
        let form = try site.writeForm(
            ImportFixture.november {
                $0.formulas = false
                $0.rows[1].values["pending_in_time"] = .number(49)
            })
        let shown = site.importing([form]).diagnostics.map { $0.shown(in: site) }
        #expect(
            shown.contains(
                "exports/Bieu06a.xlsx:Biểu 06a!B17: error: carried_over + received_online + received_offline (1252) ≠ resolved_early + resolved_on_time + resolved_late + pending_in_time + pending_overdue (1251)\n    note: field \"Hộ tịch\": what was received and carried over is either resolved or pending"
            ))
        #expect(
            shown.contains {
                $0.hasPrefix(
                    "exports/Bieu06a.xlsx:Biểu 06a!K15: error: the \"Tổng số\" row says pending_total is 56"
                )
            })
    }

    @Test(
        "the unit and period come from the title rows, or from --unit and --period; dates as serial numbers"
    )
    func titles() throws {
        let site = try ImportFixture()
        let dated = try site.writeForm(
            ImportFixture.november {
                $0.periodAsDates = true; $0.unitName = "Phường 5"
            }, as: "dated.xlsx")
        let result = site.importing([dated], dryRun: true)
        #expect(result.diagnostics.isEmpty)
        #expect(result.summaries.first?.figures.period == .month(year: 2021, month: 11))
        #expect(result.summaries.first?.figures.unit == "phuong-5")
        #expect(
            site.read("Content/metrics/dossiers/2021-11.csv") == nil, "a dry run writes nothing")

        let other = try site.writeForm(
            ImportFixture.november { $0.unitName = "UBND Phường 9" }, as: "p9.xlsx")
        let unknown = site.importing([other]).diagnostics.map { $0.shown(in: site) }
        #expect(
            unknown == [
                "exports/p9.xlsx:Biểu 06a!A8: error: unknown unit \"UBND Phường 9\"\n    note: did you mean \"phuong-5\"?"
            ])
        let forced = site.importing([other], unit: "phuong-7", period: "2021-11", dryRun: true)
        #expect(forced.succeeded)
        #expect(forced.summaries.first?.figures.unit == "phuong-7")
    }

    @Test("the form's identity: another form is refused")
    func otherForm() throws {
        let site = try ImportFixture()
        var layout = FormSheetLayout.dossiers
        layout.formName = "Biểu số 06b/VPCP/KSTT"
        let form = try site.writeForm(ImportFixture.november(), layout: layout, as: "06b.xlsx")
        let shown = site.importing([form]).diagnostics.map { $0.shown(in: site) }
        #expect(
            shown.first?.hasPrefix(
                "exports/06b.xlsx:Biểu số 06b-VPCP-KSTT!J1: error: this is \"Biểu số 06b/VPCP/KSTT\", not Biểu số 06a/VPCP/KSTT"
            ) == true)
    }

    @Test(
        "a workbook is known by its first bytes under any name; a missing file, a folder and an .xls are refused by name"
    )
    func fileKinds() throws {
        let site = try ImportFixture()
        let renamed = try site.writeForm(ImportFixture.november(), as: "Bieu06a.dat")
        #expect(FileIO.head(atPath: site.path(renamed), count: 4) == [0x50, 0x4B, 0x03, 0x04])
        #expect(
            site.importing([renamed], dryRun: true).diagnostics.map { $0.shown(in: site) } == [])
        try site.write("exports/old.xls", Data([0xD0, 0xCF, 0x11, 0xE0]))
        try site.write("exports/short.csv", "a")
        #expect(FileIO.head(atPath: site.path("exports/short.csv"), count: 4) == [0x61])
        #expect(FileIO.head(atPath: site.path("exports"), count: 4) == nil)
        let shown = site.importing(["exports/missing.xlsx", "exports", "exports/old.xls"])
            .diagnostics.map { $0.shown(in: site) }
        #expect(
            shown == [
                "exports: error: this is a folder, not a file\n    note: give the export files in it",
                "exports/missing.xlsx: error: no such file\n    note: "
                    + "check the file's name and the folder it is in",
                "exports/old.xls: error: this is the old Excel format (.xls)\n    note: "
                    + "open it in Excel and save it as .xlsx (Excel Workbook), or as CSV UTF-8",
            ])
    }
}
