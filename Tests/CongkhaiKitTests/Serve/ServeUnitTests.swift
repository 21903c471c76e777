import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit
@testable import CongkhaiPreview

extension ServeTests {
    @Suite struct SiteFilesTests {
        @Test func foldersServeTheirIndexAndRedirectWithoutASlash() throws {
            let site = try TestSite(files: [
                "site/index.html": "home", "site/tin-tuc/index.html": "news",
                "site/empty/x.css": "",
            ])
            let files = SiteFiles(root: site.root.appendingPathComponent("site"))
            let root = site.root.appendingPathComponent("site").standardizedFileURL
            #expect(files.resolve("/") == .file(root.appendingPathComponent("index.html")))
            #expect(
                files.resolve("/tin-tuc/")
                    == .file(root.appendingPathComponent("tin-tuc/index.html")))
            #expect(files.resolve("/tin-tuc") == .redirect(location: "/tin-tuc/"))
            #expect(files.resolve("//tin-tuc") == .redirect(location: "/tin-tuc/"))
            #expect(files.resolve("/empty/") == .notFound)
            #expect(files.resolve("/khong-co") == .notFound)
            #expect(
                files.resolve("/tin%2Dtuc/")
                    == .file(root.appendingPathComponent("tin-tuc/index.html")))
        }

        @Test func everyWayOutIsRejected() throws {
            let site = try TestSite(files: ["site/index.html": "home"])
            let files = SiteFiles(root: site.root.appendingPathComponent("site"))
            for path in [
                "/..", "/../", "/../x", "/a/../../x", "/%2e%2e/x", "/%2E%2e", "/.%2e/x",
                "/a%2f..%2f..%2fx",
                "/a%5c..%5cx", "/%00", "/./index.html", "/%ZZ", "x", "",
            ] {
                #expect(files.resolve(path) == .rejected, "\(path)")
            }
        }

        @Test func contentTypesByExtension() {
            #expect(SiteFiles.contentType(for: "a/index.html") == "text/html; charset=utf-8")
            #expect(SiteFiles.contentType(for: "style.CSS") == "text/css; charset=utf-8")
            #expect(SiteFiles.contentType(for: "icon.svg") == "image/svg+xml")
            #expect(SiteFiles.contentType(for: "feed.xml") == "application/xml; charset=utf-8")
            #expect(SiteFiles.contentType(for: "data.json") == "application/json")
            #expect(SiteFiles.contentType(for: "data.csv") == "text/csv; charset=utf-8")
            #expect(SiteFiles.contentType(for: "robots.txt") == "text/plain; charset=utf-8")
            #expect(SiteFiles.contentType(for: "blob") == "application/octet-stream")
        }
    }

    @Suite struct LiveReloadTests {
        @Test func theTagGoesBeforeTheLastClosingBody() {
            let html = Data("<html><body><p>&lt;/body&gt; in text</p></BODY>\n</html>".utf8)
            let result = String(
                decoding: LiveReload.inject(into: html, site: "abc-1"), as: UTF8.self)
            #expect(
                result
                    == "<html><body><p>&lt;/body&gt; in text</p><script src=\"/_congkhai/live-reload.js\" data-site=\"abc-1\"></script></BODY>\n</html>"
            )
        }

        @Test func aPageWithoutBodyGetsTheTagAtTheEnd() {
            let result = String(
                decoding: LiveReload.inject(into: Data("<p>hi</p>".utf8), site: "s"), as: UTF8.self)
            #expect(result == "<p>hi</p>" + LiveReload.tag(site: "s"))
        }

        @Test func theSiteNameIsEscapedInTheAttribute() {
            #expect(
                LiveReload.tag(site: "\"><script>").contains(
                    "data-site=\"&quot;&gt;&lt;script&gt;\""))
        }

        @Test func statusJSONCarriesEachDiagnosticAsData() throws {
            let diagnostic = Diagnostic.error(
                SourceLocation(file: "Content/news/a.md", line: 3, column: 7),
                "bad date \"<b>15/03</b>\"", hint: "write YYYY-MM-DD")
            let json = PreviewStatus(
                ok: false, site: "x-1", building: false, diagnostics: [diagnostic]
            ).json()
            let back = try JSONDecoder().decode(PreviewStatus.self, from: json)
            #expect(
                back.diagnostics.first?.text
                    == "Content/news/a.md:3:7: error: bad date \"<b>15/03</b>\"\n    note: write YYYY-MM-DD"
            )
            #expect(back.diagnostics.first?.message == "bad date \"<b>15/03</b>\"")
            #expect(!back.ok)
        }
    }

    @Suite struct FileWatcherTests {
        @Test func reportsAddedChangedAndRemovedFilesByTheirGivenNames() throws {
            let site = try TestSite(files: [
                "Content/a.md": "a", "Content/news/b.md": "b", "Templates/layout.mustache": "x",
            ])
            var watcher = FileWatcher(roots: [site.path("Content"), site.path("Templates")])
            #expect(watcher.poll().isEmpty)

            try site.write("Content/news/b.md", "bb")  // another size
            try site.write("Content/news/c.md", "c")
            try site.remove("Content/a.md")
            #expect(
                watcher.poll() == [
                    site.path("Content/a.md"), site.path("Content/news/b.md"),
                    site.path("Content/news/c.md"),
                ])
            #expect(watcher.poll().isEmpty)

            // Same size, newer time.
            let later = Date().addingTimeInterval(5)
            try FileManager.default.setAttributes(
                [.modificationDate: later], ofItemAtPath: site.path("Templates/layout.mustache"))
            #expect(watcher.poll() == [site.path("Templates/layout.mustache")])
        }

        @Test func hiddenFilesAndTheExcludedFolderAreIgnored() throws {
            let site = try TestSite(files: ["Content/a.md": "a"])
            var watcher = FileWatcher(
                roots: [site.path("Content")], excluding: [site.path("Content/out")])
            try site.write("Content/.a.md.swp", "swap")
            try site.write("Content/.git/HEAD", "x")
            try site.write("Content/out/index.html", "built")
            #expect(watcher.poll().isEmpty)
        }

        @Test func aRootNamedWithATrailingSlashReportsPlainPaths() throws {
            let site = try TestSite(files: ["Content/news/a.md": "a"])
            var watcher = FileWatcher(roots: [site.path("Content") + "/"])
            try site.write("Content/news/a.md", "changed")
            #expect(watcher.poll() == [site.path("Content") + "/news/a.md"])
        }
    }
}
