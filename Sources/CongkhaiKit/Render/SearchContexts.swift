import CongkhaiCore
import Foundation

/// The search index, made once per build by the first index file rendered (under a lock: the
/// other workers wait for it rather than make it again).
final class SearchIndexCell: @unchecked Sendable {
    private var made: SearchIndex?
    private let lock = NSLock()

    func value(_ make: () -> SearchIndex) -> SearchIndex {
        lock.lock(); defer { lock.unlock() }
        if let made { return made }
        let index = make()
        made = index
        return index
    }
}

/// Data for `/tim-kiem/` and the documents of its index.
extension RenderEnvironment {
    var searchIndex: SearchIndex {
        searchCell.value {
            let sources = SearchSource.all(
                content, spans: figures.statisticsSpans, hasFigures: !figures.datasets.isEmpty)
            // Each page's document, on all cores.
            var documents = [SearchIndex.Document?](repeating: nil, count: sources.count)
            documents.withUnsafeMutableBufferPointer { buffer in
                let slots = UnsafeSendable(buffer), block = 512
                DispatchQueue.concurrentPerform(iterations: (sources.count + block - 1) / block) {
                    b in
                    for i in (b * block)..<min(sources.count, (b + 1) * block) {
                        slots.value[i] = searchDocument(sources[i])
                    }
                }
            }
            return SearchIndex(documents: documents.map { $0! })
        }
    }

    func searchContext() -> Context {
        let count = SearchSource.all(
            content, spans: figures.statisticsSpans, hasFigures: !figures.datasets.isEmpty
        ).count
        return pageContext(
            title: "Tìm kiếm", url: Routes.search,
            description:
                "Tìm đơn vị, tin tức, kế hoạch và số liệu cải cách hành chính, gõ có dấu hoặc không dấu",
            breadcrumbs: [("Tìm kiếm", Routes.search)],
            extra: [
                "search": [
                    "shards": SearchIndex.shardCount(documents: count),
                    "chunk": SearchIndex.chunkSize,
                    "documents": count,
                ] as Context
            ])
    }

    /// Weights: a unit's name counts most, then titles, tags, and last the text.
    func searchDocument(_ source: SearchSource) -> SearchIndex.Document {
        switch source {
        case .unit(let i):
            let unit = content.units[i]
            var fields: [(String, Int)] = [
                (unit.name(on: buildDate), 60), (unit.shortName(on: buildDate), 60),
                (unit.kind.label, 4),
            ]
            for rename in unit.renamed { fields.append((rename.name, 20)) }
            if !unit.renamed.isEmpty { fields.append((unit.name, 20)) }
            return .init(
                url: Routes.unit(unit.id), title: unit.name(on: buildDate), kind: "Đơn vị",
                snippet:
                    "Trang công khai: tỷ lệ giải quyết hồ sơ đúng hạn, trễ hạn, mức độ hài lòng, phản ánh kiến nghị. \(unit.kind.label).",
                fields: fields)
        case .page(let url, let title):
            return .init(url: url, title: title, kind: "Trang", snippet: "", fields: [(title, 20)])
        case .plan(let i):
            let page = content.planPages[i]
            return .init(
                url: Routes.planPage(page), title: page.title, kind: "Kế hoạch",
                snippet: Self.clip(page.summary),
                fields: [(page.title, 20), (page.summary, 4), (page.body, 1)])
        case .statistics(let span):
            let title = "Thống kê – \(span.label)"
            return .init(
                url: Routes.statistics(span), title: title, kind: "Thống kê",
                snippet: "Số liệu toàn quận theo lĩnh vực, xếp hạng đơn vị, \(span.label).",
                fields: [(title, 20), (content.fields.map(\.name).joined(separator: " "), 1)])
        case .article(let i):
            let article = content.articles[i]
            var fields: [(String, Int)] = [
                (article.title, 10), (article.summary, 2), (article.category.name, 2),
            ]
            for tag in article.tags { fields.append((tag.name, 5)) }
            if let unit = article.unitID.flatMap(content.unit) {
                fields.append((unit.shortName(on: article.date.vietnamDay), 3))
            }
            return .init(
                url: Routes.article(article), title: article.title,
                kind: "Tin tức · \(article.date.vietnamDay.vietnamese)",
                snippet: Self.clip(article.summary)
                    + (article.tags.isEmpty
                        ? "" : " · Thẻ: " + article.tags.map(\.name).joined(separator: ", ")),
                fields: fields)
        }
    }

    /// At most 160 characters, cut at a space.
    static func clip(_ text: String) -> String {
        guard text.count > 160 else { return text }
        let head = text.prefix(160)
        return String(head[..<(head.lastIndex(of: " ") ?? head.endIndex)]) + " …"
    }
}
