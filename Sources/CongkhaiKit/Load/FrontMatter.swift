/// Splits a markdown file into its YAML front matter and its body.
struct FrontMatter {
    var yaml: String
    /// Line of the file on which the YAML starts (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: String
    var bodyFirstLine: Int

    /// Returns nil when the file does not open with `---`; a failure when the fence never closes.
    /// Works on UTF-8 bytes and touches only the front matter's lines: the body is sliced, not split.
    static func split(_ text: String) -> Result<FrontMatter, UnclosedFrontMatter>? {
        var utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { bytes in split(bytes) } ?? {
            var copy = text
            copy.makeContiguousUTF8()
            utf8 = copy.utf8
            return utf8.withContiguousStorageIfAvailable { bytes in split(bytes) }!
        }()
    }

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<FrontMatter, UnclosedFrontMatter>? {
        /// The end of the line starting at `start` (index of its `\n`, or the end), without a trailing `\r`.
        func lineEnd(_ start: Int) -> (content: Int, next: Int) {
            var i = start
            while i < bytes.count && bytes[i] != 0x0A { i += 1 }
            let content = i > start && bytes[i - 1] == 0x0D ? i - 1 : i
            return (content, min(i + 1, bytes.count))
        }
        func isFence(_ start: Int, _ end: Int) -> Bool {
            end - start == 3 && ((bytes[start] == 0x2D && bytes[start + 1] == 0x2D && bytes[start + 2] == 0x2D)
                || (bytes[start] == 0x2E && bytes[start + 1] == 0x2E && bytes[start + 2] == 0x2E))
        }
        let first = lineEnd(0)
        guard first.content == 3, bytes[0] == 0x2D, bytes[1] == 0x2D, bytes[2] == 0x2D else { return nil }
        var start = first.next, line = 2
        while start < bytes.count {
            let (content, next) = lineEnd(start)
            if isFence(start, content) {
                let yaml = String(decoding: UnsafeBufferPointer(rebasing: bytes[first.next..<max(first.next, start - 1)]), as: UTF8.self)
                let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[next...]), as: UTF8.self)
                return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: line + 1))
            }
            start = next
            line += 1
        }
        return .failure(UnclosedFrontMatter())
    }

    struct UnclosedFrontMatter: Error {}
}
