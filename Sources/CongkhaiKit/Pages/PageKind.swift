import CongkhaiCore

/// What a page shows. The renderer turns each kind into a template and its data.
package enum PageKind: Sendable, Hashable {
    case home
    case newsList(page: Int)
    case article(index: Int)
    case category(id: String, page: Int)
    case tag(slug: String, page: Int)
    case tagIndex
    case unitIndex
    case unit(id: String)
    case statisticsIndex
    case statistics(span: Span)
    case compliance
    case openData
    case datasetFile(id: String, format: DataFormat)
    case figuresFile(format: DataFormat)
    case dataPackage
    case planIndex
    case plan(index: Int)
    case newsFeed
    case unitFeed(id: String)
    case sitemap
    case robots
    case notFound
    case asset(name: String)
    /// `/tim-kiem/`, and its index: one file of postings a shard, one of documents a chunk.
    case search
    case searchShard(Int)
    case searchDocuments(Int)
    /// A file published as it is: a document or drawing from `Content/`, or a photo's size made
    /// by the image cache (an absolute path).
    case file(source: String)
    /// A unit's figures for its own website: `/don-vi/<id>/nhung/` (for an iframe) and `so-lieu.json`.
    case unitEmbed(id: String)
    case unitFigures(id: String)
    /// Social cards (`og:image`, PNG 1200×630): the site's, and one per unit with its on-time rate.
    case siteCard
    case unitCard(id: String)
}

/// One file of the site to be written: where, and what.
package struct PlannedPage: Sendable, Hashable {
    package var path: OutputPath
    /// The URL path readers see (`/tin-tuc/abc/`).
    package var url: String
    package var kind: PageKind
    /// Listed in sitemap.xml (HTML pages other than 404).
    package var inSitemap: Bool
}

/// The open-data file formats.
package enum DataFormat: String, Sendable, Hashable { case csv, json }
