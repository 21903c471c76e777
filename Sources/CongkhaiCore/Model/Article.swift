/// One article of the reform news column. A reference to immutable values: a site has thousands
/// of articles that every stage passes around, sorts and caches, and a copy is then one pointer.
package final class Article: Sendable, Equatable {
    package let source: SourceLocation
    package let title: String
    package let date: Timestamp
    package let unitID: String?
    package let category: Category
    package let tags: [Tag]
    package let summary: String
    package let slug: String
    package let draft: Bool
    /// Where the body starts in the file, for diagnostics.
    package let bodyLine: Int
    /// Where `unit:` and the slug's origin (`slug:` or `title:`) are written, for diagnostics.
    package let unitLocation: SourceLocation?
    package let slugLocation: SourceLocation
    /// A stable hash of the body, so a page fingerprint changes when the body does.
    package let bodyDigest: UInt64
    /// Only the front matter was read (a `--unit` build, for another unit's article): no body
    /// digest, and no summary unless the front matter gives one. Never rendered, never cached.
    package let frontMatterOnly: Bool
    /// `expires:`: after this day the article leaves the lists and feeds; its page stays, marked.
    package let expires: CalendarDay?
    /// The files and site pages its body points at (images, attachments, internal links).
    package let references: [MediaReference]

    package init(
        source: SourceLocation, title: String, date: Timestamp, unitID: String?, category: Category,
        tags: [Tag],
        summary: String, slug: String, draft: Bool, bodyLine: Int, unitLocation: SourceLocation?,
        slugLocation: SourceLocation, bodyDigest: UInt64 = 0, frontMatterOnly: Bool = false,
        expires: CalendarDay? = nil, references: [MediaReference] = []
    ) {
        self.expires = expires
        self.references = references
        self.source = source
        self.title = title
        self.date = date
        self.unitID = unitID
        self.category = category
        self.tags = tags
        self.summary = summary
        self.slug = slug
        self.draft = draft
        self.bodyLine = bodyLine
        self.unitLocation = unitLocation
        self.slugLocation = slugLocation
        self.bodyDigest = bodyDigest
        self.frontMatterOnly = frontMatterOnly
    }

    /// Dated after `day` (Vietnam time): scheduled, published by the first build on or after its day.
    package func isScheduled(on day: CalendarDay) -> Bool { date.vietnamDay > day }

    /// Past its `expires:` day on `day`: no longer listed.
    package func hasExpired(on day: CalendarDay) -> Bool { expires.map { day > $0 } ?? false }

    package static func == (a: Article, b: Article) -> Bool {
        a === b
            || (a.source == b.source && a.title == b.title && a.date == b.date
                && a.unitID == b.unitID
                && a.category == b.category && a.tags == b.tags && a.summary == b.summary
                && a.slug == b.slug
                && a.draft == b.draft && a.bodyLine == b.bodyLine
                && a.unitLocation == b.unitLocation
                && a.slugLocation == b.slugLocation && a.bodyDigest == b.bodyDigest
                && a.frontMatterOnly == b.frontMatterOnly && a.expires == b.expires
                && a.references == b.references)
    }
}

/// A tag as written (`một cửa`) and its path segment (`mot-cua`).
package struct Tag: Sendable, Hashable {
    package var name: String
    package var slug: String
    package init(name: String) {
        self.name = name
        self.slug = Tag.slugs.value(for: name) { Slug.make(name) }
    }

    /// Tags repeat across thousands of articles: each name is folded once.
    static let slugs = Memo<String, String>()
}

/// The news column's fixed categories (SPEC: chuyên mục).
package struct Category: Sendable, Hashable {
    package var id: String
    package var name: String

    package static let all: [Category] = [
        Category(id: "tuyen-truyen", name: "Tuyên truyền"),
        Category(id: "mo-hinh-hay", name: "Mô hình hay"),
        Category(id: "guong-dien-hinh", name: "Gương điển hình"),
        Category(id: "thong-bao", name: "Thông báo"),
    ]

    package static func named(_ id: String) -> Category? { all.first { $0.id == id } }
}

/// A standing page under `/ke-hoach/`: the decision, the plan's sections.
package struct PlanPage: Sendable, Equatable {
    package var source: SourceLocation
    package var title: String
    package var slug: String
    package var order: Int
    package var summary: String
    /// The plan's roman section (`I`), linking the page to its targets' clauses.
    package var section: String?
    package var body: String
    /// The files and site pages its body points at.
    package var references: [MediaReference] = []

    package init(
        source: SourceLocation, title: String, slug: String, order: Int, summary: String,
        section: String? = nil, body: String, references: [MediaReference] = []
    ) {
        self.references = references
        self.source = source
        self.title = title
        self.slug = slug
        self.order = order
        self.summary = summary
        self.section = section
        self.body = body
    }
}
