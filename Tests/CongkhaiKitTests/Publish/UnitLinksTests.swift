import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// A `--unit` build for the unit's own host: its pages and assets link to each other relatively
/// (any host, any sub-path), and to the district site's absolute addresses for every page it
/// does not write.
@Suite struct UnitLinksTests {
    static let files = TestSite.minimal.merging([
        "Content/news/b.md": TestSite.article(
            "Phường 1 một", date: "2021-04-01", extra: "unit: phuong-1\ntags: [\"một cửa\"]\n"),
        "Content/news/c.md": TestSite.article(
            "Phường 1 hai", date: "2021-05-01", extra: "unit: phuong-1\n"),
    ]) { $1 }

    /// Every link of every written HTML and CSS file, as a browser resolves it when the build is
    /// served at `http://127.0.0.1:8080/sub/`.
    func links(in folder: URL) throws -> [(page: String, url: URL)] {
        var found: [(String, URL)] = []
        for (path, data) in treeContents(folder)
        where path.hasSuffix(".html") || path.hasSuffix(".css") {
            let text = String(decoding: data, as: UTF8.self)
            let page = URL(string: "http://127.0.0.1:8080/sub/" + path)!
            let pattern =
                path.hasSuffix(".css") ? #"url\(([^)]*)\)"# : #"(?:href|src|action)="([^"]*)""#
            for match in text.matches(of: try Regex(pattern)) {
                let value = String(match.output[1].substring!)
                guard !value.hasPrefix("#"), !value.hasPrefix("mailto:"),
                    let url = URL(string: value, relativeTo: page)
                else { continue }
                found.append((path, url.absoluteURL))
            }
        }
        return found
    }

    @Test func everyLinkWorksUnderASubPathOrGoesToTheDistrict() throws {
        let site = try TestSite(files: Self.files)
        var options = site.options(output: "unit")
        options.units = ["phuong-1"]
        guard try site.expectSuccess(SiteBuilder.build(options)) else { return }
        guard try site.expectSuccess(site.build(output: "full")) else { return }
        let unit = site.root.appendingPathComponent("unit"),
            full = treeContents(site.root.appendingPathComponent("full"))
        var local = 0, district = 0
        for (page, url) in try links(in: unit) {
            let text = url.absoluteString
            if text.hasPrefix("http://127.0.0.1:8080/sub/") {
                var file = String(url.path(percentEncoded: false).dropFirst("/sub/".count))
                if file.isEmpty || file.hasSuffix("/") { file += "index.html" }
                #expect(site.exists("unit/" + file), "\(page): \(text) is not in the unit's build")
                local += 1
            } else if text.hasPrefix("https://example.gov.vn/") {
                var file = String(url.path(percentEncoded: false).dropFirst())
                if file.isEmpty || file.hasSuffix("/") { file += "index.html" }
                #expect(full[file] != nil, "\(page): \(text) is not a page of the district site")
                district += 1
            } else {
                Issue.record(
                    "\(page): \(text) leads neither into the build nor to the district site")
            }
        }
        #expect(local > 10 && district > 5)
        // The stylesheet and the icon, from a page two folders down.
        let page = try #require(site.read("unit/don-vi/phuong-1/index.html"))
        #expect(page.contains(#"href="../../assets/style.css""#))
        #expect(page.contains(#"href="https://example.gov.vn/tin-tuc/""#))
    }

    @Test func theUnitsHostGetsItsCanonicalLinksAndFeeds() throws {
        let site = try TestSite(files: Self.files)
        var options = site.options(output: "unit")
        options.units = ["phuong-1"]
        options.unitBaseURL = "https://phuong1.example.vn/cchc/"
        guard try site.expectSuccess(SiteBuilder.build(options)) else { return }
        let page = try #require(site.read("unit/don-vi/phuong-1/index.html"))
        #expect(
            page.contains(
                #"<link rel="canonical" href="https://phuong1.example.vn/cchc/don-vi/phuong-1/">"#))
        let feed = try #require(site.read("unit/don-vi/phuong-1/feed.xml"))
        #expect(feed.contains("<id>https://phuong1.example.vn/cchc/don-vi/phuong-1/feed.xml</id>"))
        #expect(!feed.contains("https://example.gov.vn/don-vi/phuong-1/"))
        let notFound = try #require(site.read("unit/404.html"))
        #expect(notFound.contains(#"href="https://phuong1.example.vn/cchc/assets/style.css""#))
    }

    @Test func rewritesEachKindOfLink() {
        let links = UnitLinks(
            written: [
                "don-vi/p/index.html", "assets/style.css", "assets/a.webp", "assets/a-2x.webp",
                "don-vi/p/feed.xml",
            ],
            siteBase: "https://quan.example/", unitBase: "https://phuong.example/cchc/")
        let html = #"""
            <link rel="canonical" href="https://quan.example/don-vi/p/"><meta property="og:url" content="https://quan.example/don-vi/p/">
            <meta name="description" content="/không/phải/liên/kết"><a href="/thong-ke/?nam=2021#bang">x</a><a href="#top">t</a>
            <img src="/assets/a.webp" srcset="/assets/a.webp 1x, /assets/a-2x.webp 2x" alt=""><a href="/don-vi/p/feed.xml">f</a>
            <form action="/tim-kiem/"><a href="https://khac.example/">k</a><a href="//cdn.example/x">c</a>
            """#
        let out = String(
            decoding: links.rewrite(Data(html.utf8), at: "don-vi/p/index.html"), as: UTF8.self)
        #expect(
            out == #"""
                <link rel="canonical" href="https://phuong.example/cchc/don-vi/p/"><meta property="og:url" content="https://phuong.example/cchc/don-vi/p/">
                <meta name="description" content="/không/phải/liên/kết"><a href="https://quan.example/thong-ke/?nam=2021#bang">x</a><a href="#top">t</a>
                <img src="../../assets/a.webp" srcset="../../assets/a.webp 1x, ../../assets/a-2x.webp 2x" alt=""><a href="../../don-vi/p/feed.xml">f</a>
                <form action="https://quan.example/tim-kiem/"><a href="https://khac.example/">k</a><a href="//cdn.example/x">c</a>
                """#)
        let css = "body{background:url(/assets/a.webp)} .x{background:url('/assets/nen.png')}"
        #expect(
            String(decoding: links.rewrite(Data(css.utf8), at: "assets/style.css"), as: UTF8.self)
                == "body{background:url(../assets/a.webp)} .x{background:url('https://quan.example/assets/nen.png')}"
        )
    }
}
