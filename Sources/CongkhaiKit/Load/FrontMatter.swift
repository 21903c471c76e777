/// Splits a markdown file into its YAML front matter and its body.
struct FrontMatter {
    var yaml: String
    /// Line of the file on which the YAML starts (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: String
    var bodyFirstLine: Int

    /// Returns nil when the file does not open with `---`.
    /// Throws the line of the opening fence when it is never closed.
    static func split(_ text: String) -> Result<FrontMatter, UnclosedFrontMatter>? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingCR() == "---" else { return nil }
        lines.removeFirst()
        guard let close = lines.firstIndex(where: { let l = $0.trimmingTrailingCR(); return l == "---" || l == "..." }) else {
            return .failure(UnclosedFrontMatter())
        }
        let yaml = lines[..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: close + 3))
    }

    struct UnclosedFrontMatter: Error {}
}

extension Substring {
    func trimmingTrailingCR() -> Substring { hasSuffix("\r") ? dropLast() : self }
}
