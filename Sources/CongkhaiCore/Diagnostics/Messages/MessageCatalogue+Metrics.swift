extension MessageCatalogue {
    static let metrics: [(english: String, vietnamese: String)] = [
        (
            "%@ (%@) differs from %@ of %@ (%@)",
            "%1$@ (%2$@) khác %3$@ của kỳ %4$@ (%5$@)"
        ),
        (
            "%@ (%@) exceeds %@ (%@)",
            "%1$@ (%2$@) lớn hơn %3$@ (%4$@)"
        ),
        (
            "%@ and its months (%@) are both given for %@",
            "%1$@ và các tháng của nó (%2$@) cùng được khai cho %3$@"
        ),
        (
            "%@ is at %@:%@",
            "%@ ở %@:%@"
        ),
        (
            "%@ is empty",
            "%@ bị bỏ trống"
        ),
        (
            "%@ is negative (%@)",
            "%@ là số âm (%@)"
        ),
        (
            "%@ is not a whole number (\"%@\")",
            "%@ không phải số nguyên (\"%@\")"
        ),
        (
            "%@ is too large (\"%@\")",
            "%@ quá lớn (\"%@\")"
        ),
        (
            "%@ must be a list of datasets, each starting with `- id: …`",
            "%@ phải là danh sách bộ số liệu, mỗi mục bắt đầu bằng `- id: …`"
        ),
        (
            "`%@` must be a list, e.g. [a, b]",
            "`%@` phải là danh sách, ví dụ [a, b]"
        ),
        (
            "`columns` must be a list of { name, title, type: integer | text }",
            "`columns` phải là danh sách { name, title, type: integer | text }"
        ),
        (
            "`measures` must be a list of { id, title, formula }",
            "`measures` phải là danh sách { id, title, formula }"
        ),
        (
            "`reported_by`",
            "mục `reported_by`"
        ),
        (
            "`reported_by` must be { units: [unit ids] } or { kinds: [agency, ward, service-unit] }",
            "`reported_by` phải là { units: [mã đơn vị] } hoặc { kinds: [agency, ward, service-unit] }"
        ),
        (
            "a cell that starts with \" must end with \"; write \"\" for a quote inside it",
            "ô bắt đầu bằng \" phải kết thúc bằng \"; muốn có dấu \" bên trong thì viết \"\""
        ),
        (
            "a column",
            "một cột"
        ),
        (
            "a dataset",
            "một bộ số liệu"
        ),
        (
            "a dataset is missing `columns`",
            "một bộ số liệu thiếu `columns`"
        ),
        (
            "a measure",
            "một chỉ số"
        ),
        (
            "a measure is missing `formula`",
            "một chỉ số thiếu `formula`"
        ),
        (
            "a month (YYYY-MM) or a quarter (YYYY-Qn)",
            "một tháng (YYYY-MM) hoặc một quý (YYYY-Qn)"
        ),
        (
            "a quarter (YYYY-Qn)",
            "một quý (YYYY-Qn)"
        ),
        (
            "a ratio has `numerator` and `denominator`",
            "một tỷ lệ gồm `numerator` (tử số) và `denominator` (mẫu số)"
        ),
        (
            "a year (YYYY)",
            "một năm (YYYY)"
        ),
        (
            "aggregate must be sum or latest, not \"%@\"",
            "aggregate phải là sum hoặc latest, không phải \"%@\""
        ),
        (
            "choose another id; the built-in datasets are %@",
            "chọn mã khác; các bộ số liệu có sẵn là %@"
        ),
        (
            "column \"%@\" is text; measure %@ can only use integer columns",
            "cột \"%@\" là văn bản; chỉ số %@ chỉ dùng được cột số nguyên"
        ),
        (
            "column %@ has no header; its values are ignored",
            "cột %@ không có tiêu đề; các giá trị của nó bị bỏ qua"
        ),
        (
            "column name \"%@\" is a key column",
            "tên cột \"%@\" là cột khóa"
        ),
        (
            "column name \"%@\" may use only a-z, 0-9 and _, and must start with a letter",
            "tên cột \"%@\" chỉ được dùng a-z, 0-9 và _, và phải bắt đầu bằng chữ cái"
        ),
        (
            "column type must be integer or text, not \"%@\"",
            "kiểu cột phải là integer hoặc text, không phải \"%@\""
        ),
        (
            "dataset %@ has no integer column",
            "bộ số liệu %@ không có cột số nguyên nào"
        ),
        (
            "dataset id \"%@\" is a built-in dataset",
            "mã bộ số liệu \"%@\" trùng một bộ số liệu có sẵn"
        ),
        (
            "dataset id \"%@\" may use only a-z, 0-9 and _, and must start with a letter",
            "mã bộ số liệu \"%@\" chỉ được dùng a-z, 0-9 và _, và phải bắt đầu bằng chữ cái"
        ),
        (
            "did you mean `%@`?",
            "có phải là `%@`?"
        ),
        (
            "duplicate column \"%@\" in dataset %@",
            "cột \"%@\" bị trùng trong bộ số liệu %@"
        ),
        (
            "duplicate column \"%@\": %@ is already given by \"%@\"",
            "cột \"%@\" bị trùng: %@ đã có ở cột \"%@\""
        ),
        (
            "duplicate dataset id \"%@\"",
            "mã bộ số liệu \"%@\" bị trùng"
        ),
        (
            "duplicate measure id \"%@\" in dataset %@",
            "mã chỉ số \"%@\" bị trùng trong bộ số liệu %@"
        ),
        (
            "duplicate row for %@, period %@",
            "dòng bị trùng cho %@, kỳ %@"
        ),
        (
            "e.g. \"%@\"",
            "ví dụ \"%@\""
        ),
        (
            "e.g. %@",
            "ví dụ %@"
        ),
        (
            "empty file: no header row",
            "tệp rỗng: không có dòng tiêu đề"
        ),
        (
            "every file starts with unit and period (and field); list only the other columns",
            "mọi tệp đều bắt đầu bằng unit và period (và field); chỉ liệt kê các cột còn lại"
        ),
        (
            "field",
            "lĩnh vực"
        ),
        (
            "field ids are listed in fields.yml",
            "mã lĩnh vực được liệt kê trong fields.yml"
        ),
        (
            "first declared at %@:%@",
            "đã khai báo lần đầu ở %@:%@"
        ),
        (
            "first given at %@:%@",
            "đã có lần đầu ở %@:%@"
        ),
        (
            "formula must be { ratio: { numerator: [columns], denominator: [columns] } } or { sum: [columns] }",
            "formula phải là { ratio: { numerator: [các cột], denominator: [các cột] } } hoặc { sum: [các cột] }"
        ),
        (
            "give either the months or the quarter; %@ is at %@:%@",
            "chỉ khai các tháng hoặc cả quý; %@ ở %@:%@"
        ),
        (
            "list the fields in fields.yml",
            "liệt kê các lĩnh vực trong fields.yml"
        ),
        (
            "measure id \"%@\" may use only a-z, 0-9 and _, and must start with a letter",
            "mã chỉ số \"%@\" chỉ được dùng a-z, 0-9 và _, và phải bắt đầu bằng chữ cái"
        ),
        (
            "measures add integer columns",
            "chỉ số được tính từ các cột số nguyên"
        ),
        (
            "metric file outside a dataset folder",
            "tệp số liệu nằm ngoài thư mục bộ số liệu"
        ),
        (
            "missing column %@ (\"%@\")",
            "thiếu cột %@ (\"%@\")"
        ),
        (
            "move it into %@/<dataset>/, e.g. %@/dossiers/",
            "chuyển nó vào %@/<bộ số liệu>/, ví dụ %@/dossiers/"
        ),
        (
            "period \"%@\" must be %@",
            "kỳ \"%@\" phải là %@"
        ),
        (
            "period is empty",
            "kỳ báo cáo bị bỏ trống"
        ),
        (
            "period must be month, quarter or year, not \"%@\"",
            "period phải là month, quarter hoặc year, không phải \"%@\""
        ),
        (
            "quoted cell is never closed",
            "ô mở dấu ngoặc kép nhưng không đóng lại"
        ),
        (
            "row has %@ cell%@, the header has %@",
            "dòng có %1$@ ô, dòng tiêu đề có %3$@ ô"
        ),
        (
            "sum: a quarter adds its months (counts of events); latest: a quarter takes its last month (a stock)",
            "sum: quý là tổng các tháng (số lượt phát sinh); latest: quý lấy tháng cuối (số tồn)"
        ),
        (
            "the columns are %@",
            "các cột là %@"
        ),
        (
            "the columns of %@ are %@",
            "các cột của %@ là %@"
        ),
        (
            "the datasets are %@; declare others in datasets.yml",
            "các bộ số liệu là %@; khai báo thêm trong datasets.yml"
        ),
        (
            "the first line names the columns, e.g. %@",
            "dòng đầu ghi tên các cột, ví dụ %@"
        ),
        (
            "unit",
            "đơn vị"
        ),
        (
            "unit %@",
            "đơn vị %@"
        ),
        (
            "unit %@, field %@",
            "đơn vị %@, lĩnh vực %@"
        ),
        (
            "unit ids are listed in units.yml",
            "mã đơn vị được liệt kê trong units.yml"
        ),
        (
            "unknown %@ \"%@\"",
            "không có %@ \"%@\""
        ),
        (
            "unknown column \"%@\" in measure %@",
            "không có cột \"%@\" (trong chỉ số %@)"
        ),
        (
            "unknown column \"%@\" is ignored",
            "cột lạ \"%@\" bị bỏ qua"
        ),
        (
            "unknown dataset \"%@\" (folder %@/%@)",
            "không có bộ số liệu \"%@\" (thư mục %@/%@)"
        ),
        (
            "unknown formula `%@`",
            "không có công thức `%@`"
        ),
        (
            "unknown key `%@` in a ratio",
            "khóa lạ `%@` trong một tỷ lệ"
        ),
        (
            "unknown unit \"%@\" in reported_by",
            "không có đơn vị \"%@\" (trong reported_by)"
        ),
        (
            "unknown unit kind \"%@\" in reported_by",
            "không có loại đơn vị \"%@\" (trong reported_by)"
        ),
        (
            "write 0 if there were none",
            "ghi 0 nếu không có"
        ),
        (
            "write counts as plain digits, without a thousands separator: %@",
            "ghi số đếm bằng chữ số liền, không dấu phân cách hàng nghìn: %@"
        ),
    ]
}
