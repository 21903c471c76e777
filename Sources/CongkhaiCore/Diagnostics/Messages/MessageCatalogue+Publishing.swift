extension MessageCatalogue {
    /// Publishing: `publish_units`, the output's lock, symlinks, size limits, `--unit` builds.
    static let publishing: [(english: String, vietnamese: String)] = [
        ("`publish_units` must be a list of unit ids, e.g. [phuong-5, phuong-7]",
         "`publish_units` phải là danh sách mã đơn vị, ví dụ [phuong-5, phuong-7]"),
        ("an entry of `publish_units`",
         "một mục của `publish_units`"),
        ("unknown unit \"%@\" in `publish_units`",
         "không có đơn vị \"%@\" trong `publish_units`"),
        ("another build (process %@) is writing this output; not waiting (--no-wait)",
         "một lần dựng khác (tiến trình %@) đang ghi vào thư mục này; không chờ (--no-wait)"),
        ("another build is writing this output; not waiting (--no-wait)",
         "một lần dựng khác đang ghi vào thư mục này; không chờ (--no-wait)"),
        ("cannot lock the output (%@): %@",
         "không khóa được thư mục kết quả (%@): %@"),
        ("waiting for %@, which is building into %@",
         "đang chờ %@, tiến trình đang dựng trang vào %@"),
        ("process %@",
         "tiến trình %@"),
        ("another process",
         "một tiến trình khác"),
        ("symbolic link leads outside %@/ (to %@); it is not read",
         "liên kết tượng trưng (symlink) dẫn ra ngoài %@/ (tới %@); không đọc tệp này"),
        ("copy the file into %@/ instead of linking to it",
         "hãy chép tệp vào %@/ thay vì liên kết tới nó"),
    ]
}
