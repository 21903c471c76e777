import CongkhaiCore

/// Links from markdown to pages of this site (`/tin-tuc/…/`, `/don-vi/phuong-1/`), checked against
/// the pages the build writes: a link to a page that does not exist is an error, with the nearest
/// existing path as a suggestion. Links to other sites are never fetched.
enum SiteLinks {
    static func check(_ content: SiteContent, plan: SitePlan, log: DiagnosticLog) {
        var owners: [(String, [MediaReference])] = content.articles.compactMap {
            $0.references.isEmpty ? nil : ($0.source.file, $0.references)
        }
        owners += content.planPages.compactMap {
            $0.references.isEmpty ? nil : ($0.source.file, $0.references)
        }
        guard !owners.isEmpty else { return }
        let urls = Set(plan.pages.map(\.url))
        var sorted: [String]?
        for (file, references) in owners {
            for reference in references
            where reference.isSitePath && !MediaPlanner.isMediaPath(reference.path) {
                let path = reference.path
                if exists(path, in: urls) { continue }
                // Suggest among the pages of the same section: a national site has many thousands.
                let all = sorted ?? plan.pages.filter(\.inSitemap).map(\.url).sorted()
                sorted = all
                let section = RenderEnvironment.section(of: path)
                let near =
                    Spelling.closest(
                        to: path, among: all.filter { $0.hasPrefix(section) },
                        maxDistance: max(3, path.count / 3))
                    ?? Spelling.closest(
                        to: path, among: all.filter { $0.split(separator: "/").count <= 2 },
                        maxDistance: max(3, path.count / 2))
                log.error(
                    SourceLocation(file: file, line: reference.line, column: reference.column),
                    "link to \(path), a page this site does not have",
                    hint: near.map { "did you mean \($0)?" }
                        ?? "check the address; pages of this site end with /")
            }
        }
    }

    /// The page as written, or with the `/` or `index.html` a reader's browser would add.
    static func exists(_ path: String, in urls: Set<String>) -> Bool {
        if urls.contains(path) { return true }
        if !path.hasSuffix("/") && urls.contains(path + "/") { return true }
        if path.hasSuffix("/index.html") && urls.contains(String(path.dropLast("index.html".count)))
        {
            return true
        }
        return false
    }
}
