// The fuzz targets' bodies: each takes one input's bytes, runs one of congkhai's own parsers on it
// the way a build does, and traps when something a parser promises does not hold. The libFuzzer
// executables (FuzzCSV, FuzzFrontMatter, FuzzYAML) call them; the tests replay the seed corpora
// and every saved crash through them (FuzzRegressionTests). Internal API, so debug builds only.
#if DEBUG || CONGKHAI_FUZZING
@testable import CongkhaiCore
@testable import CongkhaiImport
@testable import CongkhaiKit
import Foundation

public enum FuzzTargets {
    /// By the name scripts/fuzz and Fuzz/Corpus/<name>/ use.
    public static let all: [(name: String, run: @Sendable (UnsafeBufferPointer<UInt8>) -> Void)] = [
        ("csv", csv), ("front-matter", frontMatter), ("yaml", yaml), ("xlsx", xlsx),
    ]

    /// A metric file of the `dossiers` dataset, read as `Content/metrics/dossiers/*.csv` is (in
    /// memory, as MetricsLoader.readFile has it after reading): the UTF-8 check, the CSV tokenizer
    /// (separator, quotes, line ends), headers (English keys and the national form's Vietnamese
    /// titles), counts, periods, units, fields; then the validator.
    public static func csv(_ bytes: UnsafeBufferPointer<UInt8>) {
        // The tokenizer alone, every cell made with its place (as a header or an import's sheet is).
        let csvLog = DiagnosticLog()
        var tokenizer = CSVTokenizer(bytes: bytes, file: "a.csv", log: csvLog)
        var cells: [CSVTokenizer.Cell] = []
        while let line = tokenizer.next(into: &cells) {
            precondition(line >= 1)
            for cell in cells.map({ tokenizer.cell($0) }) {
                precondition(cell.line >= line && cell.column >= 1, "\(cell)")
            }
        }
        checkLocated(csvLog, file: "a.csv")
        // As MetricsLoader.readFile does after reading the file: the BOM dropped, UTF-8 checked.
        var body = bytes
        if body.count >= 3, body[0] == 0xEF, body[1] == 0xBB, body[2] == 0xBF {
            body = UnsafeBufferPointer(rebasing: body[3...])
        }
        guard MetricsLoader.isASCII(body) || String(validating: body, as: UTF8.self) != nil else {
            return
        }
        let log = DiagnosticLog()
        let rows = MetricsLoader.rowsOfFile(
            body, file: "dossiers/2021-03.csv", schema: BuiltInDatasets.dossiers,
            headers: headers, references: references, maxLineBytes: 4096, log: log)
        let table = MetricsLoader.table(
            BuiltInDatasets.dossiers, [rows], files: ["dossiers/2021-03.csv"],
            references: references)
        _ = MetricsValidator.validate([table], log: log)
        checkLocated(log, file: "dossiers/2021-03.csv")
    }

    static let references = MetricsLoader.References(units: units, fields: fields)
    static let headers = MetricsLoader.HeaderTable(BuiltInDatasets.dossiers, textColumns: [])

    /// A news article as `Content/news/` holds it: the front-matter splitter (`---` fences, CRLF,
    /// a BOM, the header alone as a --unit build reads other units' articles), its YAML with
    /// line/column, the article's fields (dates, slugs, tags, unit) and its summary through cmark.
    public static func frontMatter(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let length = FrontMatter.headerLength(bytes) { precondition(length <= bytes.count) }
        if case .success(let split)? = FrontMatter.split(String(decoding: bytes, as: UTF8.self)) {
            precondition(split.bodyFirstLine >= 2)
        }
        write(bytes, to: "news/2021/bai-viet.md")
        for headerOnly in [false, true] {
            let log = DiagnosticLog()
            if let article = ArticleLoader.load(
                "news/2021/bai-viet.md", content: content, log: log, frontMatterOnly: headerOnly)
            {
                precondition(
                    !article.slug.isEmpty && !article.slug.contains("/") && article.slug != "..",
                    article.slug)
            }
            checkLocated(log, file: "news/2021/bai-viet.md")
        }
    }

    /// The YAML files of `Content/`: the same input read as site.yml, units.yml, fields.yml,
    /// targets.yml and datasets.yml (Yams with line/column, then each file's records).
    public static func yaml(_ bytes: UnsafeBufferPointer<UInt8>) {
        for file in ["site.yml", "units.yml", "fields.yml", "targets.yml", "datasets.yml"] {
            write(bytes, to: file)
        }
        let log = DiagnosticLog()
        _ = SiteConfigLoader.load(content, log: log)
        let units = UnitsLoader.loadUnits(content, log: log)
        _ = UnitsLoader.loadFields(content, log: log)
        _ = TargetsLoader.load(content, log: log)
        _ = DatasetDeclarationLoader.load(content, unitIDs: units.map(\.id), log: log)
        checkLocated(log, file: ".yml")
    }

    /// An `.xlsx` export as `congkhai import` reads it: the ZIP package (ZIPFoundation), the
    /// workbook's parts (XMLCoder), each worksheet (libxml2's reader), merged ranges; then the
    /// Biểu 06a reader on every sheet (header search, title rows, counts, totals). Every
    /// diagnostic names a cell of the file; every count it keeps is a count.
    public static func xlsx(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let sheets = try? XLSXReader.read(Data(buffer: bytes), file: "a.xlsx") else { return }
        for sheet in sheets {
            precondition(
                sheet.rows.count <= 1_048_576 && sheet.rows.allSatisfy { $0.count <= 16_384 })
            for layout in [FormLayout.dossiers, .satisfaction, .feedback] {
                let log = DiagnosticLog()
                if let form = FormReader.read(sheet, layout: layout, fields: fields, log: log) {
                    for row in form.rows {
                        precondition(row.values.values.allSatisfy { $0 >= 0 }, "\(row)")
                    }
                }
                for diagnostic in log.all {
                    precondition(
                        diagnostic.location.file.hasPrefix("a.xlsx:")
                            && diagnostic.location.line == 0,
                        "diagnostic not at a cell: \(diagnostic)")
                }
            }
        }
    }

    static let units = ["phuong-1", "phuong-5", "phong-noi-vu"].map {
        Unit(id: $0, name: $0, kind: .ward, short: $0)
    }
    static let fields = ["dat-dai", "ho-tich", "xay-dung"].map { Field(id: $0, name: $0) }

    /// Every diagnostic points into the file it names, at a line and a column from 1.
    static func checkLocated(_ log: DiagnosticLog, file: String) {
        for diagnostic in log.all {
            let at = diagnostic.location
            precondition(
                at.line >= 1 && at.column >= 1, "diagnostic without a place: \(diagnostic)")
            precondition(at.file.hasSuffix(file), "diagnostic names another file: \(diagnostic)")
        }
    }

    /// A folder of this process where the loaders find the input as a file (removed at exit).
    static let content: ContentDirectory = {
        let base = ProcessInfo.processInfo.environment["TMPDIR"] ?? NSTemporaryDirectory()
        var template = Array("\(base)/congkhai-fuzz-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            fatalError("cannot make a temporary folder in \(base)")
        }
        let path = String(cString: made)
        Cleanup.folder = path
        atexit {
            if let path = Cleanup.folder { try? FileManager.default.removeItem(atPath: path) }
        }
        return ContentDirectory(path: path)
    }()

    enum Cleanup { nonisolated(unsafe) static var folder: String? }

    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to relative: String) {
        let url = content.url(relative)
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(buffer: bytes))
    }
}
#endif
