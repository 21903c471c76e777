extension MessageCatalogue {
    /// Publishing: `publish_units`, the output's lock, symlinks, size limits, `--unit` builds.
    static let publishing: [(english: String, vietnamese: String)] = [
        (
            "`publish_units` must be a list of unit ids, e.g. [phuong-5, phuong-7]",
            "`publish_units` phải là danh sách mã đơn vị, ví dụ [phuong-5, phuong-7]"
        ),
        (
            "an entry of `publish_units`",
            "một mục của `publish_units`"
        ),
        (
            "unknown unit \"%@\" in `publish_units`",
            "không có đơn vị \"%@\" trong `publish_units`"
        ),
        (
            "another build (process %@) is writing this output; not waiting (--no-wait)",
            "một lần dựng khác (tiến trình %@) đang ghi vào thư mục này; không chờ (--no-wait)"
        ),
        (
            "another build is writing this output; not waiting (--no-wait)",
            "một lần dựng khác đang ghi vào thư mục này; không chờ (--no-wait)"
        ),
        (
            "cannot lock the output (%@): %@",
            "không khóa được thư mục kết quả (%@): %@"
        ),
        (
            "the output folder %@ holds the content folder %@",
            "thư mục kết quả %@ chứa thư mục nội dung %@"
        ),
        (
            "the output folder %@ is inside the content folder %@",
            "thư mục kết quả %@ nằm trong thư mục nội dung %@"
        ),
        (
            "the output folder %@ holds the templates folder %@",
            "thư mục kết quả %@ chứa thư mục mẫu %@"
        ),
        (
            "the output folder %@ is inside the templates folder %@",
            "thư mục kết quả %@ nằm trong thư mục mẫu %@"
        ),
        (
            "the build cache %@ would be inside the output folder %@",
            "bộ nhớ đệm %@ sẽ nằm trong thư mục kết quả %@"
        ),
        (
            "the cache is not published: put it outside the output (--cache-dir)",
            "bộ nhớ đệm không được đăng: hãy để nó ngoài thư mục kết quả (--cache-dir)"
        ),
        (
            "the output folder %@ holds the working folder: a build replaces the whole output folder",
            "thư mục kết quả %@ chứa thư mục đang làm việc: mỗi lần dựng thay toàn bộ thư mục kết quả"
        ),
        (
            "choose a folder of its own for the site, such as Public",
            "hãy chọn một thư mục riêng cho trang, ví dụ Public"
        ),
        (
            "waiting for %@, which is building into %@",
            "đang chờ %@, tiến trình đang dựng trang vào %@"
        ),
        (
            "process %@",
            "tiến trình %@"
        ),
        (
            "another process",
            "một tiến trình khác"
        ),
        (
            "symbolic link leads outside %@/ (to %@); it is not read",
            "liên kết tượng trưng (symlink) dẫn ra ngoài %@/ (tới %@); không đọc tệp này"
        ),
        (
            "copy the file into %@/ instead of linking to it",
            "hãy chép tệp vào %@/ thay vì liên kết tới nó"
        ),
        (
            "--base-url is for a --unit build: the whole site's address is base_url in site.yml",
            "--base-url dùng cho bản dựng --unit: địa chỉ của cả trang là base_url trong site.yml"
        ),
        (
            "--base-url must be an absolute http(s) URL, not \"%@\"",
            "--base-url phải là địa chỉ http(s) đầy đủ, không phải \"%@\""
        ),
        (
            "file is too large (%@ MB; the limit is %@ MB)",
            "tệp quá lớn (%@ MB; giới hạn là %@ MB)"
        ),
        (
            "raise `%@` in site.yml if the file is meant to be this large",
            "tăng `%@` trong site.yml nếu tệp đúng là lớn như vậy"
        ),
        (
            "a YAML file or a template of the site is at most %@ MB",
            "mỗi tệp YAML hoặc tệp mẫu của trang tối đa %@ MB"
        ),
        (
            "line is too long (%@ KB; the limit is %@ KB)",
            "dòng quá dài (%@ KB; giới hạn là %@ KB)"
        ),
        (
            "raise `max_line_kb` in site.yml if the file is meant to have such lines",
            "tăng `max_line_kb` trong site.yml nếu tệp đúng là có những dòng dài như vậy"
        ),
        (
            "`%@` must be a whole number from 1",
            "`%@` phải là số nguyên từ 1 trở lên"
        ),
    ]
}
