import CongkhaiCore
import CongkhaiKit
import Foundation

/// Live reload for `congkhai serve`: the script a served page gets, the way it is added to a page,
/// the status the script reads, and the channel that tells open pages a build finished.
///
/// How it fits together:
/// 1. Every HTML page is served with `<script src="/_congkhai/live-reload.js" data-site="ID">` added
///    before `</body>` (at serve time; the built files are never touched). `ID` names the build the
///    page came from.
/// 2. The script opens `/_congkhai/events` (Server-Sent Events). The server sends a `build` event on
///    connect and after every build, good or bad.
/// 3. On each event the script fetches `/_congkhai/status`. If the site there is not the page's
///    build, it reloads; if the last build failed it draws a fixed overlay listing the diagnostics
///    (`file:line:col: error: message`, set as text, never as HTML); after a good build it removes it.
package enum LiveReload {
    package static let scriptPath = "/_congkhai/live-reload.js"
    package static let eventsPath = "/_congkhai/events"
    package static let statusPath = "/_congkhai/status"

    /// The tag added to served pages.
    package static func tag(site: String) -> String {
        "<script src=\"\(scriptPath)\" data-site=\"\(HTMLEscaping.escape(site))\"></script>"
    }

    /// Adds the tag before the last `</body>` (any case), or at the end when there is none.
    package static func inject(into html: Data, site: String) -> Data {
        let tag = Data(tag(site: site).utf8)
        guard let at = lastIndex(of: "</body", in: html) else { return html + tag }
        var result = Data(capacity: html.count + tag.count)
        result.append(html[html.startIndex..<at])
        result.append(tag)
        result.append(html[at...])
        return result
    }

    /// ASCII case-insensitive search from the end.
    static func lastIndex(of needle: String, in data: Data) -> Data.Index? {
        let pattern = Array(needle.lowercased().utf8)
        guard data.count >= pattern.count else { return nil }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Data.Index? in
            var i = raw.count - pattern.count
            while i >= 0 {
                var j = 0
                while j < pattern.count {
                    var byte = raw[i + j]
                    if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                    if byte != pattern[j] { break }
                    j += 1
                }
                if j == pattern.count { return data.startIndex + i }
                i -= 1
            }
            return nil
        }
    }

    /// One Server-Sent Event.
    static func event(_ name: String, data: String) -> Data {
        Data("event: \(name)\ndata: \(data)\n\n".utf8)
    }

    /// The script served at `scriptPath`. Plain ES5, no dependencies, text only through `textContent`.
    package static let script = #"""
        // congkhai serve: reloads this page after a rebuild; shows build errors over the page.
        (function () {
          "use strict";
          var me = document.currentScript;
          var site = me ? me.getAttribute("data-site") : null;
          var overlay = null;

          function hide() {
            if (overlay && overlay.parentNode) overlay.parentNode.removeChild(overlay);
            overlay = null;
          }

          function line(text, css) {
            var el = document.createElement("div");
            el.textContent = text;
            if (css) el.style.cssText = css;
            return el;
          }

          function show(status) {
            hide();
            overlay = document.createElement("div");
            overlay.id = "congkhai-build-errors";
            overlay.setAttribute("role", "alert");
            overlay.setAttribute("lang", "vi");
            overlay.style.cssText = "position:fixed;top:0;left:0;right:0;max-height:70vh;overflow:auto;" +
              "z-index:2147483647;box-sizing:border-box;margin:0;padding:12px 16px;background:#fff4f4;" +
              "color:#1b1b1b;border-bottom:4px solid #b3261e;box-shadow:0 4px 18px rgba(0,0,0,.35);" +
              "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left";
            var close = document.createElement("button");
            close.type = "button";
            close.textContent = "\u00d7";
            close.setAttribute("aria-label", "Đóng");
            close.style.cssText = "float:right;font:inherit;font-size:20px;line-height:1;border:0;background:none;cursor:pointer;color:inherit";
            close.onclick = hide;
            overlay.appendChild(close);
            overlay.appendChild(line("Lỗi khi dựng trang (build failed): trang đang hiện là bản dựng tốt gần nhất.",
              "font-weight:bold;color:#b3261e;margin-bottom:6px;font-family:system-ui,sans-serif"));
            var list = status.diagnostics || [];
            for (var i = 0; i < list.length; i++) {
              var d = list[i];
              var head = d.file + ":" + d.line + ":" + d.column + ": " + d.severity + ": " + d.message;
              overlay.appendChild(line(head, "white-space:pre-wrap;margin-top:4px" + (d.severity === "error" ? ";color:#8c1d18" : "")));
              if (d.hint) overlay.appendChild(line("    note: " + d.hint, "white-space:pre-wrap;color:#555"));
            }
            (document.body || document.documentElement).appendChild(overlay);
          }

          function check() {
            fetch("/_congkhai/status", { cache: "no-store" })
              .then(function (r) { return r.json(); })
              .then(function (status) {
                if (status.site !== site) { location.reload(); return; }
                if (status.ok) hide(); else show(status);
              })
              .catch(function () {});
          }

          if (typeof EventSource === "function") {
            var events = new EventSource("/_congkhai/events");
            events.addEventListener("build", check);
          } else {
            check();
          }
        })();

        """#
}

/// What the preview knows of its builds; served as JSON at `LiveReload.statusPath`.
public struct PreviewStatus: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var severity: String
        public var file: String
        public var line: Int
        public var column: Int
        public var message: String
        public var hint: String?
        /// As printed: `file:line:col: error: message` (and the note).
        public var text: String

        public init(_ diagnostic: Diagnostic, in language: MessageLanguage = .english) {
            severity = language.word(for: diagnostic.severity)
            file = diagnostic.location.file
            line = diagnostic.location.line
            column = diagnostic.location.column
            message = diagnostic.text.rendered(in: language)
            hint = diagnostic.hintText?.rendered(in: language)
            text = diagnostic.rendered(in: language)
        }
    }

    /// Did the latest build succeed?
    public var ok: Bool
    /// The build being served (changes with every good build); pages reload when theirs differs.
    public var site: String
    /// Is a build running now?
    public var building: Bool
    /// The latest build's diagnostics: its errors when it failed, its warnings when it succeeded.
    public var diagnostics: [Entry]

    public init(
        ok: Bool, site: String, building: Bool, diagnostics: [Diagnostic],
        language: MessageLanguage = .english
    ) {
        self.ok = ok
        self.site = site
        self.building = building
        self.diagnostics = diagnostics.map { Entry($0, in: language) }
    }

    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}

/// The open event streams, one per open page. Thread-safe; finished when the server stops.
final class LiveReloadHub: @unchecked Sendable {
    private let lock = NSLock()
    private var streams: [UUID: AsyncStream<Data>.Continuation] = [:]
    private var closed = false

    var count: Int { lock.withLock { streams.count } }

    /// A new stream, starting with `first` (the current state, so a page that connects late or
    /// reconnects after a restart learns it at once).
    func subscribe(first: Data) -> AsyncStream<Data> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Data>.makeStream(
            bufferingPolicy: .bufferingNewest(32))
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.streams.removeValue(forKey: id) }
        }
        // `retry:` asks the browser to reconnect within a second when the server restarts.
        continuation.yield(Data("retry: 1000\n\n".utf8) + first)
        let open = lock.withLock { () -> Bool in
            if closed { return false }
            streams[id] = continuation
            return true
        }
        if !open { continuation.finish() }
        return stream
    }

    func send(_ data: Data) {
        let targets = lock.withLock { Array(streams.values) }
        for continuation in targets { continuation.yield(data) }
    }

    /// Ends every stream, so the server can stop without waiting on open pages.
    func finishAll() {
        let targets = lock.withLock { () -> [AsyncStream<Data>.Continuation] in
            closed = true
            defer { streams = [:] }
            return Array(streams.values)
        }
        for continuation in targets { continuation.finish() }
    }
}
