import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

@Suite struct MetricsLoaderTests {
    typealias D = MetricsData
    let dossiers = BuiltInDatasets.dossiers

    @Test func nationalFormHeadersInVietnamese() throws {
        // Biểu số 06/VPCP/KSTT: "Tổng số" three times (received, resolved, pending) and "Quá hạn"
        // twice (resolved late, pending overdue); the form's order decides. STT is ignored.
        let header =
            "STT,Đơn vị,Kỳ báo cáo,Lĩnh vực,Tổng số,Từ kỳ trước chuyển qua,Trực tuyến,\"Trực tiếp, dịch vụ bưu chính\","
            + "Tổng số,Trước hạn,Đúng hạn,Quá hạn,Tổng số,Trong hạn,Quá hạn"
        let log = DiagnosticLog()
        let rows = D.rows(
            header + "\n1,phuong-1,2021-03,ho-tich,50,7,12,31,40,20,15,5,10,9,1\n",
            file: "Content/metrics/dossiers/2021-03.csv", log: log)
        #expect(log.all.isEmpty)
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(
            (row.unit, row.field, row.period) == (
                "phuong-1", "ho-tich", .month(year: 2021, month: 3)
            ))
        #expect(
            row.location
                == SourceLocation(file: "Content/metrics/dossiers/2021-03.csv", line: 2, column: 1))
        let expected: [String: Int?] = [
            "received_total": 50, "carried_over": 7, "received_online": 12, "received_offline": 31,
            "resolved_total": 40, "resolved_early": 20, "resolved_on_time": 15, "resolved_late": 5,
            "pending_total": 10, "pending_in_time": 9, "pending_overdue": 1,
            "withdrawn": nil, "received_online_full": nil, "received_online_partial": nil,
            "resolved_late_apologised": nil,
        ]
        for column in dossiers.columns {
            #expect(D.value(row, column.key) == expected[column.key]!, "\(column.key)")
        }
        // The totals agree with their parts, so the row is valid.
        let checked = MetricsValidator.validate(
            [MetricTable(schema: dossiers, rows: rows, files: [])], log: log)
        #expect(log.all.isEmpty)
        #expect(checked.first.map { Array($0.rows) } == rows)
    }

    @Test func headersCompareAsSlugs() {
        // Case, diacritics, spacing, `_` against `-`: all the same header.
        let log = DiagnosticLog()
        let rows = D.rows(
            "UNIT, Period ,Field,Carried Over,received-online,RECEIVED_OFFLINE,trước hạn,Trả đúng thời hạn,"
                + "tra qua han,chưa đến hạn,Đang giải quyết quá hạn\nphuong-1,2021-03,ho-tich,1,2,3,4,1,0,1,0\n",
            file: "a.csv", log: log)
        #expect(log.all.isEmpty)
        #expect(
            rows.first.map { Array($0.values.prefix(11)) } == [
                nil, 2, 3, 1, nil, 4, 1, 0, nil, 1, 0,
            ])
    }

    @Test func byteOrderMarkCRLFAndSemicolons() throws {
        // Excel in a Vietnamese locale: "CSV UTF-8" with a BOM, CRLF, ";" between cells.
        let fixture = try MetricsFixture()
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(
            Data(
                ("STT;Đơn vị;Kỳ báo cáo;Lĩnh vực;Rất hài lòng;Hài lòng;Không hài lòng;Ghi chú\r\n"
                    + "1;Phường 1;2021-03;Hộ tịch;10;20;1;\r\n"
                    + "2;phuong-3;2021-03;dat-dai;5;6;0;\"Đợt 1; đợt 2\"\r\n"
                    + "3;phuong-1;2021-04;ho-tich;-1;2;3;\r\n\r\n").utf8))
        try fixture.write("metrics/satisfaction/2021-03.csv", data)
        let log = DiagnosticLog()
        let tables = fixture.load(log: log)
        let file = "Content/metrics/satisfaction/2021-03.csv"
        #expect(
            log.headlines == [
                "\(file):1:69: warning: unknown column \"Ghi chú\" is ignored",
                "\(file):4:28: error: very_satisfied is negative (-1)",
            ])
        let table = try #require(tables.first)
        #expect(tables.count == 1 && table.schema.id == "satisfaction" && table.files == [file])
        // Units and fields may be written by name: "Phường 1" is phuong-1, "Hộ tịch" is ho-tich.
        #expect(table.rows.map(\.unit) == ["phuong-1", "phuong-3"])
        #expect(table.rows.map(\.field) == ["ho-tich", "dat-dai"])
        #expect(table.rows.map(\.values) == [[10, 20, 1, nil], [5, 6, 0, nil]])
        #expect(table.rows.map(\.location.line) == [2, 3])
    }

    @Test func quotedCells() {
        let log = DiagnosticLog()
        let rows = D.rows(
            D.dossiersHeader
                + "\n\"phuong-1\",\"2021-03\",\"ho-tich\",\" 7 \",\"12\",31,20,15,5,\"9\",1\n"
                + "phuong-3,2021-03,ho-tich,1,2,3,\"4\r\n\",1,0,1,0\n"
                + "phuong-1,2021-04,ho-tich,\"1 000\",2,3,4,3,1,2,0\n",
            file: "a.csv", log: log)
        // Quoted counts are counts; a line break around one is space. The place of a cell is its opening quote.
        #expect(
            log.headlines == ["a.csv:5:26: error: carried_over is not a whole number (\"1 000\")"])
        #expect(
            log.all.first?.hint
                == "write counts as plain digits, without a thousands separator: 1000")
        #expect(
            rows.map(\.values) == [
                [nil, 12, 31, 7, nil, 20, 15, 5, nil, 9, 1, nil, nil, nil, nil],
                [nil, 2, 3, 1, nil, 4, 1, 0, nil, 1, 0, nil, nil, nil, nil],
            ])
        #expect(rows.map(\.location.line) == [2, 3])
    }

    @Test func unknownColumnIsAWarningAndMissingColumnAnError() {
        let header =
            "row_no,unit,period,field,carried_over,received_online,received_offline,resolved_early,"
            + "resolved_ontime,resolved_late,pending_in_time,pending_overdue,Ghi chú"
        let log = DiagnosticLog()
        let file = "Content/metrics/dossiers/2021-03.csv"
        let rows = D.rows(
            header + "\n1,phuong-1,2021-03,ho-tich,2,3,5,4,3,1,2,0,\n", file: file, log: log)
        #expect(rows.isEmpty)
        #expect(
            log.headlines == [
                "\(file):1:1: error: missing column resolved_on_time (\"Đúng hạn\")",
                "\(file):1:87: warning: unknown column \"resolved_ontime\" is ignored",
                "\(file):1:149: warning: unknown column \"Ghi chú\" is ignored",
            ])
        let hints = log.hints
        #expect(
            hints["\(file):1:87: warning: unknown column \"resolved_ontime\" is ignored"]
                == "did you mean \"resolved_on_time\"?")
        #expect(
            hints["\(file):1:149: warning: unknown column \"Ghi chú\" is ignored"]
                == "the columns of dossiers are unit, period, field, "
                + dossiers.columns.map(\.key).joined(separator: ", "))
    }

    @Test func columnsWithoutAHeader() {
        // Spreadsheets export empty columns past the table: ignored, unless something is in them.
        let log = DiagnosticLog()
        let rows = D.rows(
            D.dossiersHeader + ",,\nphuong-1,2021-03,ho-tich,2,3,5,4,3,1,2,0,,x\n", file: "a.csv",
            log: log)
        #expect(
            log.headlines == [
                "a.csv:1:144: warning: column 13 has no header; its values are ignored"
            ])
        #expect(rows.count == 1)
    }

    @Test func missingKeyColumns() {
        let log = DiagnosticLog()
        _ = D.rows("period,carried_over\n2021-03,1\n", file: "a.csv", log: log)
        #expect(log.headlines.filter { !$0.contains("missing column") }.isEmpty)
        #expect(
            log.headlines.prefix(3) == [
                "a.csv:1:1: error: missing column field (\"Lĩnh vực\")",
                "a.csv:1:1: error: missing column pending_in_time (\"Trong hạn\")",
                "a.csv:1:1: error: missing column pending_overdue (\"Quá hạn\")",
            ])
        #expect(log.headlines.contains("a.csv:1:1: error: missing column unit (\"Đơn vị\")"))
        #expect(log.headlines.count == 9)  // unit, field and 7 of the 8 required counts
    }

    @Test func duplicateColumns() throws {
        let fixture = try MetricsFixture([
            "metrics/dossiers/2021-03.csv":
                "unit,period,field,carried_over,received_online,received_offline,resolved_early,"
                + "resolved_on_time,resolved_late,Trả quá hạn,pending_in_time,pending_overdue,Đơn vị\n",
            "metrics/dossiers/2021-04.csv":
                "Đơn vị,Kỳ,Lĩnh vực,Từ kỳ trước,Trực tuyến,Tiếp nhận trực tiếp,Trước hạn,Đúng hạn,"
                + "Quá hạn,Trong hạn,Quá hạn,Quá hạn\nphuong-1,2021-04,ho-tich,1,2,3,4,1,0,1,0,9\n",
        ])
        let log = DiagnosticLog()
        let tables = fixture.load(log: log)
        #expect(
            log.headlines == [
                "Content/metrics/dossiers/2021-03.csv:1:111: error: duplicate column \"Trả quá hạn\": resolved_late is already given by \"resolved_late\"",
                "Content/metrics/dossiers/2021-03.csv:1:155: error: duplicate column \"Đơn vị\": unit is already given by \"unit\"",
                "Content/metrics/dossiers/2021-04.csv:1:108: error: duplicate column \"Quá hạn\": pending_overdue is already given by \"Quá hạn\"",
            ])
        // The duplicate is left out; the rest of the file is read.
        let row = try #require(tables.first?.rows.first)
        #expect(
            D.value(row, "resolved_late") == 0 && D.value(row, "pending_overdue") == 0
                && D.value(row, "pending_in_time") == 1)
    }

    @Test func countCells() {
        let file = "Content/metrics/dossiers/2021.csv"
        let text = [
            D.dossiersHeader,
            "phuong-1,2021-03,ho-tich,2,3,5,4,3,\"12,5\",2,0",
            "phuong-1,2021-04,ho-tich,2,3,5,4,3,-3,2,0",
            "phuong-1,2021-05,ho-tich,2,3,5,4,3,,2,0",
            "phuong-1,2021-06,ho-tich, 2 ,3,5,4,3,1,2,0",
            "phuong-1,2021-07,ho-tich,1.234,3,5,4,3,1,2,0",
            "phuong-1,2021-08,ho-tich,2,3,5,4,3,1,2",
            ",,,,,,,,,,",
            "phuong-1,2021-09,ho-tich,2,3,5,4,3,1,2,0,",
            "phuong-1,2021-10,ho-tich,2,+3,5,4,3,1,2,0",
            "phuong-1,2021-11,ho-tich,2,3,5,4,3,1,2,99999999999999999999",
            "phuong-1,2021-12,ho-tich,2,3,5,4,3,1.5,2,0",
            "phuong-1,2022-01,ho-tich,-1,3,5,4,3,x,2,0",
        ].joined(separator: "\n")
        let log = DiagnosticLog()
        let rows = D.rows(text, file: file, log: log)
        #expect(
            log.headlines == [
                "\(file):2:36: error: resolved_late is not a whole number (\"12,5\")",
                "\(file):3:36: error: resolved_late is negative (-3)",
                "\(file):4:36: error: resolved_late is empty",
                "\(file):6:26: error: carried_over is not a whole number (\"1.234\")",
                "\(file):7:1: error: row has 10 cells, the header has 11",
                "\(file):9:1: error: row has 12 cells, the header has 11",
                "\(file):10:28: error: received_online is not a whole number (\"+3\")",
                "\(file):11:40: error: pending_overdue is too large (\"99999999999999999999\")",
                "\(file):12:36: error: resolved_late is not a whole number (\"1.5\")",
                "\(file):13:26: error: carried_over is negative (-1)",
                "\(file):13:37: error: resolved_late is not a whole number (\"x\")",
            ])
        #expect(
            log.hints["\(file):4:36: error: resolved_late is empty"] == "write 0 if there were none"
        )
        #expect(
            log.hints["\(file):6:26: error: carried_over is not a whole number (\"1.234\")"]
                == "write counts as plain digits, without a thousands separator: 1234")
        // Only the row with spaces around a count is read.
        #expect(rows.map(\.period.key) == ["2021-06"])
        #expect(rows.first.map { D.value($0, "carried_over") } == 2)
    }

    @Test func countsBeyond32BitsAreKept() throws {
        // Tables keep counts in 32 bits; a larger count goes to a side table, wherever it travels.
        let log = DiagnosticLog()
        let big = 3_000_000_000
        let rows = D.rows(
            D.dossiersHeader
                + "\nphuong-1,2021-03,ho-tich,0,\(big),0,\(big),0,0,0,0\nphuong-1,2021-04,ho-tich,0,1,0,1,0,0,0,0\n",
            file: "a.csv", log: log)
        #expect(log.all.isEmpty)
        let row = try #require(rows.first)
        #expect(D.value(row, "received_online") == big && D.value(row, "resolved_early") == big)
        let table = MetricTable(schema: dossiers, rows: rows, files: ["a.csv"])
        #expect(MetricsValidator.validate([table], log: log) == [table])
        #expect(log.all.isEmpty)
        var writer = BinaryWriter()
        MetricTableCoding.write([table], to: &writer)
        var reader = BinaryReader(writer.data)
        #expect(MetricTableCoding.read(&reader, schemas: BuiltInDatasets.all) == [table])
        let figures = DatasetFigures(table)
        #expect(
            figures.counts(unit: "phuong-1", span: .quarter(2021, 2)).sums[
                dossiers.columnIndex("resolved_early")!] == 1)
        #expect(
            figures.counts(unit: nil, span: .year(2021, through: 4)).sums[
                dossiers.columnIndex("resolved_early")!] == big + 1)
        // The same rows in any order make the same table.
        #expect(MetricTable(schema: dossiers, rows: rows.reversed(), files: ["a.csv"]) == table)
        #expect(Array(table.keeping([1]).rows) == [rows[1]])
    }

    @Test func emptyOptionalCellIsAbsent() {
        let log = DiagnosticLog()
        let rows = D.rows(
            "unit,period,field,received_total,withdrawn,"
                + D.dossiersHeader.split(separator: ",").dropFirst(3).joined(separator: ",")
                + "\nphuong-1,2021-03,ho-tich,,0,2,3,5,4,3,1,2,0\nphuong-1,2021-04,ho-tich, 10 ,,2,3,5,4,3,1,2,0\n",
            file: "a.csv", log: log)
        #expect(log.all.isEmpty)
        #expect(rows.map { D.value($0, "received_total") } == [nil, 10])
        #expect(rows.map { D.value($0, "withdrawn") } == [0, nil])
    }

    @Test func keyCells() {
        let counts = ",2,3,5,4,3,1,2,0"
        let text = [
            D.dossiersHeader,
            "phuong-2,2021-03,ho-tich" + counts,
            "phuong-1,2021-3,ho-tich" + counts,
            "phuong-1,2021,ho-tich" + counts,
            "phuong-1,2021-03,hotich" + counts,
            "Phường 1,2021-Q2,Hộ tịch" + counts,
            ",2021-03,ho-tich" + counts,
            "phuong-1,,ho-tich" + counts,
            "phuong-1,2021-03," + counts,
            "phuong-3,2021-13,ho-tich" + counts,
        ].joined(separator: "\n")
        let file = "Content/metrics/dossiers/2021-03.csv"
        let log = DiagnosticLog()
        let rows = D.rows(text, file: file, log: log)
        let month = "must be a month (YYYY-MM) or a quarter (YYYY-Qn)"
        #expect(
            log.headlines == [
                "\(file):2:1: error: unknown unit \"phuong-2\"",
                "\(file):3:10: error: period \"2021-3\" \(month)",
                "\(file):4:10: error: period \"2021\" \(month)",
                "\(file):5:18: error: unknown field \"hotich\"",
                "\(file):7:1: error: unit is empty",
                "\(file):8:10: error: period is empty",
                "\(file):9:18: error: field is empty",
                "\(file):10:10: error: period \"2021-13\" \(month)",
            ])
        #expect(
            log.hints["\(file):2:1: error: unknown unit \"phuong-2\""]
                == "did you mean \"phuong-1\"?")
        #expect(
            log.hints["\(file):5:18: error: unknown field \"hotich\""]
                == "did you mean \"ho-tich\"?")
        #expect(
            log.hints["\(file):3:10: error: period \"2021-3\" \(month)"]
                == "e.g. 2021-03 or 2021-Q1")
        #expect(
            rows.map { "\($0.unit) \($0.period) \($0.field ?? "")" } == ["phuong-1 2021-Q2 ho-tich"]
        )
    }

    @Test func periodsOfQuarterAndYearDatasets() {
        let quarterly = DatasetSchema(
            id: "spot", title: "Kiểm tra đột xuất", byField: false, granularity: .quarter,
            columns: [ColumnSpec("par_units", title: "Số đơn vị")], measures: [], builtIn: false)
        var yearly = quarterly
        yearly.granularity = .year
        let text =
            "unit,period,par_units\nphong-noi-vu,2021-03,1\nphong-noi-vu,2021-Q1,1\nphong-noi-vu,2021,1\n"
        let log = DiagnosticLog()
        let quarters = D.rows(text, file: "q.csv", schema: quarterly, log: log)
        let years = D.rows(text, file: "y.csv", schema: yearly, log: log)
        #expect(
            log.headlines == [
                "q.csv:2:14: error: period \"2021-03\" must be a quarter (YYYY-Qn)",
                "q.csv:4:14: error: period \"2021\" must be a quarter (YYYY-Qn)",
                "y.csv:2:14: error: period \"2021-03\" must be a year (YYYY)",
                "y.csv:3:14: error: period \"2021-Q1\" must be a year (YYYY)",
            ])
        #expect(quarters.map(\.period) == [.quarter(year: 2021, quarter: 1)])
        #expect(years.map(\.period) == [.year(2021)])
    }

    @Test func foldersNameDatasets() throws {
        let fixture = try MetricsFixture([
            "metrics/README.md": "# Số liệu\n",
            "metrics/stray.csv": "unit,period\n",
            "metrics/dosiers/2021-01.csv": D.dossiersHeader + "\n",
            "metrics/dosiers/2021-02.csv": D.dossiersHeader + "\n",
            "metrics/chỉ-số/2021-01.csv": "unit,period\n",
            "metrics/feedback/ghi-chu.txt": "không phải CSV\n",
            "metrics/dossiers/2021/2021-03.csv": D.dossiersHeader
                + "\nphuong-1,2021-03,ho-tich,2,3,5,4,3,1,2,0\n",
        ])
        let log = DiagnosticLog()
        let tables = fixture.load(log: log)
        #expect(
            log.headlines == [
                "Content/metrics/chỉ-số/2021-01.csv:1:1: error: unknown dataset \"chỉ-số\" (folder metrics/chỉ-số)",
                "Content/metrics/dosiers/2021-01.csv:1:1: error: unknown dataset \"dosiers\" (folder metrics/dosiers)",
                "Content/metrics/stray.csv:1:1: error: metric file outside a dataset folder",
            ])
        let hints = log.all.compactMap(\.hint)
        #expect(
            hints == [
                "the datasets are dossiers, satisfaction, feedback, online; declare others in datasets.yml",
                "did you mean \"dossiers\"?",
                "move it into metrics/<dataset>/, e.g. metrics/dossiers/",
            ])
        // Files in subfolders belong to the first folder's dataset; non-CSV files are ignored.
        #expect(tables.map(\.schema.id) == ["dossiers"])
        #expect(tables.first?.files == ["Content/metrics/dossiers/2021/2021-03.csv"])
        #expect(tables.first?.rows.count == 1)
    }

    @Test func rowsAreSortedAndTablesFollowTheSchemas() throws {
        let counts = ",2,3,5,4,3,1,2,0"
        let fixture = try MetricsFixture([
            "metrics/dossiers/2021-02.csv": D.dossiersHeader
                + "\nphuong-3,2021-02,ho-tich\(counts)\nphuong-1,2021-02,ho-tich\(counts)\n",
            "metrics/dossiers/2021-01.csv": D.dossiersHeader
                + "\nphuong-1,2021-01,ho-tich\(counts)\nphuong-1,2021-01,dat-dai\(counts)\n",
            "metrics/feedback/2021-01.csv": D.feedbackHeader + "\nphuong-1,2021-01,0,1,1,0,0,0,1\n",
            "metrics/satisfaction/2021-01.csv":
                "unit,period,field,very_satisfied,satisfied,dissatisfied\n",
        ])
        let log = DiagnosticLog()
        let tables = fixture.load(log: log)
        #expect(log.all.isEmpty)
        #expect(tables.map(\.schema.id) == ["dossiers", "satisfaction", "feedback"])
        #expect(
            tables[0].files == [
                "Content/metrics/dossiers/2021-01.csv", "Content/metrics/dossiers/2021-02.csv",
            ])
        #expect(
            tables[0].rows.map { "\($0.unit) \($0.field ?? "") \($0.period)" } == [
                "phuong-1 dat-dai 2021-01", "phuong-1 ho-tich 2021-01", "phuong-1 ho-tich 2021-02",
                "phuong-3 ho-tich 2021-02",
            ])
        #expect(tables[1].rows.isEmpty)
        #expect(tables[2].rows.first?.field == nil)
        // Files are read in parallel; the result is the same every time.
        for _ in 0..<5 { #expect(fixture.load(log: DiagnosticLog()) == tables) }
    }

    @Test func emptyFileIsAWarning() throws {
        let fixture = try MetricsFixture(["metrics/online/2021-03.csv": "\n\n"])
        let log = DiagnosticLog()
        let tables = fixture.load(log: log)
        #expect(
            log.headlines == [
                "Content/metrics/online/2021-03.csv:1:1: warning: empty file: no header row"
            ])
        #expect(tables.map(\.files) == [["Content/metrics/online/2021-03.csv"]])
    }

    @Test func notUTF8() throws {
        let fixture = try MetricsFixture()
        try fixture.write(
            "metrics/online/2021-03.csv",
            Data("unit,period,procedures_total,level3,level4\nph".utf8) + Data([0xFF])
                + Data("\n".utf8))
        let log = DiagnosticLog()
        _ = fixture.load(log: log)
        #expect(
            log.headlines == [
                "Content/metrics/online/2021-03.csv:2:3: error: file is not valid UTF-8 (byte 0xFF at offset 45)"
            ])
    }

    @Test func declaredDatasetEndToEnd() throws {
        let fixture = try MetricsFixture([
            "datasets.yml": """
            - id: portal
              title: "Phản ánh qua Cổng 1022"
              period: month
              reported_by: { kinds: [ward] }
              columns:
                - { name: received, title: "Số phản ánh nhận được", type: integer }
                - { name: handled_on_time, title: "Số đã xử lý đúng hạn", type: integer }
                - { name: note, title: "Ghi chú", type: text }
              measures:
                - id: on_time_rate
                  title: "Tỷ lệ xử lý đúng hạn"
                  formula: { ratio: { numerator: [handled_on_time], denominator: [received] } }
                  denominator_label: "phản ánh nhận được"
            """,
            "metrics/portal/2021-03.csv":
                "Đơn vị,Kỳ báo cáo,Số phản ánh nhận được,Số đã xử lý đúng hạn,Ghi chú\n"
                + "phuong-1,2021-03,3,2,\"Đã xử lý,\ncòn 1 phản ánh\"\n"
                + "phuong-3,2021-03,3,5,\n"
                + "phuong-3,2021-Q1,3,1,\n",
        ])
        let log = DiagnosticLog()
        let declarations = DatasetDeclarationLoader.loadDeclarations(
            fixture.content, unitIDs: D.units.map(\.id), log: log)
        let schema = try #require(declarations.schemas.first)
        #expect(
            schema
                == DatasetSchema(
                    id: "portal", title: "Phản ánh qua Cổng 1022", byField: false,
                    granularity: .monthOrQuarter,
                    columns: [
                        ColumnSpec("received", title: "Số phản ánh nhận được"),
                        ColumnSpec("handled_on_time", title: "Số đã xử lý đúng hạn"),
                    ],
                    measures: [
                        Measure(
                            id: "on_time_rate", title: "Tỷ lệ xử lý đúng hạn",
                            formula: .ratio(
                                numerator: ["handled_on_time"], denominator: ["received"]),
                            denominatorLabel: "phản ánh nhận được")
                    ],
                    bounds: [Bound(part: ["handled_on_time"], whole: ["received"])],
                    reportedBy: .kinds([.ward]), builtIn: false,
                    location: SourceLocation(file: "Content/datasets.yml", line: 1, column: 3)))
        #expect(
            declarations.textColumns == ["portal": [TextColumnSpec(name: "note", title: "Ghi chú")]]
        )

        let tables = fixture.load(
            schemas: BuiltInDatasets.all + declarations.schemas,
            textColumns: declarations.textColumns, log: log)
        #expect(log.all.isEmpty)  // the text column is accepted without a word
        #expect(tables.map(\.schema.id) == ["portal"])
        #expect(tables[0].rows.map(\.values) == [[3, 2], [3, 5], [3, 1]])
        let checked = MetricsValidator.validate(tables, log: log)
        #expect(
            log.headlines == [
                "Content/metrics/portal/2021-03.csv:4:1: error: handled_on_time (5) exceeds received (3)",
                "Content/metrics/portal/2021-03.csv:5:1: error: 2021-Q1 and its months (2021-03) are both given for unit phuong-3",
            ])
        #expect(checked[0].rows.map(\.unit) == ["phuong-1"])
    }

    @Test func contentFolderOfTheRepositoryLoadsWithoutErrors() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        var content = ContentDirectory(path: root.appendingPathComponent("Content").path)
        content.displayName = "Content"
        let log = DiagnosticLog()
        let units = UnitsLoader.loadUnits(content, log: log)
        let fields = UnitsLoader.loadFields(content, log: log)
        let declarations = DatasetDeclarationLoader.loadDeclarations(
            content, unitIDs: units.map(\.id), log: log)
        let schemas = BuiltInDatasets.all + declarations.schemas
        let tables = MetricsLoader.load(
            content, schemas: schemas, units: units, fields: fields,
            textColumns: declarations.textColumns, log: log)
        let checked = MetricsValidator.validate(tables, log: log)
        #expect(log.all.map(\.description) == [])
        #expect(
            declarations.schemas.map(\.id) == [
                "inspections", "spot_inspections", "e_office", "e_payment", "portal_1022",
            ])
        #expect(Set(tables.map(\.schema.id)) == Set(schemas.map(\.id)))
        #expect(checked == tables)
        #expect(tables.allSatisfy { !$0.rows.isEmpty })
        let dossierRows = try #require(tables.first { $0.schema.id == "dossiers" }).rows
        #expect(
            Set(dossierRows.map(\.period))
                == Set((1...10).map { Period.month(year: 2021, month: $0) }))
    }
}
