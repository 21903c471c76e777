extension MessageCatalogue {
    /// Photos, documents and links of the markdown (the media stage, `new article --image`).
    static let media: [(english: String, vietnamese: String)] = [
        (
            "\"%@\" is %@, over 20 MB",
            "\"%@\" nặng %@, quá 20 MB"
        ),
        (
            "publish a smaller copy: a phone photo 4000 pixels wide is about 5 MB, a scanned PDF at 150 dpi a few",
            "hãy đăng bản nhỏ hơn: ảnh điện thoại rộng 4000 điểm ảnh chỉ khoảng 5 MB, bản quét PDF ở 150 dpi vài MB"
        ),
        (
            "\"%@\" is not an image",
            "\"%@\" không phải là ảnh"
        ),
        (
            "show a JPEG, PNG, WebP or SVG file, or link to the document with [text](%@)",
            "hãy dùng tệp ảnh JPEG, PNG, WebP hoặc SVG, hoặc dẫn liên kết đến tài liệu bằng [chữ](%@)"
        ),
        (
            "\"%@\" leads outside the content folder (a symbolic link)",
            "\"%@\" dẫn ra ngoài thư mục nội dung (một liên kết tượng trưng)"
        ),
        (
            "copy the file into the content folder",
            "hãy chép tệp vào thư mục nội dung"
        ),
        (
            "\"%@\" points outside the content folder",
            "\"%@\" trỏ ra ngoài thư mục nội dung"
        ),
        (
            "keep the files a page shows beside it, or in Content/media/ as /media/…",
            "hãy để tệp cạnh bài viết, hoặc trong Content/media/ và viết /media/…"
        ),
        (
            "\"%@\" would be published at %@, as %@ is",
            "\"%@\" sẽ được đăng tại %@, trùng với %@"
        ),
        (
            "rename one of the files",
            "hãy đổi tên một trong hai tệp"
        ),
        (
            "would be published at %@, where the site has a page",
            "sẽ được đăng tại %@, trùng địa chỉ một trang của trang web"
        ),
        (
            "rename the file",
            "hãy đổi tên tệp"
        ),
        (
            "cannot process the photo: %@",
            "không xử lý được ảnh: %@"
        ),
        (
            "save it again as JPEG, PNG or WebP",
            "hãy lưu lại ảnh dạng JPEG, PNG hoặc WebP"
        ),
        (
            "cannot read the photo",
            "không đọc được ảnh"
        ),
        (
            "cannot read %@ as a photo: %@",
            "không đọc được %@ như một ảnh: %@"
        ),
        (
            "give a JPEG, PNG or WebP file",
            "hãy chọn tệp ảnh JPEG, PNG hoặc WebP"
        ),
        (
            "cannot read \"%@\" as an image: %@",
            "không đọc được \"%@\" như một ảnh: %@"
        ),
        (
            "save it as JPEG, PNG or WebP",
            "hãy lưu ảnh dạng JPEG, PNG hoặc WebP"
        ),
        (
            "file \"%@\" not found",
            "không tìm thấy tệp \"%@\""
        ),
        (
            "looked for %@: a relative path starts from the folder of this markdown file",
            "đã tìm %@: đường dẫn tương đối tính từ thư mục chứa tệp bài viết này"
        ),
        (
            "image \"%@\" has no alt text",
            "ảnh \"%@\" chưa có lời mô tả"
        ),
        (
            "people using a screen reader hear nothing for it: say what it shows, e.g. ![Quang cảnh hội nghị](%@)",
            "người dùng phần mềm đọc màn hình sẽ không nghe được gì về ảnh này: hãy viết ảnh cho thấy gì, ví dụ ![Quang cảnh hội nghị](%@)"
        ),
        (
            "link to %@, a page this site does not have",
            "liên kết đến %@, trang web này không có trang đó"
        ),
        (
            "check the address; pages of this site end with /",
            "hãy kiểm tra địa chỉ; các trang của trang web này kết thúc bằng /"
        ),
    ]
}
