extension MessageCatalogue {
    /// Publishing: `publish_units`, the output's lock, symlinks, size limits, `--unit` builds.
    static let publishing: [(english: String, vietnamese: String)] = [
        ("`publish_units` must be a list of unit ids, e.g. [phuong-5, phuong-7]",
         "`publish_units` phải là danh sách mã đơn vị, ví dụ [phuong-5, phuong-7]"),
        ("an entry of `publish_units`",
         "một mục của `publish_units`"),
        ("unknown unit \"%@\" in `publish_units`",
         "không có đơn vị \"%@\" trong `publish_units`"),
    ]
}
