import CongkhaiCore
import CongkhaiImages
import Foundation

/// `congkhai new article`: a draft article with its front matter filled in, at
/// `news/YYYY/YYYY-MM-DD-<slug>.md` under the content folder.
public enum NewArticle {
    public static let defaultCategory = "tuyen-truyen"

    /// Why no file was written: each problem as a line to print (`error: unknown unit "x"`, or a
    /// diagnostic of `units.yml` in the usual `file:line:col: error: …` form).
    public struct Failure: Error, CustomStringConvertible {
        public var problems: [Problem]
        public var description: String { rendered(in: .english) }
        public func rendered(in language: MessageLanguage) -> String {
            problems.map { $0.rendered(in: language) }.joined(separator: "\n")
        }
    }

    /// One reason, with no place (`error: unknown category "x"`) or with one (units.yml's own errors).
    public enum Problem: Sendable {
        case plain(DiagnosticText, hint: DiagnosticText?)
        case located(Diagnostic)

        public func rendered(in language: MessageLanguage) -> String {
            switch self {
            case .located(let diagnostic): return diagnostic.rendered(in: language)
            case .plain(let text, let hint):
                return "\(language.word(for: .error)): \(text.rendered(in: language))"
                    + (hint.map { "\n    \(language.noteWord): \($0.rendered(in: language))" } ?? "")
            }
        }
    }

    /// The file's path under the content folder: `news/2021/2021-11-20-tieu-de.md`.
    public static func relativePath(title: String, date: CalendarDay) -> String {
        "news/\(date.description.prefix(4))/\(date)-\(Slug.make(title)).md"
    }

    /// With a photo, a page bundle: `news/2021/2021-11-20-tieu-de/index.md`, the photo beside it.
    public static func bundlePath(title: String, date: CalendarDay) -> String {
        "news/\(date.description.prefix(4))/\(date)-\(Slug.make(title))/index.md"
    }

    /// A photo's name in the bundle: its name as a slug, `IMG_0042.JPG` → `img-0042.jpg`.
    static func photoName(_ path: String) -> String {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let dot = name.lastIndex(of: ".")
        let stem = Slug.make(dot.map { String(name[..<$0]) } ?? name)
        let ext = dot.map { String(name[name.index(after: $0)...]).lowercased() } ?? "jpg"
        return (stem.isEmpty ? "anh" : stem) + "." + ext
    }

    /// The image line of a new article: alt text as given, or empty so that `check` asks for it.
    static func imageLine(_ name: String, alt: String?) -> String {
        let escaped = (alt ?? "").replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
            of: "]", with: "\\]"
        )
        .replacingOccurrences(of: "[", with: "\\[")
        return "![\(escaped)](\(name))"
    }

    /// The line a new article's body starts with, to be replaced by the article: `check` warns
    /// when a published article still has it.
    static let placeholder =
        "Viết nội dung bài ở đây, bằng markdown: đoạn văn, **chữ đậm**, danh sách, [liên kết](https://…)."

    /// The file's text: front matter with every key a writer needs, then a line to replace.
    public static func text(
        title: String, date: CalendarDay, unit: String? = nil,
        category: String = defaultCategory, image: String? = nil
    ) -> String {
        let unitLine =
            unit.map { "unit: \($0)" }
            ?? "# unit: phuong-1            # optional: the unit's column (an id from units.yml); none = the district's"
        return """
            ---
            title: \(yamlQuoted(title))
            date: \(date)
            \(unitLine)
            category: \(category)   # tuyen-truyen | mo-hinh-hay | guong-dien-hinh | thong-bao
            tags: []                    # e.g. ["một cửa", "dịch vụ công trực tuyến"]
            # summary: "…"              # optional; else the first paragraph
            draft: true                 # built only with --drafts; set to false to publish
            ---

            \(placeholder)

            """ + (image.map { "\($0)\n\n" } ?? "")
    }

    /// Checks the title, unit and category, then writes the file (never over an existing one).
    /// Returns the file's path as the content folder was named (`Content/news/2021/….md`).
    public static func create(
        title: String, date: CalendarDay, unit: String? = nil,
        category: String = defaultCategory, image: String? = nil, alt: String? = nil,
        contentPath: String
    ) -> Result<String, Failure> {
        let content = ContentDirectory(path: contentPath)
        var problems: [Problem] = []
        func problem(_ message: DiagnosticText, hint: DiagnosticText? = nil) {
            problems.append(.plain(message, hint: hint))
        }
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if Slug.make(trimmed).isEmpty {
            problem("the title \"\(title)\" has no letters or digits to make a file name from")
        }
        if Category.named(category) == nil {
            let ids = Category.all.map(\.id)
            let hint: DiagnosticText =
                Spelling.closest(to: category, among: ids).map { "did you mean \"\($0)\"?" }
                ?? "use one of: \(ids.joined(separator: ", "))"
            problem("unknown category \"\(category)\"", hint: hint)
        }
        if let unit {
            let unitsLog = DiagnosticLog()
            let units = UnitsLoader.loadUnits(content, log: unitsLog)
            if unitsLog.hasErrors {
                problems += unitsLog.all.errors.map { .located($0) }
            } else if !units.contains(where: { $0.id == unit }) {
                let ids = units.map(\.id)
                let hint: DiagnosticText =
                    Spelling.closest(to: unit, among: ids).map { "did you mean \"\($0)\"?" }
                    ?? "the ids are listed in \(content.display("units.yml"))"
                problem(
                    "unknown unit \"\(unit)\": not in \(content.display("units.yml"))", hint: hint)
            }
        }
        if let image {
            if case .failure(let failure) = PhotoLibrary.size(ofFileAt: image) {
                problem(
                    "cannot read \(image) as a photo: \(failure.reason)",
                    hint: "give a JPEG, PNG or WebP file")
            }
        }
        guard problems.isEmpty else { return .failure(Failure(problems: problems)) }

        let relative =
            image == nil
            ? relativePath(title: trimmed, date: date) : bundlePath(title: trimmed, date: date)
        let display = content.display(relative)
        let url = content.url(relative)
        let photo = image.map(photoName)
        let data = Data(
            text(
                title: trimmed, date: date, unit: unit, category: category,
                image: photo.map { imageLine($0, alt: alt) }
            ).utf8)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // `.withoutOverwriting` fails if the file exists, also when it appears meanwhile.
            try data.write(to: url, options: .withoutOverwriting)
            if let image, let photo {
                // The photo as it is: the build applies its orientation and strips its metadata.
                try Data(contentsOf: URL(fileURLWithPath: image))
                    .write(
                        to: url.deletingLastPathComponent().appendingPathComponent(photo),
                        options: .withoutOverwriting)
            }
        } catch {
            if FileManager.default.fileExists(atPath: url.path) {
                problem(
                    "\(display) already exists; nothing was written",
                    hint: "pick another title, or edit that file")
            } else {
                problem("cannot write \(display): \(error.localizedDescription)")
            }
            return .failure(Failure(problems: problems))
        }
        return .success(display)
    }

    /// A YAML double-quoted scalar: a JSON string literal is one.
    static func yamlQuoted(_ text: String) -> String { json(text) }
}
