extension MessageCatalogue {
    static let validation: [(english: String, vietnamese: String)] = [
        (
            "%@ has the same slug",
            "%@ có cùng slug"
        ),
        (
            "%@ has the same slug; add `slug:` to one of them",
            "%@ có cùng slug; thêm `slug:` vào một trong hai bài"
        ),
        (
            "add a different `slug:`",
            "thêm một `slug:` khác"
        ),
        (
            "declare the dataset in datasets.yml, or use one of: %@…",
            "khai báo bộ số liệu trong datasets.yml, hoặc dùng một trong: %@…"
        ),
        (
            "did you mean %@?",
            "có phải là %@?"
        ),
        (
            "duplicate plan page slug \"%@\"",
            "slug trang kế hoạch \"%@\" bị trùng"
        ),
        (
            "duplicate slug \"%@\"",
            "slug \"%@\" bị trùng"
        ),
        (
            "slug \"%@\" is reserved for the news column's own pages",
            "slug \"%@\" dành riêng cho các trang của chuyên mục tin"
        ),
        (
            "target \"%@\" names unknown field \"%@\"",
            "chỉ tiêu \"%@\" ghi lĩnh vực không có \"%@\""
        ),
        (
            "target \"%@\" uses unknown indicator %@",
            "chỉ tiêu \"%@\" dùng chỉ số không có %@"
        ),
        (
            "unknown unit \"%@\"",
            "không có đơn vị \"%@\""
        ),
    ]
}
