import Foundation

@testable import CongkhaiCore
@testable import CongkhaiKit

/// A site with one of each kind of mistake an editor or a clerk makes, for the catalogue's test:
/// every diagnostic `check` gives on it must read in Vietnamese.
enum InvalidInputs {
    static let files: [String: String] = [
        "Content/site.yml": """
        title: "Trang thử"
        base_url: "example.gov.vn"
        news_per_page: 0
        stale_after_days: 0
        ranking_rows: -1
        illustrative_data: maybe
        colour: blue
        """,
        "Content/units.yml": """
        - id: phuong-1
          name: "Ủy ban nhân dân Phường 1"
          kind: ward
        - id: phuong-1
          name: "Trùng"
          kind: ward
        - id: "Phường 2"
          name: "Sai id"
          kind: ward
        - id: phong-x
          name: "Phòng X"
          kind: office
        - id: van-phong
          name: "Văn phòng"
          kind: agency
          renamed:
            - { from: 2021-13-01, name: "Văn phòng UBND" }
        """,
        "Content/fields.yml": """
        - id: ho-tich
          name: "Hộ tịch"
        - id: dat-dai
        """,
        "Content/news/a.md":
            "---\ntitle: \"Tin\"\ndate: 15/03/2021\ncategory: thong-bao-moi\nunit: phuong-2\ntags: [\"!!!\"]\n---\nNội dung.\n",
        "Content/news/b.md":
            "---\ntitle: \"Tin hai\"\ndate: 2021-03-15\ncategory: thong-bao\nslug: \"../x\"\n---\nNội dung.\n",
        "Content/news/c.md":
            "---\ntitle: \"Tin ba\"\ndate: 2021-03-15\ncategory: thong-bao\nslug: \"Chữ Hoa\"\n---\n",
        "Content/news/d.md": "Không có front matter.\n",
        "Content/news/e.md": "---\ntitle: \"Không đóng\"\n",
        "Content/news/f.md":
            "---\ntitle: \"Tin\"\ndate: 2021-03-16\ncategory: thong-bao\n---\nTrùng slug.\n",
        "Content/news/g.md": "---\ntitle: \"!!!\"\ndate: 2021-03-16\ncategory: thong-bao\n---\n",
        "Content/news/h.md": "---\ntitle: [a\n---\n",
        "Content/news/i.md":
            "---\ntitle: \"Trang\"\ndate: 2021-03-16\ncategory: thong-bao\nslug: trang-2\n---\n",
        "Content/targets.yml": """
        - id: a
          clause: "I.1"
          title: "A"
          indicator: dossiers
          op: "=="
          value: 0.98
          fields: [ho-tich]
          exclude_fields: [dat-dai]
        - id: b
          clause: "I.2"
          title: "B"
          indicator: dossiers.on_time_rate
          op: ">="
          value: 0.98
          per: unit
          change: up
          baseline_period: "2020-13"
        - id: c
          clause: "I.3"
          title: "C"
          indicator: dossiers.ontime_rate
          op: ">="
          value: 0.98
          fields: [xay-dung]
        - id: d
          clause: "I.4"
          title: "D"
          indicator: dossiers.on_time_rate
          op: ">="
          value: lots
          change: points
        """,
        "Content/datasets.yml": """
        - id: Kiem-Tra
          title: "Kiểm tra"
          period: weekly
          columns: []
        - id: dossiers
          title: "Trùng"
          period: month
        - id: thanh_tra
          title: "Thanh tra"
          period: quarter
          reported_by: { units: [phuong-9], kinds: [ward] }
          columns:
            - { name: unit, title: "Đơn vị", type: integer }
            - { name: "Số lần", title: "Số lần", type: integer }
            - { name: so_lan, title: "Số lần", type: number, aggregate: avg }
            - { name: so_lan, title: "Số lần", type: integer }
            - { name: ghi_chu, title: "Ghi chú", type: text }
          measures:
            - { id: "Tỷ lệ", title: "x", formula: { ratio: { numerator: [ghi_chu], denominator: [khong_co], extra: [x] } } }
            - { id: ty_le, title: "x", formula: { average: [so_lan] } }
            - { id: ty_le, title: "x" }
            - { id: tong, title: "x", formula: [so_lan] }
        - id: tiep_dan
          title: "Tiếp dân"
          period: quarter
          reported_by: { kinds: [office] }
          columns:
            - { name: ghi_chu, title: "Ghi chú", type: text }
          measures: {}
        """,
        "Content/metrics/dossiers/2021-03.csv": """
        unit,period,field,carried_over,received_online,received_offline,resolved_early,resolved_on_time,resolved_late,pending_in_time,pending_overdue,resolved_ontime,received_total,received_online_full
        phuong-2,2021-03,ho-tich,0,1,2,1,1,0,1,0,0,3,2
        phuong-1,2021-3,ho-tic,0,1,2,1,1,0,1,0,0,3,2
        phuong-1,2021-03,ho-tich,-1,1.234,x,,1,0,1,0,0,99,9
        phuong-1,2021-03,ho-tich,0,1,2,1,1,0,1,0,0,3,2
        phuong-1,2021-03,ho-tich,0,1,2,1,1,0,1,0,0,3
        phuong-1,2021-Q1,ho-tich,0,1,2,1,1,0,1,0,0,3,1
        phuong-1,,ho-tich,0,1,2,1,1,0,1,0,0,3,1
        ,2021-03,,0,1,2,1,1,0,1,0,0,3,1
        phuong-1,2021-04,ho-tich,5,1,2,1,1,0,1,0,0,3,1
        phuong-1,2021-05,ho-tich,99999999999,1,2,1,1,0,1,0,0,3,1
        "phuong-1,2021-06
        """,
        "Content/metrics/dossiers/2021-06.csv":
            "unit,period,field,carried_over\nphuong-1,2021-06,ho-tich,1\n",
        "Content/metrics/dossiers/2021-07.csv":
            "unit,period,field,Tổng số,Tổng số,Tổng số,Tổng số,x\n",
        "Content/metrics/dossiers/trong.csv": "\n",
        "Content/metrics/online/2021-03.csv":
            "unit,period,procedures_total,level3,level4,,\nphuong-1,2021-03,10,1,2,,5\n",
        "Content/metrics/kho-du-lieu/2021.csv": "unit,period\n",
        "Content/metrics/le.csv": "unit,period\n",
        "Content/metrics/dossiers/latin1.csv": "unit,period\n\u{FFFD}\n",
    ]

    /// `check` on that site.
    static func diagnostics() -> [Diagnostic] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "congkhai-invalid-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: url)
        }
        // A file that is not UTF-8.
        try? Data([0x75, 0x6E, 0x69, 0x74, 0x0A, 0xC0, 0xAF, 0x0A]).write(
            to: root.appendingPathComponent("Content/metrics/satisfaction/2021-03.csv"))
        try? FileManager.default.createDirectory(
            at: root.appendingPathComponent("Content/metrics/satisfaction"),
            withIntermediateDirectories: true)
        try? Data([0x75, 0x6E, 0x69, 0x74, 0x0A, 0xC0, 0xAF, 0x0A]).write(
            to: root.appendingPathComponent("Content/metrics/satisfaction/2021-03.csv"))
        try? FileManager.default.createDirectory(
            at: root.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        try? Data("{{#broken}}".utf8).write(
            to: root.appendingPathComponent("Templates/article.mustache"))
        var options = BuildOptions(
            contentPath: root.appendingPathComponent("Content").path,
            templatesPath: root.appendingPathComponent("Templates").path,
            outputPath: root.appendingPathComponent("Public").path, includeDrafts: false,
            buildDate: CalendarDay(year: 2021, month: 11, day: 20), strict: false)
        options.units = ["phuong-9"]
        return SiteBuilder.check(options)
    }
}
