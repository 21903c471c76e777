extension MessageCatalogue {
    static let commandLine: [(english: String, vietnamese: String)] = [
        (
            " and %@ more",
            " và %@ tệp khác"
        ),
        (
            "%@ already exists; nothing was written",
            "%@ đã có; không ghi gì"
        ),
        (
            "%@ error(s), %@ warning(s)",
            "%@ lỗi, %@ cảnh báo"
        ),
        (
            "--build-date must be YYYY-MM-DD, not \"%@\"",
            "--build-date phải có dạng YYYY-MM-DD, không phải \"%@\""
        ),
        (
            "--date must be YYYY-MM-DD, not \"%@\"",
            "--date phải có dạng YYYY-MM-DD, không phải \"%@\""
        ),
        (
            "build failed: %@ was left unchanged",
            "dựng trang thất bại: %@ được giữ nguyên"
        ),
        (
            "build failed: still serving the last good build; the errors are shown in the page",
            "dựng trang thất bại: vẫn phục vụ bản dựng tốt gần nhất; các lỗi hiện trên trang"
        ),
        (
            "built %@ files (%@ KiB) into %@ in %@ s",
            "đã dựng %@ tệp (%@ KiB) vào %@ trong %@ giây"
        ),
        (
            "built %@ files in %@ s; open pages reload",
            "đã dựng %@ tệp trong %@ giây; các trang đang mở tự tải lại"
        ),
        (
            "cannot listen on 127.0.0.1:%@: %@",
            "không lắng nghe được trên 127.0.0.1:%@: %@"
        ),
        (
            "port %@ is already in use by another program",
            "cổng %@ đang được một chương trình khác dùng"
        ),
        (
            "stop the other preview, or choose another port: --port 8081, or --port 0 for any free one",
            "hãy dừng bản xem trước kia, hoặc chọn cổng khác: --port 8081, hoặc --port 0 để lấy một cổng còn trống"
        ),
        (
            "cannot use 127.0.0.1:%@: %@",
            "không dùng được 127.0.0.1:%@: %@"
        ),
        (
            "cannot write %@: %@",
            "không ghi được %@: %@"
        ),
        (
            "changed: %@%@; rebuilding",
            "đã sửa: %@%@; đang dựng lại"
        ),
        (
            "content is valid",
            "nội dung hợp lệ"
        ),
        (
            "did you mean \"%@\"?",
            "có phải là \"%@\"?"
        ),
        (
            "error: %@",
            "lỗi: %@"
        ),
        (
            "pick another title, or edit that file",
            "chọn tiêu đề khác, hoặc sửa tệp đó"
        ),
        (
            "scheduled: %@",
            "hẹn đăng: %@"
        ),
        (
            "serving %@ at %@  (Ctrl-C stops)",
            "đang phục vụ %@ tại %@  (Ctrl-C để dừng)"
        ),
        (
            "SOURCE_DATE_EPOCH must be whole seconds, not \"%@\"",
            "SOURCE_DATE_EPOCH phải là số giây nguyên, không phải \"%@\""
        ),
        (
            "stopped",
            "đã dừng"
        ),
        (
            "the ids are listed in %@",
            "các mã được liệt kê trong %@"
        ),
        (
            "the server did not start listening on 127.0.0.1:%@",
            "máy chủ không bắt đầu lắng nghe trên 127.0.0.1:%@"
        ),
        (
            "the server listens, but not on IPv4 loopback",
            "máy chủ có lắng nghe, nhưng không trên địa chỉ nội bộ IPv4"
        ),
        (
            "the title \"%@\" has no letters or digits to make a file name from",
            "tiêu đề \"%@\" không có chữ hay số để đặt tên tệp"
        ),
        (
            "unknown category \"%@\"",
            "không có chuyên mục \"%@\""
        ),
        (
            "unknown unit \"%@\": not in %@",
            "không có đơn vị \"%@\": không có trong %@"
        ),
        (
            "use one of: %@",
            "dùng một trong: %@"
        ),
    ]
}
