import CongkhaiCommands
import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// `congkhai template` and `congkhai import` as a clerk runs them, in Vietnamese.
@Suite struct ImportCommandLineTests {
    static func run(_ arguments: [String]) -> CommandLineTests.Run {
        let capture = CommandLineTests.Capture()
        let console = Console(
            out: { capture.add(out: $0) }, err: { capture.add(err: $0) }, showsProgress: false)
        let status = Congkhai.execute(arguments, console: console)
        let (out, err) = capture.texts
        return CommandLineTests.Run(status: status, out: out, err: err)
    }

    @Test func aClerkMakesTheTemplateImportsItBlankThenImportsTheExport() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Content/fields.yml": "- id: ho-tich\n  name: \"Hộ tịch\"\n",
                "Content/metrics/dossiers/2021-10.csv":
                    "unit,period,field,carried_over,received_online,received_offline,resolved_early,resolved_on_time,resolved_late,pending_in_time,pending_overdue\nphuong-1,2021-10,ho-tich,0,1,10,5,4,0,2,0\n",
            ]) { $1 })
        let content = ["--content", site.path("Content"), "--lang", "vi"]
        let template = Self.run(
            [
                "template", "dossiers", "--unit", "phuong-1", "--period", "2021-11", "-o",
                site.path("bieu.xlsx"),
            ] + content)
        #expect(template.status == 0)
        #expect(template.out.contains("đã ghi \(site.path("bieu.xlsx")) gồm 1 dòng: Hộ tịch"))

        // The template as it is: last month's pending carried over, nothing resolved: refused, in Vietnamese.
        let blank = Self.run(["import", "dossiers", site.path("bieu.xlsx")] + content)
        #expect(blank.status == 1)
        #expect(
            blank.err.contains(
                "bieu.xlsx:Biểu 06a!B17: lỗi: carried_over + received_online + received_offline (2) ≠"
            ))
        #expect(blank.err.contains("không nhập: chưa ghi gì"))
        #expect(!site.exists("Content/metrics/dossiers/2021-11.csv"))

        // An older system's CSV export of the form, semicolons and CRLF.
        try site.write(
            "bieu.csv",
            """
            Biểu số 06a/VPCP/KSTT\r
            Kỳ báo cáo: Tháng 11 năm 2021\r
            Đơn vị báo cáo: UBND Phường 1\r
            STT;Lĩnh vực;Số hồ sơ nhận giải quyết;;;;Kết quả giải quyết;;;;;;;Ghi chú\r
            ;;Tổng số;Trong đó;;;Số hồ sơ đã giải quyết;;;;Số hồ sơ đang giải quyết;;;\r
            ;;;Số kỳ trước chuyển qua;Số mới tiếp nhận trực tuyến;Số mới tiếp nhận (trực tiếp, dịch vụ bưu chính);Tổng số;Trả trước hạn;Trả đúng thời hạn;Trả quá hạn;Tổng số;Chưa đến hạn;Quá hạn;\r
            1;Hộ tịch;14;2;3;9;12;6;5;1;2;2;;\r

            """)
        let imported = Self.run(["import", "dossiers", site.path("bieu.csv")] + content)
        #expect(imported.status == 0, "\(imported.err)")
        #expect(
            imported.out.contains(
                "Tỷ lệ giải quyết đúng hạn của phuong-1 kỳ 2021-11: 91,7% (11/12)"))
        #expect(imported.out.contains("đã ghi: "))
        #expect(
            site.read("Content/metrics/dossiers/2021-11.csv")?.hasSuffix(
                "phuong-1,2021-11,ho-tich,2,3,9,6,5,1,2,0\n") == true)
        let again = Self.run(["import", "dossiers", site.path("bieu.csv")] + content)
        #expect(
            again.out.contains("không đổi so với lần nhập trước")
                && again.out.contains("không có gì thay đổi"))
    }

    @Test func theHelpNamesTheLanguageOption() {
        let help = Self.run(["--help"])
        #expect(help.out.contains("--lang vi"))
        #expect(Self.run(["import", "--help"]).out.contains("--lang"))
    }
}
