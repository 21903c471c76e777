/// How many articles a page shows where the site's `news_per_page` does not decide it. A page's
/// data (`Render/`) and its fingerprint (`Cache/PageFingerprints`) both read them here, so a page
/// is rebuilt exactly when what it shows changes.
package enum ShownArticles {
    /// The newest articles on the home page.
    package static let onHome = 6
    /// The entries of a feed: the news column's and each unit's.
    package static let inFeed = 20
}
