import CongkhaiImport
import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

@Suite("CSV exports in the encodings offices use")
struct EncodingTests {
    /// The form as an older one-door system writes it in CSV: title rows, the header on three
    /// rows (merged cells repeated), column numbers, Tổng số, a group row, fields, signatures.
    static func formCSV(
        separator: String = ";", unit: String = "UBND Phường 5", name: String = "Hộ tịch"
    ) -> String {
        let s = separator
        let rows: [[String]] = [
            [
                "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP", "", "", "", "", "", "", "", "", "", "", "", "",
                "Biểu số 06a/VPCP/KSTT",
            ],
            [
                "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
            ],
            ["Kỳ báo cáo: Tháng 11 năm 2021"],
            ["(Từ ngày 01/11/2021 đến ngày 30/11/2021)"],
            ["Đơn vị báo cáo: \(unit)"],
            ["Đơn vị nhận báo cáo: UBND quận Gò Vấp"],
            ["Đơn vị tính: Số hồ sơ TTHC"],
            [
                "STT", "Lĩnh vực, công việc giải quyết theo cấp", "Số hồ sơ nhận giải quyết",
                "Số hồ sơ nhận giải quyết", "Số hồ sơ nhận giải quyết", "Số hồ sơ nhận giải quyết",
                "Kết quả giải quyết", "Kết quả giải quyết", "Kết quả giải quyết",
                "Kết quả giải quyết", "Kết quả giải quyết", "Kết quả giải quyết",
                "Kết quả giải quyết", "Ghi chú",
            ],
            [
                "", "", "Tổng số", "Trong đó", "", "", "Số hồ sơ đã giải quyết", "", "", "",
                "Số hồ sơ đang giải quyết", "", "", "",
            ],
            [
                "", "", "", "Số kỳ trước chuyển qua", "Số mới tiếp nhận trực tuyến",
                "Số mới tiếp nhận (trực tiếp, dịch vụ bưu chính)",
                "Tổng số", "Trả trước hạn", "Trả đúng thời hạn", "Trả quá hạn", "Tổng số",
                "Chưa đến hạn", "Quá hạn", "",
            ],
            [
                "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)",
                "(12)", "(13)", "(14)",
            ],
            [
                "", "Tổng số", "1.252", "6", "12", "1.234", "1.202", "800", "400", "2", "50", "50",
                "",
            ],
            ["I", "Cấp xã", "", "", "", "", "", "", "", "", "", "", "", ""],
            [
                "1", name, "1.252", "6", "12", "1.234", "1.202", "800", "400", "2", "50", "50", "",
                "",
            ],
            [],
            ["", "NGƯỜI LẬP BIỂU", "", "", "", "", "", "", "", "", "CHỦ TỊCH"],
            ["", "(Ký, ghi rõ họ tên)", "", "", "", "", "", "", "", "", "(Ký tên, đóng dấu)"],
        ]
        return rows.map { $0.map { $0.contains(s) ? "\"\($0)\"" : $0 }.joined(separator: s) }
            .joined(separator: "\r\n") + "\r\n"
    }

    static let expected = "phuong-5,2021-11,ho-tich,6,12,1234,800,400,2,50,0\n"

    func imported(
        _ data: Data, encoding: TextEncoding? = nil
    ) throws -> (ImportFixture, ImportResult) {
        let site = try ImportFixture()
        try site.write("exports/bieu.csv", data)
        return (site, site.importing(["exports/bieu.csv"], encoding: encoding))
    }

    @Test("Windows-1258 with ; and CRLF: combining tone marks become NFC")
    func windows1258() throws {
        // Real bytes: "Hộ tịch" is H ô(F4) dot-below(F2), t i dot-below(F2) c h.
        let sample: [UInt8] = [0x48, 0xF4, 0xF2, 0x20, 0x74, 0x69, 0xF2, 0x63, 0x68]
        let decoded = try TextDecoding.decode(Data(sample)).get()
        #expect(decoded.encoding == .windows1258)
        #expect(decoded.text == "Hộ tịch")
        #expect(decoded.text.unicodeScalars.count == 7, "composed (NFC)")

        let bytes = try #require(iconvEncode(Self.formCSV(), to: "CP1258"))
        let (site, result) = try imported(bytes)
        #expect(result.diagnostics.map { $0.shown(in: site) } == [])
        #expect(site.read("Content/metrics/dossiers/2021-11.csv")?.hasSuffix(Self.expected) == true)
    }

    @Test("UTF-16 with a byte-order mark (Excel's Unicode Text, tab-separated)")
    func utf16() throws {
        let text = Self.formCSV(separator: "\t")
        var data = Data([0xFF, 0xFE])
        for unit in text.utf16 { data.append(UInt8(unit & 0xFF)); data.append(UInt8(unit >> 8)) }
        let (site, result) = try imported(data)
        #expect(result.diagnostics.map { $0.shown(in: site) } == [])
        #expect(site.read("Content/metrics/dossiers/2021-11.csv")?.hasSuffix(Self.expected) == true)
    }

    @Test("UTF-8 with a byte-order mark, and a comma-separated form")
    func utf8() throws {
        let (site, result) = try imported(
            Data([0xEF, 0xBB, 0xBF]) + Data(Self.formCSV(separator: ",").utf8))
        #expect(result.diagnostics.map { $0.shown(in: site) } == [])
        #expect(site.read("Content/metrics/dossiers/2021-11.csv")?.hasSuffix(Self.expected) == true)
    }

    @Test("TCVN3 (ABC): detected and converted")
    func tcvn3() throws {
        // Real bytes of the ABC fonts: "Cộng hoà xã hội chủ nghĩa Việt Nam".
        let motto: [UInt8] = [
            0x43, 0xE9, 0x6E, 0x67, 0x20, 0x68, 0x6F, 0xB5, 0x20, 0x78, 0xB7, 0x20, 0x68, 0xE9,
            0x69, 0x20,
            0x63, 0x68, 0xF1, 0x20, 0x6E, 0x67, 0x68, 0xDC, 0x61, 0x20, 0x56, 0x69, 0xD6, 0x74,
            0x20, 0x4E, 0x61, 0x6D,
        ]
        let decoded = try TextDecoding.decode(Data(motto)).get()
        #expect(decoded.encoding == .tcvn3)
        #expect(decoded.text == "Cộng hoà xã hội chủ nghĩa Việt Nam")
        // "Đơn vị" is § ¬ n  v Þ.
        #expect(
            try TextDecoding.decode(Data([0xA7, 0xAC, 0x6E, 0x20, 0x76, 0xDE]), as: .tcvn3).get()
                .text == "Đơn vị")

        // ABC has lowercase toned letters only; its uppercase fonts use the same codes.
        let bytes = try #require(iconvEncode(Self.formCSV().lowercased(), to: "TCVN5712-1"))
        let (site, result) = try imported(bytes)
        #expect(result.diagnostics.map { $0.shown(in: site) } == [])
        #expect(site.read("Content/metrics/dossiers/2021-11.csv")?.hasSuffix(Self.expected) == true)
    }

    @Test("a period no calendar has (Tháng 13) is an error at its cell, not read from the dates")
    func impossibleMonth() throws {
        let text = Self.formCSV(separator: ",").replacingOccurrences(
            of: "Kỳ báo cáo: Tháng 11 năm 2021", with: "Kỳ báo cáo: Tháng 13 năm 2021")
        let (site, result) = try imported(Data(text.utf8))
        #expect(
            result.diagnostics.map { $0.shown(in: site) } == [
                "exports/bieu.csv:3:1: error: \"Kỳ báo cáo: Tháng 13 năm 2021\" names no month\n    note: a month is 1 to 12, a quarter I to IV; correct the form, then export again"
            ])
        #expect(!result.succeeded)
        #expect(site.read("Content/metrics/dossiers/2021-11.csv") == nil)
        #expect(
            result.diagnostics.first?.rendered(in: .vietnamese).contains(
                "\"Kỳ báo cáo: Tháng 13 năm 2021\" không phải là một tháng") == true)
    }

    @Test("--encoding overrides detection; a wrong one is named in the error")
    func chosen() throws {
        let (site, result) = try imported(Data([0x48, 0xF4, 0xF2, 0x0A, 0xFF]), encoding: .utf8)
        #expect(
            result.diagnostics.map { $0.shown(in: site) } == [
                "exports/bieu.csv: error: the file is not UTF-8 (byte 2)\n    note: give the encoding with --encoding utf-8, utf-16, windows-1258 or tcvn3"
            ])
    }

    @Test("a cell that is not a count is an error at its line and column")
    func badCell() throws {
        let text = Self.formCSV(separator: ";").replacingOccurrences(
            of: "1;Hộ tịch;1.252;6;12;1.234", with: "1;Hộ tịch;1.252;6;12;1,2x")
        let (site, result) = try imported(Data(text.utf8))
        #expect(
            result.diagnostics.map { $0.shown(in: site) }.first
                == "exports/bieu.csv:14:22: error: received_offline is not a whole number (\"1,2x\")\n    note: write the count in digits; an empty cell counts as 0"
        )
    }

    func iconvEncode(_ text: String, to encoding: String) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }
}
