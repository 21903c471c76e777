extension MessageCatalogue {
    static let build: [(english: String, vietnamese: String)] = [
        (
            "cannot create its folder",
            "không tạo được thư mục chứa nó"
        ),
        (
            "cannot create the build folder: %@",
            "không tạo được thư mục dựng trang: %@"
        ),
        (
            "cannot move the new site in place: %@",
            "không đưa được trang mới vào chỗ: %@"
        ),
        (
            "cannot move the previous site aside: %@",
            "không dời được trang cũ sang bên: %@"
        ),
        (
            "cannot write a temporary file",
            "không ghi được tệp tạm"
        ),
        (
            "cannot write: %@",
            "không ghi được: %@"
        ),
        (
            "needed for %@",
            "cần cho %@"
        ),
        (
            "cannot draw the social card: %@",
            "không vẽ được thẻ chia sẻ (ảnh mạng xã hội): %@"
        ),
        (
            "social cards need pango, cairo and libpng (libpango1.0-dev, libpng-dev) and a font such as DejaVu Sans",
            "thẻ chia sẻ cần pango, cairo và libpng (libpango1.0-dev, libpng-dev) và một phông chữ như DejaVu Sans"
        ),
        (
            "template \"%@.mustache\" is missing",
            "thiếu mẫu \"%@.mustache\""
        ),
        (
            "template syntax: %@",
            "lỗi cú pháp mẫu: %@"
        ),
        (
            "the output exists and is not a folder",
            "nơi ghi kết quả đã có và không phải thư mục"
        ),
        (
            "write failed",
            "ghi thất bại"
        ),
        (
            "no page rendered with this template has `%@`",
            "không trang nào dùng mẫu này có tên `%@`"
        ),
        (
            "the names each page has are in Sources/CongkhaiKit/Render/*Contexts.swift; check the spelling",
            "các tên mỗi trang có được liệt kê trong Sources/CongkhaiKit/Render/*Contexts.swift; hãy kiểm tra chính tả"
        ),
        (
            "template \"%@.mustache\" does not exist",
            "mẫu \"%@.mustache\" không tồn tại"
        ),
        (
            "add it to the templates folder, or correct the name",
            "thêm mẫu đó vào thư mục mẫu, hoặc sửa lại tên"
        ),
    ]
}
