import CongkhaiCore

/// The pages the search index holds, in document order: units first (a unit's name typed
/// without marks finds its page before the news that mentions it), the plan, the statistics and
/// the other standing pages, then the articles newest first. The planner counts them to know how
/// many index files to write; the renderer turns them into `SearchIndex.Document`s.
package enum SearchSource: Sendable, Hashable {
    case unit(Int)
    case page(url: String, title: String)
    case plan(Int)
    case statistics(Span)
    case article(Int)

    package static func all(
        _ content: SiteContent, spans: [Span], hasFigures: Bool
    ) -> [SearchSource] {
        var sources = content.units.indices.map(SearchSource.unit)
        sources.append(.page(url: Routes.units, title: "Các đơn vị công khai số liệu"))
        sources.append(
            .page(
                url: Routes.plan, title: "Kế hoạch cải cách hành chính năm \(content.config.year)"))
        sources += content.planPages.indices.map(SearchSource.plan)
        if hasFigures {
            sources.append(
                .page(
                    url: Routes.statistics,
                    title: "Thống kê kết quả giải quyết hồ sơ thủ tục hành chính"))
            sources += spans.map(SearchSource.statistics)
            sources.append(
                .page(url: Routes.compliance, title: "Tình hình công khai số liệu của các đơn vị"))
        }
        sources.append(.page(url: Routes.openData, title: "Dữ liệu mở"))
        sources.append(.page(url: Routes.news, title: "Tin tức cải cách hành chính"))
        sources += content.articles.indices.map(SearchSource.article)
        return sources
    }
}
