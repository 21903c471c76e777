import CongkhaiCore
import Foundation

/// The commonest edit, made fast: article files whose front matter means exactly what it meant
/// before, so only their bodies changed. An article's body shows on its own page and nowhere else
/// (lists, feeds and neighbours show its card), so that page is the only output to rewrite, and it
/// is rendered from the article and its two neighbours alone, without loading the rest of the site.
///
/// The page goes through the same renderer and fingerprint as in any build; the tests check that
/// the result equals a clean build. Whenever anything else changed, or the last build reported
/// anything, `run` returns nil and the build takes the full incremental path.
enum BodyEditUpdate {
    /// More changed files than this and the full path is as quick.
    static let maximumFiles = 32

    /// One edited article's page, ready to render: the page, the renderer of its three-article
    /// column, its fingerprint, and the article's new cache record.
    struct Edit {
        var path: String
        var record: BuildCache.ArticleRecord
        var page: PlannedPage
        var renderer: PageRenderer
        var fingerprint: UInt64
    }

    /// The edited articles' pages, or nil when the build must take the incremental path.
    static func plan(
        _ options: BuildOptions, content directory: ContentDirectory, session: CacheSession,
        run: BuildRun
    ) -> [Edit]? {
        guard options.units.isEmpty, session.previousWasClean,
            let navigation = session.previousNavigation,
            let changed = changedArticles(session), !changed.isEmpty
        else { return nil }
        return run.timed("prepare \(changed.count) edited article pages") {
            // Site, units and theme: unchanged since a clean build, so they load without a word.
            let log = DiagnosticLog()
            let config = SiteConfigLoader.load(directory, log: log)
            let units = UnitsLoader.loadUnits(directory, log: log)
            let theme = Theme.load(directory: options.templatesPath, log: log)
            guard log.all.isEmpty else { return nil }
            var edits: [Edit] = []
            for path in changed {
                var directory = directory
                directory.limits = config.limits
                guard
                    let edit = edit(
                        path, options: options, directory: directory, session: session,
                        config: config,
                        units: units, theme: theme, navigation: navigation)
                else { return nil }
                edits.append(edit)
            }
            return edits
        }
    }

    /// The content-relative paths of the changed files, when every change is an edit of an article
    /// file that was there before (no file added, removed or of another kind); otherwise nil.
    static func changedArticles(_ session: CacheSession) -> [String]? {
        guard let before = session.previousStamps?.stamps else { return nil }
        let now = session.inventory.stamps
        guard now.count == before.count else { return nil }
        var changed: [String] = []
        for (path, stamp) in now {
            guard let old = before[path] else { return nil }
            guard old != stamp else { continue }
            let relative = String(path.dropFirst(SourceInventory.content("").count))
            guard path.hasPrefix(SourceInventory.content(ArticleLoader.folder, folder: true)),
                relative.split(separator: ".").last.map({
                    ArticleLoader.extensions.contains(String($0))
                }) == true,
                changed.count < maximumFiles
            else { return nil }
            changed.append(relative)
        }
        return changed.sorted()
    }

    /// One edited article's page, or nil when the article's card changed (or it does not load
    /// cleanly, is a draft, or its records are missing).
    static func edit(
        _ path: String, options: BuildOptions, directory: ContentDirectory, session: CacheSession,
        config: SiteConfig, units: [Unit], theme: Theme, navigation: [String]
    ) -> Edit? {
        let log = DiagnosticLog()
        guard let record = session.articleRecord(path),
            let article = ArticleLoader.load(path, content: directory, log: log), log.all.isEmpty,
            !article.draft, !record.article.draft, sameCard(article, record.article),
            keepsToCheckedLinks(article, before: record.article)
        else { return nil }
        var column: [Article] = []
        if let newer = record.newer {
            guard let neighbour = session.articleRecord(newer) else { return nil }
            column.append(neighbour.article)
        }
        let index = column.count
        column.append(article)
        if let older = record.older {
            guard let neighbour = session.articleRecord(older) else { return nil }
            column.append(neighbour.article)
        }
        let url = Routes.article(article)
        guard let output = OutputPath(urlPath: url) else { return nil }
        let page = PlannedPage(
            path: output, url: url, kind: .article(index: index), inSitemap: true)
        // The page's last record must be there: otherwise the output is not what the cache says.
        guard session.pageRecord(output.relative) != nil else { return nil }

        let content = SiteContent(
            config: config, units: units, fields: [], articles: column, planPages: [])
        let figures = SiteFigures(
            tables: [], targets: [], content: content, buildDate: options.buildDate)
        let plan = SitePlan(pages: [page], news: NewsIndex(column, listedOn: options.buildDate))
        let environment = RenderEnvironment(
            content: content, figures: figures, plan: plan, buildDate: options.buildDate,
            navigation: navigation)
        let renderer = PageRenderer(environment: environment, theme: theme)
        let fingerprint = PageFingerprints(
            environment: environment, theme: theme, inventory: session.inventory, options: options
        )
        .fingerprint(page, renderer: renderer)
        return Edit(
            path: path,
            record: BuildCache.ArticleRecord(
                article: article, newer: record.newer, older: record.older),
            page: page, renderer: renderer, fingerprint: fingerprint)
    }

    /// Whether every reference of the edited article is a link to a page of this site that it
    /// already had when the last build checked it. The checks a body edit skips: files beside the
    /// markdown and photos are resolved by the media stage, and links to pages are checked against
    /// the plan, which a body edit leaves as it was.
    static func keepsToCheckedLinks(_ article: Article, before: Article) -> Bool {
        func pageLinks(_ article: Article) -> Set<String>? {
            var paths = Set<String>()
            for reference in article.references {
                guard reference.kind == .link, reference.isSitePath,
                    !MediaPlanner.isMediaPath(reference.path)
                else { return nil }
                paths.insert(reference.path)
            }
            return paths
        }
        guard let now = pageLinks(article), let checked = pageLinks(before) else { return false }
        return now.isSubset(of: checked)
    }

    /// Everything a list, feed or neighbour shows of an article, and everything that places it.
    static func sameCard(_ a: Article, _ b: Article) -> Bool {
        a.title == b.title && a.date == b.date && a.unitID == b.unitID && a.category == b.category
            && a.tags == b.tags
            && a.summary == b.summary && a.slug == b.slug && a.draft == b.draft
            && a.expires == b.expires
    }
}
