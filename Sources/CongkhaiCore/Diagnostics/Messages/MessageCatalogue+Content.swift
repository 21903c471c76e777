extension MessageCatalogue {
    static let content: [(english: String, vietnamese: String)] = [
        (
            "the article still has the placeholder line written by `congkhai new`",
            "bài viết vẫn còn dòng mẫu do `congkhai new` tạo, chưa được thay bằng nội dung"
        ),
        (
            "write the article in its place, or keep `draft: true` until it is written",
            "hãy viết nội dung bài vào chỗ đó, hoặc giữ `draft: true` cho đến khi viết xong"
        ),
        (
            "%@ is missing `%@`",
            "%@ thiếu `%@`"
        ),
        (
            "%@ must be a list of entries, each starting with `- id: …`",
            "%@ phải là danh sách, mỗi mục bắt đầu bằng `- id: …`"
        ),
        (
            "%@ must be a mapping of `key: value` lines",
            "%@ phải gồm các dòng `khóa: giá trị`"
        ),
        (
            "`%@` is empty",
            "`%@` bị bỏ trống"
        ),
        (
            "`%@` must be a list, e.g. [\"một cửa\", \"bưu chính\"]",
            "`%@` phải là danh sách, ví dụ [\"một cửa\", \"bưu chính\"]"
        ),
        (
            "`%@` must be a number, not \"%@\"",
            "`%@` phải là số, không phải \"%@\""
        ),
        (
            "`%@` must be a whole number, not \"%@\"",
            "`%@` phải là số nguyên, không phải \"%@\""
        ),
        (
            "`%@` must be text",
            "`%@` phải là văn bản"
        ),
        (
            "`%@` must be true or false, not \"%@\"",
            "`%@` phải là true hoặc false, không phải \"%@\""
        ),
        (
            "`base_url` must be an absolute http(s) URL, not \"%@\"",
            "`base_url` phải là địa chỉ đầy đủ bắt đầu bằng http(s)://, không phải \"%@\""
        ),
        (
            "`from` must be a date YYYY-MM-DD, not \"%@\"",
            "`from` phải là ngày dạng YYYY-MM-DD, không phải \"%@\""
        ),
        (
            "`news_per_page` must be at least 1",
            "`news_per_page` phải từ 1 trở lên"
        ),
        (
            "`ranking_rows` must be 0 (every unit) or more",
            "`ranking_rows` phải từ 0 (mọi đơn vị) trở lên"
        ),
        (
            "`renamed` must be a list of {from, name}",
            "`renamed` phải là danh sách {from, name}"
        ),
        (
            "`stale_after_days` must be at least 1",
            "`stale_after_days` phải từ 1 trở lên"
        ),
        (
            "a field",
            "một lĩnh vực"
        ),
        (
            "a rename",
            "một lần đổi tên"
        ),
        (
            "a slug is one path segment of a-z, 0-9 and -",
            "slug là một đoạn đường dẫn chỉ gồm a-z, 0-9 và -"
        ),
        (
            "a target",
            "một chỉ tiêu"
        ),
        (
            "a target with `change` needs `baseline_period` or `baseline_value`",
            "chỉ tiêu có `change` cần `baseline_period` hoặc `baseline_value`"
        ),
        (
            "a unit",
            "một đơn vị"
        ),
        (
            "add `slug:`",
            "thêm `slug:`"
        ),
        (
            "bad date \"%@\"",
            "ngày không hợp lệ \"%@\""
        ),
        (
            "bad expiry date \"%@\"",
            "ngày hết hiệu lực không hợp lệ \"%@\""
        ),
        (
            "baseline_period \"%@\" must be YYYY, YYYY-Qn or YYYY-MM",
            "baseline_period \"%@\" phải có dạng YYYY, YYYY-Qn hoặc YYYY-MM"
        ),
        (
            "cannot read file",
            "không đọc được tệp"
        ),
        (
            "change \"%@\" must be points or relative",
            "change \"%@\" phải là points hoặc relative"
        ),
        (
            "content folder not found",
            "không tìm thấy thư mục nội dung"
        ),
        (
            "duplicate id \"%@\"",
            "mã \"%@\" bị trùng"
        ),
        (
            "each item of `%@` must be text",
            "mỗi mục của `%@` phải là văn bản"
        ),
        (
            "end it with a `---` line",
            "kết thúc bằng một dòng `---`"
        ),
        (
            "every site needs Content/site.yml with at least `title` and `base_url`",
            "mỗi trang cần Content/site.yml, ít nhất có `title` và `base_url`"
        ),
        (
            "file is not valid UTF-8 (byte 0x%@ at offset %@)",
            "tệp không phải UTF-8 hợp lệ (byte 0x%@ ở vị trí %@)"
        ),
        (
            "first defined at %@:%@",
            "đã khai báo lần đầu ở %@:%@"
        ),
        (
            "front matter",
            "phần đầu bài (front matter)"
        ),
        (
            "front matter is never closed",
            "phần đầu bài (front matter) không được đóng lại"
        ),
        (
            "give `fields` or `exclude_fields`, not both",
            "chỉ ghi `fields` hoặc `exclude_fields`, không ghi cả hai"
        ),
        (
            "id \"%@\" may use only a-z, 0-9 and -",
            "mã \"%@\" chỉ được dùng a-z, 0-9 và -"
        ),
        (
            "indicator \"%@\" must be dataset.measure, e.g. dossiers.on_time_rate",
            "indicator \"%@\" phải có dạng bộ_số_liệu.chỉ_số, ví dụ dossiers.on_time_rate"
        ),
        (
            "known keys: %@",
            "các khóa hợp lệ: %@"
        ),
        (
            "missing %@",
            "thiếu %@"
        ),
        (
            "missing front matter",
            "thiếu phần đầu bài (front matter)"
        ),
        (
            "missing site.yml",
            "thiếu site.yml"
        ),
        (
            "op \"%@\" must be one of >=, >, <=, <",
            "op \"%@\" phải là một trong >=, >, <=, <"
        ),
        (
            "per \"%@\" must be field or quarter",
            "per \"%@\" phải là field hoặc quarter"
        ),
        (
            "save the file as UTF-8; Excel: File › Save As › CSV UTF-8",
            "lưu tệp dạng UTF-8; trong Excel: Tệp › Lưu thành › CSV UTF-8"
        ),
        (
            "site.yml",
            "tệp site.yml"
        ),
        (
            "slug \"%@\" may use only a-z, 0-9 and -",
            "slug \"%@\" chỉ được dùng a-z, 0-9 và -"
        ),
        (
            "slug \"%@\" would leave the news folder",
            "slug \"%@\" sẽ ra ngoài thư mục tin"
        ),
        (
            "start the file with a `---` line, then `title:` and `date:`, then `---`",
            "mở đầu tệp bằng dòng `---`, rồi `title:` và `date:`, rồi `---`"
        ),
        (
            "tag \"%@\" has no letters or digits to make a path from",
            "thẻ \"%@\" không có chữ hay số để tạo đường dẫn"
        ),
        (
            "the title has no letters or digits to make a slug from",
            "tiêu đề không có chữ hay số để tạo slug"
        ),
        (
            "unknown key `%@` in %@",
            "khóa lạ `%@` trong %@"
        ),
        (
            "unknown unit kind \"%@\"",
            "không có loại đơn vị \"%@\""
        ),
        (
            "write YYYY-MM-DD, e.g. expires: 2021-12-31",
            "ghi YYYY-MM-DD, ví dụ expires: 2021-12-31"
        ),
        (
            "write YYYY-MM-DD, or ISO 8601 with an offset such as 2021-03-15T08:30:00+07:00",
            "ghi YYYY-MM-DD, hoặc ISO 8601 có múi giờ như 2021-03-15T08:30:00+07:00"
        ),
        (
            "YAML syntax: %@",
            "lỗi cú pháp YAML: %@"
        ),
    ]
}
