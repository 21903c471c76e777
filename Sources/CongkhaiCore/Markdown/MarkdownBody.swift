extension Markdown {
    /// The body of the markdown file at `path` (after its front matter) as HTML. Bodies are never kept in memory: the file is read
    /// again and its bytes after the front matter go to cmark as they are (the file was checked
    /// when loaded). Empty when the file cannot be read or has no front matter.
    package static func bodyHTML(ofFileAt path: String, allowRawHTML: Bool) -> String {
        guard let data = FileIO.contents(atPath: path) else { return "" }
        return data.withUnsafeBytes { raw in
            let bom = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let file = UnsafeRawBufferPointer(rebasing: raw[bom...])
            guard let header = FrontMatter.headerLength(file.bindMemory(to: UInt8.self)) else {
                return ""
            }
            return Markdown.html(
                utf8: UnsafeRawBufferPointer(rebasing: file[header...]), allowRawHTML: allowRawHTML)
        }
    }
}
