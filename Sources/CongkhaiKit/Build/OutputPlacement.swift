import CongkhaiCore
import Foundation

/// Where the output folder may be. A full build swaps the whole folder for the new site, so an
/// output that is, or holds, the content, the templates, the build cache or the working folder
/// would replace them (`--output Content`, `--output .`); an output inside the content or the
/// templates would be read back as content; a cache inside the output would be published.
/// Each is refused before anything is locked or written.
enum OutputPlacement {
    static func problems(_ options: BuildOptions) -> [Diagnostic] {
        let output = resolved(options.outputPath)
        // Located at the option, as the other options' problems are (`--unit: error: …`).
        let place = SourceLocation(file: "--output", line: 0)
        let given = options.outputPath
        let hint: DiagnosticText = "choose a folder of its own for the site, such as Public"
        var found: [Diagnostic] = []
        let content = options.contentPath
        if contains(output, resolved(content)) {
            found.append(
                .error(
                    place, "the output folder \(given) holds the content folder \(content)",
                    hint: hint))
        } else if contains(resolved(content), output) {
            found.append(
                .error(
                    place, "the output folder \(given) is inside the content folder \(content)",
                    hint: hint))
        }
        if let templates = options.templatesPath {
            if contains(output, resolved(templates)) {
                found.append(
                    .error(
                        place, "the output folder \(given) holds the templates folder \(templates)",
                        hint: hint))
            } else if contains(resolved(templates), output) {
                found.append(
                    .error(
                        place,
                        "the output folder \(given) is inside the templates folder \(templates)",
                        hint: hint))
            }
        }
        let cache = options.cacheDirectory ?? ".congkhai-cache"
        if contains(output, resolved(cache)) {
            found.append(
                .error(
                    place, "the build cache \(cache) would be inside the output folder \(given)",
                    hint: "the cache is not published: put it outside the output (--cache-dir)"))
        }
        if contains(output, resolved(".")) {
            found.append(
                .error(
                    place,
                    "the output folder \(given) holds the working folder: a build replaces the whole output folder",
                    hint: hint))
        }
        return found
    }

    /// `inner` is `outer` or lies inside it.
    static func contains(_ outer: [String], _ inner: [String]) -> Bool {
        inner.count >= outer.count && Array(inner.prefix(outer.count)) == outer
    }

    /// The absolute path's components, symbolic links of its existing part resolved.
    static func resolved(_ path: String) -> [String] {
        let absolute =
            path.hasPrefix("/")
            ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts = URL(fileURLWithPath: absolute).standardized.pathComponents.filter {
            $0 != "/"
        }
        // The longest existing prefix through realpath; the rest as written.
        var rest: [String] = []
        while !parts.isEmpty {
            if let real = realpath("/" + parts.joined(separator: "/"), nil) {
                defer { free(real) }
                return String(cString: real).split(separator: "/").map(String.init) + rest
            }
            rest.insert(parts.removeLast(), at: 0)
        }
        return rest
    }
}
