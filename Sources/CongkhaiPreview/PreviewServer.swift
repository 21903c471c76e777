import CongkhaiCore
import CongkhaiKit
import FlyingFox
import FlyingSocks
import Foundation

/// What `congkhai serve` builds, where it listens and what it watches.
public struct PreviewOptions: Sendable {
    /// The build to run; its `outputPath` is the folder served (a private one, never the published site
    /// unless the user says so).
    public var build: BuildOptions
    /// The port on 127.0.0.1; 0 asks the system for a free one.
    public var port: UInt16
    /// The folders whose changes trigger a rebuild: the content and templates folders by default.
    public var watchPaths: [String]
    /// How often the watched folders are looked at.
    public var pollInterval: Duration
    /// The language of the errors shown over the page.
    public var language: MessageLanguage = .english

    public init(
        build: BuildOptions, port: UInt16 = 8080, watchPaths: [String]? = nil,
        pollInterval: Duration = .milliseconds(300)
    ) {
        self.build = build
        self.port = port
        self.watchPaths =
            watchPaths ?? ([build.contentPath] + (build.templatesPath.map { [$0] } ?? []))
        self.pollInterval = pollInterval
    }
}

/// What the preview reports to its caller, which prints it (the library never prints).
public enum PreviewEvent: Sendable {
    /// The server accepts connections at `url` (`http://127.0.0.1:8080/`).
    case listening(url: String)
    /// A build starts; `changedPaths` is empty for the first one.
    case building(changedPaths: [String])
    /// A build succeeded and is now served; open pages reload.
    case built(BuildReport, changedPaths: [String])
    /// A build failed: the last good site is still served, and open pages show `diagnostics`.
    case failed(diagnostics: [Diagnostic], changedPaths: [String])
    /// The server stopped.
    case stopped
}

/// The preview server of `congkhai serve`: builds the site into a private folder, serves it on
/// 127.0.0.1 with a live-reload script added to each HTML page, watches the sources and rebuilds
/// on change. A failed build keeps the last good site served and shows its diagnostics over the page.
///
/// ```swift
/// let server = PreviewServer(options: options)
/// Task { for await event in server.events { print(event) } }
/// let port = try await server.start()
/// …
/// await server.stop()
/// ```
public final class PreviewServer: @unchecked Sendable {
    public let options: PreviewOptions
    /// Every build and server event, in order; finishes after `stop()`.
    public let events: AsyncStream<PreviewEvent>

    public struct Failure: Error, CustomStringConvertible {
        /// The message in every language (`--lang vi`), with its hint.
        public var text: DiagnosticText
        public var hint: DiagnosticText?
        public var description: String { text.description }

        package init(_ text: DiagnosticText, hint: DiagnosticText? = nil) {
            self.text = text
            self.hint = hint
        }
    }

    private let emit: AsyncStream<PreviewEvent>.Continuation
    private let hub = LiveReloadHub()
    /// The build cache, kept in memory between rebuilds.
    private let cacheStore = BuildCacheStore()
    private let files: SiteFiles
    /// Tells builds of this server apart from those of an earlier one, so pages reload after a restart.
    private let instance = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    // Mutable state, behind `lock`.
    private let lock = NSLock()
    private var goodBuilds = 0
    private var lastBuildOK = true
    private var building = false
    private var lastDiagnostics: [Diagnostic] = []
    private var http: HTTPServer?
    private var tasks: [Task<Void, Never>] = []
    private var serverError: (any Error)?
    private var stopped = false

    public init(options: PreviewOptions) {
        self.options = options
        (events, emit) = AsyncStream<PreviewEvent>.makeStream(bufferingPolicy: .unbounded)
        files = SiteFiles(root: URL(fileURLWithPath: options.build.outputPath, isDirectory: true))
    }

    // MARK: - Lifecycle

    /// Builds the site once, starts listening and starts watching. Returns the port listened on.
    /// A failed first build is reported (and shown in the page) but does not stop the server.
    @discardableResult
    public func start() async throws -> UInt16 {
        // Look at the sources before the first build, so an edit made while it runs is not missed.
        let watcher = FileWatcher(roots: options.watchPaths, excluding: [options.build.outputPath])
        await handleChanges([])

        let address: sockaddr_in
        do {
            address = try .inet(ip4: "127.0.0.1", port: options.port)
        } catch {
            throw Failure("cannot use 127.0.0.1:\(options.port): \(String(describing: error))")
        }
        let config = HTTPServer.Configuration(
            address: address, timeout: 30,
            pool: HTTPServer.defaultPool(logger: .disabled), logger: .disabled)
        let server = HTTPServer(config: config, handler: RequestHandler(preview: self))
        lock.withLock { http = server }
        let serving = Task { [weak self] in
            do { try await server.run() } catch {
                self?.lock.withLock { self?.serverError = error }
            }
        }
        lock.withLock { tasks.append(serving) }

        // Wait (bounded) until the socket listens, or the server gives up (the port is taken, say).
        let deadline = ContinuousClock.now + .seconds(10)
        while await !server.isListening {
            if let error = lock.withLock({ serverError }) {
                // Another program (often a `serve` left running) has the port: say so plainly.
                if case SocketError.failed(_, let number, _)? = error as? SocketError,
                    number == EADDRINUSE
                {
                    throw Failure(
                        "port \(options.port) is already in use by another program",
                        hint:
                            "stop the other preview, or choose another port: --port 8081, or --port 0 for any free one"
                    )
                }
                throw Failure(
                    "cannot listen on 127.0.0.1:\(options.port): \(String(describing: error))")
            }
            guard ContinuousClock.now < deadline else {
                throw Failure("the server did not start listening on 127.0.0.1:\(options.port)")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        guard case .ip4(_, let port)? = await server.listeningAddress else {
            throw Failure("the server listens, but not on IPv4 loopback")
        }
        emit.yield(.listening(url: "http://127.0.0.1:\(port)/"))

        let watching = Task.detached { [weak self, interval = options.pollInterval] in
            var watcher = watcher
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                var changed = Set(watcher.poll())
                guard !changed.isEmpty else { continue }
                // Editors save in steps (write, rename, touch): let the folder settle, up to ~1 s.
                for _ in 0..<10 {
                    try? await Task.sleep(for: .milliseconds(100))
                    let more = watcher.poll()
                    if more.isEmpty { break }
                    changed.formUnion(more)
                }
                guard let self, !Task.isCancelled else { break }
                await self.handleChanges(changed.sorted())
            }
        }
        // A comment line now and then, so a page that went away is noticed and its stream closed.
        let heartbeat = Task.detached { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                self?.hub.send(Data(": ping\n\n".utf8))
            }
        }
        lock.withLock { tasks += [watching, heartbeat] }
        return port
    }

    /// Stops watching, closes the pages' event streams and stops the server. Safe to call twice.
    public func stop() async {
        let (server, running) = lock.withLock { () -> (HTTPServer?, [Task<Void, Never>]) in
            if stopped { return (nil, []) }
            stopped = true
            defer { http = nil; tasks = [] }
            return (http, tasks)
        }
        for task in running { task.cancel() }
        hub.finishAll()
        if let server { await server.stop(timeout: 0.2) }
        for task in running { await task.value }
        emit.yield(.stopped)
        emit.finish()
    }

    // MARK: - Builds

    /// Where a change becomes a new site in the output folder: an incremental `SiteBuilder.build`
    /// (only pages whose inputs changed are rendered) with the build cache kept in memory between
    /// rebuilds. `changedPaths` (as `Content/news/a.md`; empty for the first build) is informative:
    /// the builder finds changes itself from file stamps. It runs on a thread of its own, so the
    /// server keeps answering meanwhile.
    public func rebuild(changedPaths: [String]) async -> Result<BuildReport, BuildFailure> {
        var options = self.options.build
        options.cacheStore = cacheStore
        let build = options
        return await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: SiteBuilder.build(build)) }.start()
        }
    }

    /// Rebuilds, records the outcome for the status endpoint, tells open pages and the caller.
    func handleChanges(_ changedPaths: [String]) async {
        lock.withLock { building = true }
        emit.yield(.building(changedPaths: changedPaths))
        let result = await rebuild(changedPaths: changedPaths)
        lock.withLock {
            building = false
            switch result {
            case .success(let report):
                goodBuilds += 1
                lastBuildOK = true
                lastDiagnostics = report.diagnostics
            case .failure(let failure):
                lastBuildOK = false
                lastDiagnostics = failure.diagnostics
            }
        }
        hub.send(buildEvent())
        switch result {
        case .success(let report): emit.yield(.built(report, changedPaths: changedPaths))
        case .failure(let failure):
            emit.yield(.failed(diagnostics: failure.diagnostics, changedPaths: changedPaths))
        }
    }

    /// The build being served, as the status endpoint and the pages name it.
    var site: String { lock.withLock { "\(instance)-\(goodBuilds)" } }

    /// What `/_congkhai/status` returns.
    public var status: PreviewStatus {
        lock.withLock {
            PreviewStatus(
                ok: lastBuildOK, site: "\(instance)-\(goodBuilds)", building: building,
                diagnostics: lastDiagnostics, language: options.language)
        }
    }

    /// Number of pages listening for reloads now.
    public var openPages: Int { hub.count }

    private func buildEvent() -> Data {
        let status = self.status
        return LiveReload.event("build", data: "{\"site\":\"\(status.site)\",\"ok\":\(status.ok)}")
    }

    // MARK: - Requests

    struct RequestHandler: HTTPHandler {
        weak var preview: PreviewServer?
        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            guard let preview else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return await preview.respond(to: request)
        }
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return response(
                .methodNotAllowed, type: "text/plain; charset=utf-8",
                body: Data("GET or HEAD only\n".utf8),
                for: request, extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        let path = request.target.path(percentEncoded: true)
        switch path {
        case LiveReload.eventsPath:
            let stream = hub.subscribe(first: buildEvent())
            var headers: HTTPHeaders = [:]
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return HTTPResponse(
                statusCode: .ok, headers: headers,
                body: HTTPBodySequence(from: EventBytes(stream: stream)))
        case LiveReload.statusPath:
            return response(.ok, type: "application/json", body: status.json(), for: request)
        case LiveReload.scriptPath:
            return response(
                .ok, type: "text/javascript; charset=utf-8", body: Data(LiveReload.script.utf8),
                for: request)
        default:
            return await serveFile(path, for: request)
        }
    }

    private func serveFile(_ path: String, for request: HTTPRequest) async -> HTTPResponse {
        // Until this session has built the site, the folder may hold another run's (or another site's) pages.
        if goodBuildsSoFar == 0 {
            if case .rejected = files.resolve(path) {
                return badPath(for: request)
            }
            return noSiteYet(for: request)
        }
        // While a build swaps the new site in, the folder is briefly missing: wait for it (bounded).
        for _ in 0..<50 {
            let resolution = files.resolve(path)
            switch resolution {
            case .rejected:
                return badPath(for: request)
            case .redirect(let location):
                return response(
                    .found, type: "text/plain; charset=utf-8", body: Data(), for: request,
                    extra: [.location: location])
            case .file(let url):
                if let data = FileManager.default.contents(atPath: url.path) {
                    return page(.ok, data: data, path: url.path, for: request)
                }
            case .notFound:
                if siteExists { return notFound(for: request) }
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return notFound(for: request)
    }

    private func badPath(for request: HTTPRequest) -> HTTPResponse {
        response(
            .badRequest, type: "text/plain; charset=utf-8",
            body: Data("400 bad request: the path leaves the site\n".utf8), for: request)
    }

    private var siteExists: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: files.root.path, isDirectory: &isFolder)
            && isFolder.boolValue
    }

    private var goodBuildsSoFar: Int { lock.withLock { goodBuilds } }

    /// The site's own `/404.html` with status 404, else a plain one.
    private func notFound(for request: HTTPRequest) -> HTTPResponse {
        let custom = files.root.appendingPathComponent("404.html")
        if let data = FileManager.default.contents(atPath: custom.path) {
            return page(.notFound, data: data, path: custom.path, for: request)
        }
        return page(
            .notFound,
            data: Data("<!doctype html><title>404</title><p>404: không tìm thấy trang.</p>".utf8),
            path: "404.html", for: request)
    }

    /// When no build has succeeded yet: a page that shows the diagnostics and reloads once one does.
    private func noSiteYet(for request: HTTPRequest) -> HTTPResponse {
        let html = """
            <!doctype html>
            <html lang="vi"><head><meta charset="utf-8"><title>congkhai serve</title></head>
            <body><p>Chưa dựng được trang: sửa các lỗi được liệt kê rồi lưu tệp, trang sẽ tự tải lại.</p>
            <p>The site has not built yet: fix the errors listed and save; this page reloads by itself.</p></body></html>

            """
        return page(.serviceUnavailable, data: Data(html.utf8), path: "index.html", for: request)
    }

    /// A file's response; HTML pages get the live-reload script.
    private func page(
        _ status: HTTPStatusCode, data: Data, path: String, for request: HTTPRequest
    ) -> HTTPResponse {
        let body = SiteFiles.isHTML(path) ? LiveReload.inject(into: data, site: site) : data
        return response(status, type: SiteFiles.contentType(for: path), body: body, for: request)
    }

    private func response(
        _ status: HTTPStatusCode, type: String, body: Data, for request: HTTPRequest,
        extra: [HTTPHeader: String] = [:]
    ) -> HTTPResponse {
        var headers: HTTPHeaders = [:]
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.contentLength] = String(body.count)
        for (name, value) in extra { headers[name] = value }
        return HTTPResponse(
            statusCode: status, headers: headers, body: request.method == .HEAD ? Data() : body)
    }
}

/// The bytes of a page's event stream, as FlyingFox's chunked body reads them: each event is sent
/// as soon as it is yielded.
struct EventBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    let stream: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<Data>.Iterator
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            guard let buffer = try await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            while pending.isEmpty {
                guard let data = await base.next() else { return nil }
                pending = Array(data)
            }
            let n = Swift.max(1, Swift.min(count, pending.count))
            let out = Array(pending.prefix(n))
            pending.removeFirst(n)
            return out
        }
    }
}
