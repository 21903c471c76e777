import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// The CSV grammar of metric files (quotes, separators, line ends, places), seen as a build sees
/// it: each file written into a `Content/metrics/satisfaction/` folder and loaded by
/// `MetricsLoader.load`, a cell's text and place shown by the diagnostic that names it.
@Suite struct MetricsCSVGrammarTests {
    static let file = "Content/metrics/satisfaction/2021-03.csv"
    static let header = "unit,period,field,very_satisfied,satisfied,dissatisfied"

    /// Loads `bytes` as the only metric file: its rows, what the loader said as headlines without
    /// the file's name (`2:1: error: …`), and the hints.
    private func load(_ bytes: Data) throws -> (rows: [MetricRow], said: [String], hints: [String])
    {
        let fixture = try MetricsFixture()
        try fixture.write("metrics/satisfaction/2021-03.csv", bytes)
        let log = DiagnosticLog()
        let tables = fixture.load(log: log)
        let said = log.headlines.map { $0.replacingOccurrences(of: Self.file + ":", with: "") }
        return (tables.first.map { Array($0.rows) } ?? [], said, log.all.compactMap(\.hint))
    }

    private func load(_ text: String) throws -> (rows: [MetricRow], said: [String], hints: [String])
    {
        try load(Data(text.utf8))
    }

    @Test func quotedCellsHoldSeparatorsQuotesAndLineBreaks() throws {
        let loaded = try load(
            "unit,field,very_satisfied,period,satisfied,dissatisfied\n"
                + "\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\",2021-03,1,2\n"
                + "phuong-1,ho-tich,7,2021-03,8,x\n")
        #expect(
            loaded.said == [
                "2:1: error: unknown unit \"x, y\"",
                "2:8: error: unknown field \"say \"hi\"\"",
                "2:21: error: very_satisfied is not a whole number (\"two\\nlines\")",
                // The record after a cell with a line break starts on the line after it.
                "4:30: error: dissatisfied is not a whole number (\"x\")",
            ])
        #expect(loaded.rows.isEmpty)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let loaded = try load(
            "Đơn vị,Kỳ báo cáo,Lĩnh vực,x,Rất hài lòng,Hài lòng,Không hài lòng\n"
                + "phường-9,2021-13,\"Hộ tịch x\",y,z,1,1\n")
        #expect(
            loaded.said == [
                "1:28: warning: unknown column \"x\" is ignored",
                "2:1: error: unknown unit \"phường-9\"",
                "2:10: error: period \"2021-13\" must be a month (YYYY-MM) or a quarter (YYYY-Qn)",
                "2:18: error: unknown field \"Hộ tịch x\"",
                "2:32: error: very_satisfied is not a whole number (\"z\")",
            ])
    }

    @Test func byteOrderMarkAndCRLF() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(
            Data(
                ("unit,Ghi chú,period,field,very_satisfied,satisfied,dissatisfied\r\n"
                    + "phuong-1,,\"2021-03\",ho-tich,1,2,3\r\n"
                    + "\"x\r\ny\",,2021-13,ho-tich,1,2,3\r\n\r\n").utf8))
        let loaded = try load(data)
        // The mark is not a character of the first line; CRLF inside quotes becomes LF, and the
        // cell after it is on the next line.
        #expect(
            loaded.said == [
                "1:6: warning: unknown column \"Ghi chú\" is ignored",
                "3:1: error: unknown unit \"x\ny\"",
                "4:5: error: period \"2021-13\" must be a month (YYYY-MM) or a quarter (YYYY-Qn)",
            ])
        #expect(loaded.rows.map(\.unit) == ["phuong-1"])
        #expect(loaded.rows.map(\.values) == [[1, 2, 3, nil]])
        #expect(loaded.rows.map(\.location.line) == [2])
    }

    @Test func semicolonExport() throws {
        // Excel in a Vietnamese locale separates with ";" and quotes titles that hold a comma.
        let loaded = try load(
            "Đơn vị;Kỳ báo cáo;Lĩnh vực;Rất hài lòng;Hài lòng;Không hài lòng;\"Ghi chú, nếu có\"\n"
                + "phuong-1;2021-03;ho-tich;5;6;0;\"a;b, c\"\n"
                + "phuong-3;2021-03;dat-dai;5;6;x;\n")
        #expect(
            loaded.said == [
                "1:65: warning: unknown column \"Ghi chú, nếu có\" is ignored",
                "3:30: error: dissatisfied is not a whole number (\"x\")",
            ])
        #expect(loaded.rows.map(\.values) == [[5, 6, 0, nil]])
        // A comma anywhere outside quotes in the header keeps the comma.
        let comma = try load(
            "unit,period,field,very_satisfied,satisfied,dissatisfied;note\n"
                + "phuong-1,2021-03,ho-tich,1,2,3;4\n")
        #expect(
            comma.said == [
                "1:1: error: missing column dissatisfied (\"Không hài lòng\")",
                "1:44: warning: unknown column \"dissatisfied;note\" is ignored",
            ])
    }

    @Test func unterminatedQuoteIsReportedAtTheOpeningQuote() throws {
        let loaded = try load(
            Self.header + "\nphuong-1,2021-03,ho-tich,1,2,3\n"
                + "phuong-3,\"2021-03,dat-dai,1,2,3\nphuong-1,2021-04,ho-tich,1,1,1\n")
        #expect(loaded.said == ["3:10: error: quoted cell is never closed"])
        #expect(
            loaded.hints
                == ["a cell that starts with \" must end with \"; write \"\" for a quote inside it"]
        )
        // The unfinished record is dropped, and what follows it; the ones before it stay.
        #expect(loaded.rows.map(\.location.line) == [2])
    }

    @Test func blankLinesAndLineEnds() throws {
        // Blank lines (trailing, leading, between records) are skipped; lines keep their numbers.
        let blank = try load("\n" + Self.header + ",x\n\nphuong-1,2021-03,ho-tich,1,2,3,\n\n\n")
        #expect(blank.said == ["2:57: warning: unknown column \"x\" is ignored"])
        #expect(blank.rows.map(\.location.line) == [4])
        // A lone CR (old Mac exports) ends a line too; a last line without a line end is read.
        let mac = try load(
            Self.header + "\rphuong-1,2021-03,ho-tich,1,2,3\rphuong-3,2021-03,ho-tich,4,5,6")
        #expect(mac.said == [])
        #expect(mac.rows.map(\.location.line) == [2, 3])
        #expect(mac.rows.map(\.values) == [[1, 2, 3, nil], [4, 5, 6, nil]])
        // Empty cells, also at the end of a line; a row of empty cells is no row.
        let empty = try load(Self.header + "\n,,,,,\nphuong-1,2021-03,ho-tich,1,,\n")
        #expect(
            empty.said == [
                "3:28: error: satisfied is empty", "3:29: error: dissatisfied is empty",
            ])
        #expect(try load("").said == ["1:1: warning: empty file: no header row"])
    }

    @Test func textAfterAClosingQuoteIsKept() throws {
        let loaded = try load(Self.header + "\nphuong-1,2021-03,ho-tich,\"12\"3,1,1\n")
        #expect(loaded.said == [])
        #expect(loaded.rows.map(\.values) == [[123, 1, 1, nil]])
    }

    /// A file of national size reads whole, every record and column in place. Its speed is
    /// measured by `scripts/bench`, not here: unit tests share the machine and assert no timings.
    @Test func readsTenMegabytes() throws {
        let line = "phuong-1,2021-03,\"ho-tich\",12,345,678\n"
        let count = 10_000_000 / line.utf8.count + 1
        let loaded = try load(
            Self.header + "\n" + String(repeating: line, count: count)
                + "phuong-3,2021-03,\"dat-dai\",12,345,67x\n")
        #expect(loaded.rows.count == count)
        #expect(loaded.rows.last?.location.line == count + 1)
        #expect(loaded.rows.last?.values == [12, 345, 678, nil])
        #expect(
            loaded.said == ["\(count + 2):35: error: dissatisfied is not a whole number (\"67x\")"])
    }
}
