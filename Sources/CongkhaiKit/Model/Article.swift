/// One article of the reform news column.
public struct Article: Sendable, Equatable {
    public var source: SourceLocation
    public var title: String
    public var date: Timestamp
    public var unitID: String?
    public var category: Category
    public var tags: [Tag]
    public var summary: String
    public var slug: String
    public var draft: Bool
    /// CommonMark source of the body; rendered to HTML only when its page is written.
    public var body: String
    /// Where the body starts in the file, for diagnostics.
    public var bodyLine: Int
    /// Where `unit:` and the slug's origin (`slug:` or `title:`) are written, for diagnostics.
    public var unitLocation: SourceLocation?
    public var slugLocation: SourceLocation
    /// A stable hash of the body, so a page fingerprint changes when the body does.
    public var bodyDigest: UInt64 = 0
    /// True when the body is not held in memory: `ArticleLoader.body(of:)` reads it from the file.
    public var bodyPending = false

    public var path: String { "/tin-tuc/\(slug)/" }
}

/// A tag as written (`một cửa`) and its path segment (`mot-cua`).
public struct Tag: Sendable, Hashable {
    public var name: String
    public var slug: String
    public init(name: String) {
        self.name = name
        self.slug = Tag.slugs.value(for: name) { Slug.make(name) }
    }

    /// Tags repeat across thousands of articles: each name is folded once.
    static let slugs = Memo<String, String>()
}


/// The news column's fixed categories (SPEC: chuyên mục).
public struct Category: Sendable, Hashable {
    public var id: String
    public var name: String

    public static let all: [Category] = [
        Category(id: "tuyen-truyen", name: "Tuyên truyền"),
        Category(id: "mo-hinh-hay", name: "Mô hình hay"),
        Category(id: "guong-dien-hinh", name: "Gương điển hình"),
        Category(id: "thong-bao", name: "Thông báo"),
    ]

    public static func named(_ id: String) -> Category? { all.first { $0.id == id } }
}

/// A standing page under `/ke-hoach/`: the decision, the plan's sections.
public struct PlanPage: Sendable, Equatable {
    public var source: SourceLocation
    public var title: String
    public var slug: String
    public var order: Int
    public var summary: String
    /// The plan's roman section (`I`), linking the page to its targets' clauses.
    public var section: String?
    public var body: String

    public var path: String { "/ke-hoach/\(slug)/" }
}
