/// What a page shows. The renderer turns each kind into a template and its data.
public enum PageKind: Sendable, Hashable {
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
    /// A file published as it is: a document or drawing from `Content/`, or a photo's size made
    /// by the image cache (an absolute path).
    case file(source: String)
}

/// One file of the site to be written: where, and what.
public struct PlannedPage: Sendable, Hashable {
    public var path: OutputPath
    /// The URL path readers see (`/tin-tuc/abc/`).
    public var url: String
    public var kind: PageKind
    /// Listed in sitemap.xml (HTML pages other than 404).
    public var inSitemap: Bool
}

/// The open-data file formats.
public enum DataFormat: String, Sendable, Hashable { case csv, json }
