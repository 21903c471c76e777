import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

@Suite struct MetricsCSVReaderTests {
    private func parse(_ text: String, log: DiagnosticLog = DiagnosticLog()) -> CSVDocument {
        CSVReader.parse(text, file: "a.csv", log: log)
    }

    private func cells(_ record: CSVRecord) -> [String] { record.cells.map(\.text) }
    private func places(_ record: CSVRecord) -> [String] {
        record.cells.map { "\($0.line):\($0.column)" }
    }

    @Test func quotedCellsHoldSeparatorsQuotesAndLineBreaks() {
        let log = DiagnosticLog()
        let document = parse("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,2,3\n", log: log)
        #expect(log.all.isEmpty)
        #expect(document.separator == ",")
        #expect(document.records.count == 3)
        #expect(cells(document.records[1]) == ["x, y", "say \"hi\"", "two\nlines"])
        #expect(places(document.records[1]) == ["2:1", "2:8", "2:21"])
        #expect(document.records[1].cells.allSatisfy { $0.quoted })
        // The record after a cell with a line break starts on the line after it.
        #expect(document.records[2].line == 4)
        #expect(places(document.records[2]) == ["4:1", "4:3", "4:5"])
    }

    @Test func columnsCountCharactersNotBytes() {
        let document = parse("Đơn vị,Kỳ báo cáo,x\nphường-1,2021-03,\"Hộ tịch\",y\n")
        #expect(places(document.records[0]) == ["1:1", "1:8", "1:19"])
        #expect(places(document.records[1]) == ["2:1", "2:10", "2:18", "2:28"])
        #expect(cells(document.records[1]) == ["phường-1", "2021-03", "Hộ tịch", "y"])
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let fixture = try MetricsFixture()
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("unit,period\r\nphuong-1,\"2021-03\"\r\n\"a\r\nb\",c\r\n\r\n".utf8))
        try fixture.write("x.csv", data)
        let log = DiagnosticLog()
        let document = try #require(
            CSVReader.read(at: fixture.content.url("x.csv"), displayPath: "Content/x.csv", log: log)
        )
        #expect(log.all.isEmpty)
        #expect(document.records.map(\.line) == [1, 2, 3])
        #expect(cells(document.records[0]) == ["unit", "period"])
        #expect(places(document.records[0]) == ["1:1", "1:6"])
        #expect(cells(document.records[1]) == ["phuong-1", "2021-03"])
        #expect(places(document.records[1]) == ["2:1", "2:10"])
        // CRLF inside a quoted cell becomes LF; the cell after it is on the next line.
        #expect(cells(document.records[2]) == ["a\nb", "c"])
        #expect(places(document.records[2]) == ["3:1", "4:4"])
    }

    @Test func semicolonExport() {
        // Excel in a Vietnamese locale separates with ";" and quotes titles that hold a comma.
        let document = parse(
            "\"Trực tiếp, dịch vụ bưu chính\";Đơn vị;Ghi chú\n5;phuong-1;\"a;b, c\"\n")
        #expect(document.separator == ";")
        #expect(
            cells(document.records[0]) == ["Trực tiếp, dịch vụ bưu chính", "Đơn vị", "Ghi chú"])
        #expect(cells(document.records[1]) == ["5", "phuong-1", "a;b, c"])
        #expect(places(document.records[1]) == ["2:1", "2:3", "2:12"])
        // A comma anywhere outside quotes in the header keeps the comma.
        #expect(parse("a,b;c\n1,2;3\n").separator == ",")
        #expect(cells(parse("a,b;c\n1,2;3\n").records[1]) == ["1", "2;3"])
    }

    @Test func unterminatedQuoteIsReportedAtTheOpeningQuote() {
        let log = DiagnosticLog()
        let document = parse("a,b\n1,2\n3,\"open\n4,5\n", log: log)
        #expect(log.headlines == ["a.csv:3:3: error: quoted cell is never closed"])
        #expect(
            log.all.first?.hint
                == "a cell that starts with \" must end with \"; write \"\" for a quote inside it")
        // The unfinished record is dropped; the ones before it stay.
        #expect(document.records.map(cells) == [["a", "b"], ["1", "2"]])
    }

    @Test func blankLinesAndLineEnds() {
        // Blank lines (trailing, leading, between records) are skipped; lines keep their numbers.
        let document = parse("\na,b\n\n1,2\n\n\n")
        #expect(document.records.map(\.line) == [2, 4])
        // A lone CR (old Mac exports) ends a line too; a last line without a line end is read.
        let mac = parse("a,b\rc,d\re,f")
        #expect(mac.records.map(cells) == [["a", "b"], ["c", "d"], ["e", "f"]])
        #expect(mac.records.map(\.line) == [1, 2, 3])
        // Empty cells, also at the end of a line.
        let empty = parse("a,b,c\n,,\n1,,\n")
        #expect(empty.records.map(cells) == [["a", "b", "c"], ["", "", ""], ["1", "", ""]])
        #expect(empty.records[1].isBlank && !empty.records[2].isBlank)
        #expect(parse("").records.isEmpty)
    }

    @Test func textAfterAClosingQuoteIsKept() {
        let document = parse("a,b\n\"12\"3,x\n")
        #expect(cells(document.records[1]) == ["123", "x"])
    }

    /// A file of national size reads whole, every record and column in place. Its speed is
    /// measured by `scripts/bench`, not here: unit tests share the machine and assert no timings.
    @Test func readsTenMegabytes() {
        let line = "phuong-12,2021-03,\"dat-dai\",12,345,678,90,12,3,45,6\n"
        let count = 10_000_000 / line.utf8.count + 1
        let text = String(repeating: line, count: count)
        let log = DiagnosticLog()
        let document = CSVReader.parse(text, file: "big.csv", log: log)
        #expect(document.records.count == count)
        #expect(document.records.last?.cells.count == 11)
        #expect(document.records.last?.cells[10].column == 51)
        #expect(log.all.isEmpty)
    }
}
