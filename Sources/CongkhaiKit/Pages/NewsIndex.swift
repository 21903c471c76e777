import CongkhaiCore

/// The news column grouped every way its pages list it. Values are indexes into `SiteContent.articles`
/// (newest first), so each group is already in display order.
package struct NewsIndex: Sendable {
    package var byCategory: [String: [Int]]
    package var byTag: [String: [Int]]
    /// A tag's display name, from its first (newest) use.
    package var tagNames: [String: String]
    package var byUnit: [String: [Int]]
    /// Articles without a unit: the district's own column.
    package var district: [Int]
    /// Every listed article: all but those past their `expires:` on `day`.
    package var listed: [Int]

    package init(_ articles: [Article], listedOn day: CalendarDay? = nil) {
        listed =
            day.map { day in articles.indices.filter { !articles[$0].hasExpired(on: day) } }
            ?? Array(articles.indices)
        var byCategory: [String: [Int]] = [:], byTag: [String: [Int]] = [:]
        var tagNames: [String: String] = [:], byUnit: [String: [Int]] = [:], district: [Int] = []
        for i in listed {
            let article = articles[i]
            byCategory[article.category.id, default: []].append(i)
            for tag in article.tags {
                byTag[tag.slug, default: []].append(i)
                if tagNames[tag.slug] == nil { tagNames[tag.slug] = tag.name }
            }
            if let unit = article.unitID {
                byUnit[unit, default: []].append(i)
            } else {
                district.append(i)
            }
        }
        self.byCategory = byCategory
        self.byTag = byTag
        self.tagNames = tagNames
        self.byUnit = byUnit
        self.district = district
    }

    /// Tag slugs sorted by their Vietnamese names.
    package var sortedTagSlugs: [String] {
        byTag.keys.sorted { (tagNames[$0] ?? $0, $0) < (tagNames[$1] ?? $1, $1) }
    }
}

/// Splitting a list into pages of `size`: page 1 at the list's own URL, then `trang-2/`, `trang-3/`…
package struct Pagination: Sendable {
    package var total: Int
    package var size: Int

    package var pageCount: Int { max(1, (total + size - 1) / size) }

    package func range(ofPage page: Int) -> Range<Int> {
        let start = (page - 1) * size
        return min(start, total)..<min(start + size, total)
    }

    /// The page numbers a pager shows around `page`: the first, the last, and two either side of
    /// the current one, with a gap where numbers are skipped. Keeps every pager small however
    /// long the list.
    package struct Window: Equatable, Sendable {
        /// Page 1, when it is not among `before`.
        package var first: Int?
        /// Pages are skipped between `first` and `before`.
        package var gapBefore: Bool
        package var before: [Int]
        package var after: [Int]
        /// Pages are skipped between `after` and `last`.
        package var gapAfter: Bool
        /// The last page, when it is not among `after`.
        package var last: Int?
    }

    package static func window(around page: Int, count: Int) -> Window {
        let low = max(1, page - 2), high = min(count, page + 2)
        return Window(
            first: low > 1 ? 1 : nil, gapBefore: low > 2, before: Array(low..<page),
            after: page < high ? Array((page + 1)...high) : [], gapAfter: high < count - 1,
            last: high < count ? count : nil)
    }
}
