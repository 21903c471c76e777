import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit
@testable import CongkhaiPreview

extension ServeTests {
    /// The preview server of `congkhai serve`, started in-process on a free loopback port against a
    /// throwaway site, and asked over a real socket.
    @Suite struct PreviewServerTests {
        /// A running preview of a `TestSite`; stop it with `stop()` at the end of each test.
        struct Preview {
            let site: TestSite
            let server: PreviewServer
            let port: UInt16

            static func start(_ site: TestSite) async throws -> Preview {
                var build = site.options(output: "preview/site")
                build.buildDate = CalendarDay(year: 2021, month: 11, day: 20)
                let options = PreviewOptions(build: build, port: 0, pollInterval: .milliseconds(50))
                let server = PreviewServer(options: options)
                let port = try await server.start()
                return Preview(site: site, server: server, port: port)
            }

            /// Runs `body` against a fresh preview of `site`, and stops the server however `body` ends.
            static func with(_ site: TestSite, _ body: (Preview) async throws -> Void) async throws
            {
                let preview = try await start(site)
                do {
                    try await body(preview)
                } catch {
                    await preview.stop()
                    throw error
                }
                await preview.stop()
            }

            func get(_ path: String) async throws -> LoopbackHTTP.Response {
                try await LoopbackHTTP.get(path, port: port)
            }
            func stop() async { await server.stop() }
        }

        static func siteWithArticle(title: String = "Tin thử") throws -> TestSite {
            try TestSite(
                files: TestSite.minimal.merging(["Content/news/a.md": TestSite.article(title)]) {
                    $1
                })
        }

        @Test func servesPagesWithTheirContentTypes() async throws {
            try await Preview.with(Self.siteWithArticle()) { preview in

                let home = try await preview.get("/")
                #expect(home.status == 200)
                #expect(home.header("Content-Type") == "text/html; charset=utf-8")
                #expect(home.text.contains("<html"))

                let article = try await preview.get("/tin-tuc/tin-thu/")
                #expect(article.status == 200)
                #expect(article.text.contains("Tin thử"))
                // A folder asked for without its slash is sent to it, so relative links keep working.
                let bare = try await preview.get("/tin-tuc/tin-thu")
                #expect(bare.status == 302)
                #expect(bare.header("Location") == "/tin-tuc/tin-thu/")

                let expected: [(String, String)] = [
                    ("/sitemap.xml", "application/xml; charset=utf-8"),
                    ("/robots.txt", "text/plain; charset=utf-8"),
                    ("/tin-tuc/feed.xml", "application/xml; charset=utf-8"),
                ]
                for (path, type) in expected {
                    let response = try await preview.get(path)
                    #expect(response.status == 200, "\(path)")
                    #expect(response.header("Content-Type") == type, "\(path)")
                }
                let built = treeContents(preview.site.root.appendingPathComponent("preview/site"))
                if let css = built.keys.sorted().first(where: { $0.hasSuffix(".css") }) {
                    let response = try await preview.get("/" + css)
                    #expect(response.header("Content-Type") == "text/css; charset=utf-8")
                    #expect(response.body == built[css])
                } else {
                    Issue.record("the built site has no stylesheet")
                }
                if let svg = built.keys.sorted().first(where: { $0.hasSuffix(".svg") }) {
                    #expect(
                        try await preview.get("/" + svg).header("Content-Type") == "image/svg+xml")
                }
                if let json = built.keys.sorted().first(where: { $0.hasSuffix(".json") }) {
                    #expect(
                        try await preview.get("/" + json).header("Content-Type")
                            == "application/json")
                }
                if let csv = built.keys.sorted().first(where: { $0.hasSuffix(".csv") }) {
                    #expect(
                        try await preview.get("/" + csv).header("Content-Type")
                            == "text/csv; charset=utf-8")
                }
                // HEAD gets the headers alone; other methods are refused.
                let head = try await LoopbackHTTP.request("HEAD", "/", port: preview.port)
                #expect(
                    head.status == 200 && head.body.isEmpty
                        && head.header("Content-Length") == String(home.body.count))
                #expect(
                    try await LoopbackHTTP.request("POST", "/", port: preview.port).status == 405)
            }
        }

        @Test func theReloadScriptIsAddedToHTMLOnlyAndNeverToTheBuiltFiles() async throws {
            try await Preview.with(Self.siteWithArticle()) { preview in

                let page = try await preview.get("/tin-tuc/tin-thu/")
                let tag =
                    "<script src=\"/_congkhai/live-reload.js\" data-site=\"\(preview.server.status.site)\"></script>"
                #expect(page.text.contains(tag + "</body>"))
                #expect(page.text.components(separatedBy: "/_congkhai/live-reload.js").count == 2)
                // The file on disk is the build's own output.
                let onDisk = try #require(
                    preview.site.read("preview/site/tin-tuc/tin-thu/index.html"))
                #expect(!onDisk.contains("_congkhai"))
                #expect(
                    page.text == onDisk.replacingOccurrences(of: "</body>", with: tag + "</body>"))

                for path in ["/sitemap.xml", "/robots.txt", "/tin-tuc/feed.xml"] {
                    #expect(!(try await preview.get(path).text.contains("_congkhai")), "\(path)")
                }
                let script = try await preview.get("/_congkhai/live-reload.js")
                #expect(script.status == 200)
                #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
                #expect(script.text.contains("EventSource(\"/_congkhai/events\")"))
                #expect(script.text.contains("/_congkhai/status"))
                #expect(script.text.contains("textContent"))
                #expect(!script.text.contains("innerHTML"))
            }
        }

        @Test func pathsCannotLeaveTheSiteFolder() async throws {
            let site = try Self.siteWithArticle()
            // Secrets beside and above the served folder.
            try site.write("preview/secret.txt", "SECRET-BESIDE")
            try site.write("Content/secret.txt", "SECRET-CONTENT")
            try await Preview.with(site) { preview in

                let attempts = [
                    "/../secret.txt", "/../../Content/secret.txt", "/%2e%2e/secret.txt",
                    "/%2E%2E/%2e%2e/Content/secret.txt",
                    "/tin-tuc/../../secret.txt", "/..%2fsecret.txt",
                    "/%2e%2e%2f%2e%2e%2fContent%2fsecret.txt",
                    "/tin-tuc/..%5c..%5csecret.txt", "/%00/secret.txt", "/../Package.swift",
                    "/%2e%2e/",
                ]
                for path in attempts {
                    let response = try await preview.get(path)
                    #expect(response.status == 400, "\(path) gave \(response.status)")
                    #expect(!response.text.contains("SECRET"), "\(path)")
                }
                // Hidden entries (a staging folder, an editor's file) are never served.
                try site.write("preview/site/.hidden.txt", "SECRET-HIDDEN")
                let hidden = try await preview.get("/.hidden.txt")
                #expect(hidden.status == 404 && !hidden.text.contains("SECRET"))
            }
        }

        @Test func symlinksOutOfTheSiteAreNotFollowed() throws {
            let site = try TestSite(files: [
                "out/secret.txt": "SECRET", "site/index.html": "<p>hi</p>",
            ])
            try FileManager.default.createSymbolicLink(
                atPath: site.path("site/leak.txt"), withDestinationPath: site.path("out/secret.txt")
            )
            let files = SiteFiles(root: site.root.appendingPathComponent("site"))
            #expect(files.resolve("/leak.txt") == .rejected)
            #expect(
                files.resolve("/index.html")
                    == .file(
                        site.root.appendingPathComponent("site/index.html").standardizedFileURL))
        }

        @Test func unknownPathsGetTheSites404PageWithStatus404() async throws {
            try await Preview.with(Self.siteWithArticle()) { preview in

                let response = try await preview.get("/khong-co-trang-nay/")
                #expect(response.status == 404)
                #expect(response.header("Content-Type") == "text/html; charset=utf-8")
                let page = try #require(preview.site.read("preview/site/404.html"))
                #expect(response.text.hasPrefix(String(page.prefix(200))))
                #expect(response.text.contains("/_congkhai/live-reload.js"))
                #expect(try await preview.get("/tin-tuc/khong-co.css").status == 404)
            }
        }

        @Test func statusAndEventsDescribeTheLatestBuild() async throws {
            try await Preview.with(Self.siteWithArticle()) { preview in

                let status = try await preview.get("/_congkhai/status")
                #expect(status.status == 200)
                #expect(status.header("Content-Type") == "application/json")
                let decoded = try JSONDecoder().decode(PreviewStatus.self, from: status.body)
                #expect(decoded.ok && !decoded.building && decoded.diagnostics.isEmpty)
                #expect(decoded.site == preview.server.status.site)

                let events = try await LoopbackHTTP.readEvents(
                    port: preview.port, until: "\"ok\":true}")
                #expect(events.contains("text/event-stream"))
                #expect(
                    events.contains(
                        "event: build\ndata: {\"site\":\"\(decoded.site)\",\"ok\":true}"))
            }
        }

        @Test func anEditIsRebuiltAndOpenPagesAreTold() async throws {
            try await Preview.with(Self.siteWithArticle()) { preview in
                let before = preview.server.status.site
                #expect(try await preview.get("/tin-tuc/tin-thu/").text.contains("Nội dung."))

                try preview.site.write(
                    "Content/news/a.md", TestSite.article("Tin thử", body: "Nội dung đã sửa."))
                // The build is counted once it has returned, a moment after its files are in place.
                let counted = await eventually { preview.server.status.site != before }
                #expect(counted)
                #expect(
                    try await preview.get("/tin-tuc/tin-thu/").text.contains("Nội dung đã sửa."))
                let after = preview.server.status.site
                // A page opened now hears of the new build at once, and its script names it.
                let events = try await LoopbackHTTP.readEvents(
                    port: preview.port, until: "\"ok\":true}")
                #expect(events.contains("\"site\":\"\(after)\""))
                #expect(try await preview.get("/").text.contains("data-site=\"\(after)\""))
                // A new file is picked up too.
                try preview.site.write(
                    "Content/news/b.md", TestSite.article("Tin mới", date: "2021-04-01"))
                #expect(
                    try await eventually {
                        try await preview.get("/tin-tuc/tin-moi/").status == 200
                    })
            }
        }

        @Test func aFailedBuildKeepsTheLastGoodSiteAndReportsItsErrors() async throws {
            try await Preview.with(Self.siteWithArticle()) { preview in
                let good = preview.server.status.site

                // Break the front matter: a date in the wrong form.
                try preview.site.write(
                    "Content/news/a.md", TestSite.article("Tin hỏng", date: "15/03/2021"))
                var status = PreviewStatus(ok: true, site: "", building: false, diagnostics: [])
                let reported = try await eventually {
                    status = try JSONDecoder().decode(
                        PreviewStatus.self, from: try await preview.get("/_congkhai/status").body)
                    return !status.ok
                }
                try #require(reported)
                #expect(status.site == good)
                let error = try #require(status.diagnostics.first)
                #expect(error.severity == "error")
                #expect(error.file.hasSuffix("Content/news/a.md"))
                #expect(error.line == 3 && error.column == 7)
                #expect(error.message == "bad date \"15/03/2021\"")
                #expect(error.text.hasPrefix("\(error.file):3:7: error: bad date"))
                // The old page is still served, and names the old build, so open pages do not reload.
                let page = try await preview.get("/tin-tuc/tin-thu/")
                #expect(page.status == 200)
                #expect(
                    page.text.contains("Tin thử") && page.text.contains("data-site=\"\(good)\""))
                let events = try await LoopbackHTTP.readEvents(
                    port: preview.port, until: "\"ok\":false}")
                #expect(events.contains("{\"site\":\"\(good)\",\"ok\":false}"))

                // Fix it: the site is rebuilt and the error is gone.
                try preview.site.write("Content/news/a.md", TestSite.article("Tin đã sửa"))
                let recovered = try await eventually {
                    status = try JSONDecoder().decode(
                        PreviewStatus.self, from: try await preview.get("/_congkhai/status").body)
                    return status.ok
                }
                #expect(recovered)
                #expect(status.diagnostics.isEmpty && status.site != good)
                #expect(try await preview.get("/tin-tuc/tin-da-sua/").status == 200)
            }
        }

        @Test func aFirstBuildThatFailsStillServesThePageWithTheErrors() async throws {
            let site = try TestSite(
                files: TestSite.minimal.merging([
                    "Content/news/a.md": TestSite.article(date: "2021-02-30")
                ]) { $1 })
            // Pages left in the folder by an earlier run are not this session's site: they are not shown.
            try site.write("preview/site/index.html", "<p>OLD SITE</p>")
            try await Preview.with(site) { preview in

                #expect(!preview.server.status.ok)
                let page = try await preview.get("/")
                #expect(page.status == 503)
                #expect(page.text.contains("/_congkhai/live-reload.js"))
                #expect(!page.text.contains("OLD SITE"))
                #expect(try await preview.get("/../secret").status == 400)
                try site.write("Content/news/a.md", TestSite.article())
                #expect(try await eventually { try await preview.get("/").status == 200 })
            }
        }

        @Test func stopEndsOpenEventStreamsAndFreesThePort() async throws {
            let preview = try await Preview.start(Self.siteWithArticle())
            let port = preview.port
            let listening = Task {
                try await LoopbackHTTP.readEvents(port: port, until: "never arrives", timeout: 8)
            }
            #expect(await eventually(within: 5) { preview.server.openPages == 1 })
            let started = ContinuousClock.now
            await preview.stop()
            let read = try await listening.value
            #expect(read.contains("event: build"))
            #expect(ContinuousClock.now - started < .seconds(5))
            await #expect(throws: (any Error).self) { try await LoopbackHTTP.get("/", port: port) }
        }

        @Test func aTakenPortIsReportedNotIgnored() async throws {
            try await Preview.with(Self.siteWithArticle()) { first in
                let site = try Self.siteWithArticle()
                var build = site.options(output: "preview/site")
                build.buildDate = CalendarDay(year: 2021, month: 11, day: 20)
                let second = PreviewServer(options: PreviewOptions(build: build, port: first.port))
                let failure = await #expect(throws: PreviewServer.Failure.self) {
                    try await second.start()
                }
                // Said plainly, with what to do, in the user's language.
                #expect(
                    failure?.description
                        == "port \(first.port) is already in use by another program")
                #expect(failure?.hint?.rendered(in: .vietnamese).contains("--port 0") == true)
                #expect(
                    failure?.text.rendered(in: .vietnamese)
                        == "cổng \(first.port) đang được một chương trình khác dùng")
                await second.stop()
            }
        }
    }
}
