import CongkhaiCore
import Foundation
import Mustache

/// The templates and static assets a site is rendered with: the default theme, overridden file by
/// file by the site's own `Templates/` folder.
package struct Theme: Sendable {
    package let library: MustacheLibrary
    /// Asset path under `assets/` → its bytes.
    package let assets: [String: Data]
    /// Template name → where it came from, for diagnostics.
    package let origins: [String: String]
    /// Template name → its source text, for fingerprints of the pages that use it.
    package let sources: [String: String]

    /// `directory` is the site's `Templates/` folder (may be nil or missing: then the default theme alone).
    package static func load(directory: String?, log: DiagnosticLog) -> Theme {
        var sources: [String: (text: String, origin: String)] = [:]
        var assets: [String: Data] = [:]
        for (path, text) in DefaultTheme.files {
            if path.hasPrefix("assets/") {
                assets[String(path.dropFirst(7))] = Data(text.utf8)
            } else if path.hasSuffix(".mustache") {
                sources[String(path.dropLast(9))] = (text, "(default theme)/\(path)")
            }
        }
        if let directory, FileManager.default.fileExists(atPath: directory) {
            let folder = ContentDirectory(path: directory)
            for relative in folder.files(under: "", extensions: ["mustache"], log: log) {
                let display = folder.display(relative)
                guard
                    let text = SourceReader.readText(
                        at: folder.url(relative), displayPath: display, log: log, limit: .yaml)
                else { continue }
                sources[String(relative.dropLast(9))] = (text, display)
            }
            for relative in folder.files(under: "assets", extensions: assetExtensions, log: log) {
                if let data = FileManager.default.contents(atPath: folder.url(relative).path) {
                    assets[String(relative.dropFirst(7))] = data
                }
            }
        }
        _ = HTMLEscaping.registered
        var library = MustacheLibrary()
        var origins: [String: String] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(
                    try MustacheTemplate(string: HTMLEscaping.pragma + "\n" + source.text),
                    named: name)
                origins[name] = source.origin
            } catch let error as MustacheTemplate.ParserError {
                // The pragma line added above the template shifts every line by one.
                log.error(
                    SourceLocation(
                        file: source.origin, line: max(1, error.context.lineNumber - 1),
                        column: error.context.columnNumber),
                    "template syntax: \(error.error)")
            } catch {
                log.error(SourceLocation(file: source.origin), "template syntax: \(error)")
            }
        }
        return Theme(
            library: library, assets: assets, origins: origins, sources: sources.mapValues(\.text))
    }

    static let assetExtensions: Set<String> = [
        "css", "svg", "png", "ico", "jpg", "jpeg", "webp", "woff2", "txt", "js",
    ]
}
