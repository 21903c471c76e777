extension MessageCatalogue {
    static let importing: [(english: String, vietnamese: String)] = [
        (
            "%@ is %@, but %@ add up to %@",
            "%@ là %@, nhưng %@ cộng lại được %@"
        ),
        (
            "%@ of %@ for %@: %@ (%@/%@)",
            "%@ của %@ kỳ %@: %@ (%@/%@)"
        ),
        (
            "%@ → %@ (%@), %@: %@ row(s) into %@",
            "%@ → %@ (%@), kỳ %@: %@ dòng vào %@"
        ),
        (
            "%@, %@ is also imported from %@",
            "%@, kỳ %@ cũng được nhập từ %@"
        ),
        (
            "--encoding must be utf-8, utf-16, windows-1258 or tcvn3, not \"%@\"",
            "--encoding phải là utf-8, utf-16, windows-1258 hoặc tcvn3, không phải \"%@\""
        ),
        (
            "cannot create %@",
            "không tạo được %@"
        ),
        (
            "cannot import dataset \"%@\"",
            "không nhập được bộ số liệu \"%@\""
        ),
        (
            "cannot make a template for dataset \"%@\"",
            "không tạo được biểu mẫu cho bộ số liệu \"%@\""
        ),
        (
            "cannot read %@ of the workbook: %@",
            "không đọc được phần %@ của tệp Excel: %@"
        ),
        (
            "cannot tell the file's encoding",
            "không nhận ra bảng mã của tệp"
        ),
        (
            "changed since the last import:",
            "thay đổi so với lần nhập trước:"
        ),
        (
            "correct the total or the fields' figures, then export again",
            "sửa dòng tổng hoặc số liệu các lĩnh vực, rồi xuất lại"
        ),
        (
            "did you mean \"%@\"? Or add \"%@\" to its `aliases:` in fields.yml",
            "có phải là \"%@\"? Hoặc thêm \"%@\" vào `aliases:` của lĩnh vực đó trong fields.yml"
        ),
        (
            "dry run: would write %@",
            "chạy thử: sẽ ghi %@"
        ),
        (
            "export the report on %@ from the one-door system",
            "xuất báo cáo theo %@ từ hệ thống một cửa"
        ),
        (
            "field \"%@\"",
            "lĩnh vực \"%@\""
        ),
        (
            "field \"%@\" is listed twice",
            "lĩnh vực \"%@\" có hai dòng"
        ),
        (
            "field \"%@\": what was received and carried over is either resolved or pending",
            "lĩnh vực \"%@\": hồ sơ kỳ trước chuyển qua và tiếp nhận mới phải bằng số đã giải quyết cộng số đang giải quyết"
        ),
        (
            "first at %@",
            "lần đầu ở %@"
        ),
        (
            "give the encoding with --encoding utf-8, utf-16, windows-1258 or tcvn3",
            "ghi rõ bảng mã bằng --encoding utf-8, utf-16, windows-1258 hoặc tcvn3"
        ),
        (
            "give the period with --period YYYY-MM or YYYY-Qn",
            "ghi kỳ báo cáo bằng --period YYYY-MM hoặc YYYY-Qn"
        ),
        (
            "give the unit with --unit ID",
            "ghi đơn vị bằng --unit MÃ"
        ),
        (
            "import dossiers, satisfaction or feedback",
            "nhập dossiers, satisfaction hoặc feedback"
        ),
        (
            "import one export per unit and period",
            "mỗi đơn vị, mỗi kỳ chỉ nhập một tệp"
        ),
        (
            "import refused: nothing was written",
            "không nhập: chưa ghi gì"
        ),
        (
            "make one for dossiers, satisfaction or feedback",
            "tạo cho dossiers, satisfaction hoặc feedback"
        ),
        (
            "new: no figures for this unit and period before",
            "mới: trước đây chưa có số liệu của đơn vị kỳ này"
        ),
        (
            "no data",
            "chưa có số liệu"
        ),
        (
            "no figures to import",
            "không có số liệu để nhập"
        ),
        (
            "no sheet has the header of %@",
            "không trang tính nào có dòng tiêu đề của %@"
        ),
        (
            "not an .xlsx workbook (%@)",
            "không phải tệp Excel .xlsx (%@)"
        ),
        (
            "nothing changed",
            "không có gì thay đổi"
        ),
        (
            "open it in Excel and save it as .xlsx (Excel Workbook), or as CSV UTF-8",
            "mở bằng Excel rồi lưu thành .xlsx (Excel Workbook), hoặc CSV UTF-8"
        ),
        (
            "period \"%@\" must be a month (YYYY-MM) or a quarter (YYYY-Qn)",
            "kỳ \"%@\" phải là một tháng (YYYY-MM) hoặc một quý (YYYY-Qn)"
        ),
        (
            "the \"Tổng số\" row says %@ is %@, but the fields add up to %@",
            "dòng \"Tổng số\" ghi %@ là %@, nhưng các lĩnh vực cộng lại được %@"
        ),
        (
            "the fields are listed in fields.yml; add \"%@\" to a field's `aliases:` there",
            "các lĩnh vực được liệt kê trong fields.yml; thêm \"%@\" vào `aliases:` của một lĩnh vực ở đó"
        ),
        (
            "the file is not %@ (byte %@)",
            "tệp không phải %@ (byte thứ %@)"
        ),
        (
            "the form does not say its period (\"Kỳ báo cáo: Tháng 11 năm 2021\")",
            "biểu không ghi kỳ báo cáo (\"Kỳ báo cáo: Tháng 11 năm 2021\")"
        ),
        (
            "the form does not say which unit it is from (\"Đơn vị báo cáo: …\")",
            "biểu không ghi đơn vị báo cáo (\"Đơn vị báo cáo: …\")"
        ),
        (
            "the form has no column for %@ (\"%@\")",
            "biểu không có cột %@ (\"%@\")"
        ),
        (
            "the form has no column for the fields (\"Lĩnh vực\")",
            "biểu không có cột lĩnh vực (\"Lĩnh vực\")"
        ),
        (
            "the form says \"%@\" (%@); importing it as %@ as --unit says",
            "biểu ghi \"%@\" (%@); nhập thành %@ theo --unit"
        ),
        (
            "the form says %@; importing it as %@ as --period says",
            "biểu ghi kỳ %@; nhập thành kỳ %@ theo --period"
        ),
        (
            "the header names the columns as the national form does; see `congkhai template`",
            "dòng tiêu đề phải ghi tên cột như biểu mẫu quốc gia; xem `congkhai template`"
        ),
        (
            "the header's first row has \"Lĩnh vực\" and the form's column titles; see `congkhai template %@`",
            "dòng tiêu đề đầu tiên có \"Lĩnh vực\" và tên các cột của biểu; xem `congkhai template %@`"
        ),
        (
            "the workbook has no %@",
            "tệp Excel không có phần %@"
        ),
        (
            "\"%@\" names no month",
            "\"%@\" không phải là một tháng"
        ),
        (
            "\"%@\" names no quarter",
            "\"%@\" không phải là một quý"
        ),
        (
            "a month is 1 to 12, a quarter I to IV; correct the form, then export again",
            "tháng từ 1 đến 12, quý từ I đến IV; sửa biểu rồi xuất lại"
        ),
        (
            "no such file",
            "không có tệp này"
        ),
        (
            "check the file's name and the folder it is in",
            "kiểm tra lại tên tệp và thư mục chứa nó"
        ),
        (
            "this is a folder, not a file",
            "đây là một thư mục, không phải một tệp"
        ),
        (
            "give the export files in it",
            "hãy chỉ ra các tệp xuất trong thư mục đó"
        ),
        (
            "this is \"%@\", not %@",
            "đây là \"%@\", không phải %@"
        ),
        (
            "this is the old Excel format (.xls)",
            "đây là định dạng Excel cũ (.xls)"
        ),
        (
            "total: %@",
            "tổng: %@"
        ),
        (
            "unchanged since the last import",
            "không đổi so với lần nhập trước"
        ),
        (
            "unknown field \"%@\"",
            "không có lĩnh vực \"%@\""
        ),
        (
            "write the count in digits; an empty cell counts as 0",
            "ghi số bằng chữ số; ô trống được tính là 0"
        ),
        (
            "written: %@",
            "đã ghi: %@"
        ),
        (
            "wrote %@ with %@ row(s): %@",
            "đã ghi %@ gồm %@ dòng: %@"
        ),
    ]
}
