import CongkhaiImport
import Foundation
import Testing
import ZIPFoundation

@testable import CongkhaiCore
@testable import CongkhaiKit

@Suite("The template, the other datasets' layouts, and the workbook reader")
struct TemplateAndLayoutTests {
    @Test(
        "the template is prefilled with the unit's fields and last month's pending, and round-trips exactly"
    )
    func templateRoundTrip() throws {
        let site = try ImportFixture()
        try site.write(
            "Content/site.yml",
            "title: \"Cải cách hành chính\"\nbase_url: \"https://example.gov.vn/\"\n"
                + "owner: \"Ủy ban nhân dân quận Gò Vấp\"\n")
        try FileManager.default.createDirectory(
            atPath: site.path("exports"), withIntermediateDirectories: true)
        let result = TemplateBuilder.run(
            .init(
                dataset: "dossiers", unit: "phuong-5", period: "2021-11",
                contentPath: site.path("Content"),
                output: site.path("exports/template.xlsx")))
        #expect(result.diagnostics.isEmpty)
        #expect(result.fields == ["Hộ tịch", "Chứng thực"])
        // As the clerk opens it.
        let templateData = try #require(site.bytes("exports/template.xlsx"))
        let sheets = try XLSXReader.read(templateData, file: "template.xlsx")
        let sheet = try #require(sheets.first)
        let hoTich = try #require(sheet.rows.firstIndex { $0.count > 1 && $0[1].text == "Hộ tịch" })
        #expect(sheet.cell(hoTich, 3).number == 6, "carried over = October's pending (6 + 0)")
        #expect(sheet.cell(hoTich + 1, 3).number == 5)
        #expect(sheet.rows.contains { $0.contains { $0.text == "Kỳ báo cáo: Tháng 11 năm 2021" } })
        // The body it reports to is the site's owner, in full.
        #expect(sheet.rows.first?.first?.text == "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP")
        #expect(
            sheet.rows.contains {
                $0.contains { $0.text == "Đơn vị nhận báo cáo: Ủy ban nhân dân quận Gò Vấp" }
            })
        #expect(
            sheet.rows.contains {
                $0.contains { $0.text == "Đơn vị báo cáo: Ủy ban nhân dân Phường 5" }
            })

        // Filled in (the same workbook with the clerk's figures) and imported: exactly those figures.
        var filled = FormSheetContent(
            issuer: "ỦY BAN NHÂN DÂN QUẬN", unitName: "Ủy ban nhân dân Phường 5",
            receiver: "Ủy ban nhân dân quận",
            period: .month(year: 2021, month: 11),
            rows: [
                .init(number: "I", name: "Cấp xã", isGroup: true),
                .init(
                    number: "1", name: "Hộ tịch",
                    values: [
                        "carried_over": .number(6), "received_online": .number(9),
                        "received_offline": .number(31), "resolved_early": .number(20),
                        "resolved_on_time": .number(19),
                        "resolved_late": .number(1), "pending_in_time": .number(6),
                        "pending_overdue": .number(0),
                    ]),
                .init(
                    number: "2", name: "Chứng thực",
                    values: [
                        "carried_over": .number(5), "received_online": .number(7),
                        "received_offline": .number(180), "resolved_early": .number(170),
                        "resolved_on_time": .number(20),
                        "resolved_late": .number(0), "pending_in_time": .number(2),
                        "pending_overdue": .number(0),
                    ]),
            ])
        filled.formulas = true
        try FormWorkbookWriter.write(
            filled, layout: .dossiers, to: site.path("exports/filled.xlsx"))
        let imported = site.importing(["exports/filled.xlsx"])
        #expect(imported.diagnostics.map { $0.shown(in: site) } == [])
        #expect(
            site.read("Content/metrics/dossiers/2021-11.csv") == """
                unit,period,field,carried_over,received_online,received_offline,resolved_early,resolved_on_time,resolved_late,pending_in_time,pending_overdue
                phuong-5,2021-11,ho-tich,6,9,31,20,19,1,6,0
                phuong-5,2021-11,chung-thuc,5,7,180,170,20,0,2,0

                """)
        // And the next month's template carries November's pending over.
        let december = TemplateBuilder.run(
            .init(
                dataset: "dossiers", unit: "phuong-5", period: "2021-12",
                contentPath: site.path("Content"),
                output: site.path("exports/t12.xlsx")))
        let nextData = try #require(site.bytes("exports/t12.xlsx"))
        let next = try #require(try XLSXReader.read(nextData, file: "t12.xlsx").first)
        #expect(december.fields == ["Hộ tịch", "Chứng thực"])
        let row = try #require(next.rows.firstIndex { $0.count > 1 && $0[1].text == "Chứng thực" })
        #expect(next.cell(row, 3).number == 2)
    }

    @Test("satisfaction and feedback from their documented layouts")
    func otherDatasets() throws {
        let site = try ImportFixture()
        var satisfaction = FormSheetContent(
            issuer: "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP", unitName: "UBND Phường 7", receiver: "UBND quận",
            period: .quarter(year: 2021, quarter: 3),
            rows: [
                .init(
                    number: "1", name: "Hộ tịch",
                    values: [
                        "very_satisfied": .number(120), "satisfied": .text("1.030"),
                        "dissatisfied": .number(3),
                    ]),
                .init(
                    number: "2", name: "chứng thực",
                    values: [
                        "very_satisfied": .number(10), "satisfied": .number(5),
                        "dissatisfied": .blank,
                    ]),
            ])
        satisfaction.leadingRows = 1
        try site.writeForm(satisfaction, layout: .satisfaction, as: "hai-long.xlsx")
        let one = site.importing(["exports/hai-long.xlsx"], dataset: "satisfaction")
        #expect(one.diagnostics.map { $0.shown(in: site) } == [])
        #expect(
            site.read("Content/metrics/satisfaction/2021-Q3.csv") == """
                unit,period,field,very_satisfied,satisfied,dissatisfied
                phuong-7,2021-Q3,ho-tich,120,1030,3
                phuong-7,2021-Q3,chung-thuc,10,5,0

                """)

        let feedback = FormSheetContent(
            issuer: "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP", unitName: "Phòng Tư pháp", receiver: "UBND quận",
            period: .month(year: 2021, month: 11),
            rows: [
                .init(
                    number: "1", name: "",
                    values: [
                        "carried_over": .number(2), "received": .number(10),
                        "handled_on_time": .number(9), "handled_late": .number(1),
                        "pending_in_time": .number(2),
                        "pending_overdue": .blank, "results_published": .number(10),
                    ])
            ])
        try site.writeForm(feedback, layout: .feedback, as: "phan-anh.xlsx")
        let two = site.importing(["exports/phan-anh.xlsx"], dataset: "feedback")
        #expect(two.diagnostics.map { $0.shown(in: site) } == [])
        #expect(
            site.read("Content/metrics/feedback/2021-11.csv") == """
                unit,period,carried_over,received,handled_on_time,handled_late,pending_in_time,pending_overdue,results_published
                phong-tu-phap,2021-11,2,10,9,1,2,0,10

                """)
        #expect(site.build().map { $0.shown(in: site) } == [])
    }

    @Test("a CSV in the canonical columns imports its units and periods")
    func canonicalCSV() throws {
        let site = try ImportFixture()
        try site.write(
            "exports/tong-hop.csv",
            """
            Đơn vị;Kỳ báo cáo;Lĩnh vực;Từ kỳ trước chuyển qua;Trực tuyến;Trực tiếp, dịch vụ bưu chính;Trước hạn;Đúng hạn;Quá hạn;Trong hạn;Quá hạn\r
            Phường 7;2021-11;Hộ tịch;5;4;20;10;10;0;9;0\r

            """)
        let result = site.importing(["exports/tong-hop.csv"])
        #expect(result.diagnostics.map { $0.shown(in: site) } == [])
        #expect(
            site.read("Content/metrics/dossiers/2021-11.csv")?.hasSuffix(
                "phuong-7,2021-11,ho-tich,5,4,20,10,10,0,9,0\n") == true)
    }

    @Test(
        "the reader: shared strings with rich text, inline strings, numbers as text, dates, merged cells"
    )
    func workbookReader() throws {
        let sheetXML = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve"> Kỳ báo cáo </t></is></c></row>
            <row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" s="1"><v>44501</v></c><c r="C3" t="str"><f>A1</f><v>1.234</v></c><c r="D3"><v>12</v></c></row>
            </sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>
            """
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count),
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add(
            "xl/workbook.xml",
            """
            <workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Báo cáo" sheetId="1" r:id="rId1"/></sheets></workbook>
            """)
        try add(
            "xl/_rels/workbook.xml.rels",
            """
            <Relationships><Relationship Id="rId1" Type="worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>
            """)
        try add(
            "xl/sharedStrings.xml",
            """
            <sst><si><r><t>Đơn vị </t></r><r><rPr><b/></rPr><t>báo cáo</t></r></si><si><t>Từ ngày</t></si></sst>
            """)
        try add(
            "xl/styles.xml",
            """
            <styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>
            """)
        try add("xl/worksheets/sheet1.xml", sheetXML)
        let bytes = try #require(archive.data)
        let sheet = try #require(try XLSXReader.read(bytes, file: "a.xlsx").first)
        #expect(sheet.name == "Báo cáo")
        #expect(sheet.cell(0, 0).text == "Đơn vị báo cáo")
        #expect(sheet.cell(1, 1).text == "Đơn vị báo cáo", "merged A1:B2")
        #expect(sheet.cell(0, 2).text == " Kỳ báo cáo ")
        #expect(sheet.cell(2, 1).date == CalendarDay(year: 2021, month: 11, day: 1))
        #expect(sheet.cell(2, 2).text == "1.234" && sheet.cell(2, 2).number == nil)
        #expect(sheet.cell(2, 3).number == 12)
        #expect(sheet.location(2, 2).file == "a.xlsx:Báo cáo!C3")
        #expect(
            Diagnostic.error(sheet.location(2, 2), "x").description == "a.xlsx:Báo cáo!C3: error: x"
        )

        #expect(throws: XLSXReader.Failure.self) {
            try XLSXReader.read(Data("not a zip".utf8), file: "b.xlsx")
        }
    }

    @Test("Excel serial days: 1970-01-01 is 25569, days from March 1900 on count from 1899-12-30")
    func excelSerialDays() {
        #expect(CalendarDay(excelSerial: 25569) == CalendarDay(year: 1970, month: 1, day: 1))
        #expect(CalendarDay(excelSerial: 44197) == CalendarDay(year: 2021, month: 1, day: 1))
        #expect(CalendarDay(excelSerial: 61) == CalendarDay(year: 1900, month: 3, day: 1))
        // Counted independently: 1900-03-01 is 61, then the days of March 1900 to the end of 1969.
        let days = (1901...1969).reduce(306) { $0 + (($1 % 4 == 0) ? 366 : 365) }
        #expect(CalendarDay.excelSerialOfEpoch == 61 + days)
        for serial in stride(from: 61, through: 2_958_465, by: 997) {
            #expect(CalendarDay(excelSerial: serial).excelSerial == serial)
        }
    }
}
