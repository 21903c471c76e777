/// Splits a markdown file into its YAML front matter and its body.
package struct FrontMatter {
    package var yaml: String
    /// Line of the file on which the YAML starts (the line after the opening `---`).
    package var yamlFirstLine: Int
    package var body: String
    package var bodyFirstLine: Int

    /// Returns nil when the file does not open with `---`; a failure when the fence never closes.
    /// Works on UTF-8 bytes and touches only the front matter's lines: the body is sliced, not split,
    /// and the slices are copied from the text without checking its UTF-8 again.
    package static func split(_ text: String) -> Result<FrontMatter, UnclosedFrontMatter>? {
        var text = text
        text.makeContiguousUTF8()
        guard let found = text.utf8.withContiguousStorageIfAvailable(fences)! else { return nil }
        guard let (yamlStart, yamlEnd, bodyStart, bodyLine) = found else {
            return .failure(UnclosedFrontMatter())
        }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        return .success(
            FrontMatter(
                yaml: String(text[index(yamlStart)..<index(yamlEnd)]), yamlFirstLine: 2,
                body: String(text[index(bodyStart)...]), bodyFirstLine: bodyLine))
    }

    /// The length of the front matter with both fences, in the bytes of a file (after any BOM);
    /// nil when there is none or it never closes.
    package static func headerLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard case let found?? = fences(bytes) else { return nil }
        return found.2
    }

    /// The byte offsets of the YAML (start, end), of the body's start, and the body's first line;
    /// nil when the file does not open with `---`, `.some(nil)` when the fence never closes.
    private static func fences(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int, Int)?? {
        /// The end of the line starting at `start` (index of its `\n`, or the end), without a trailing `\r`.
        func lineEnd(_ start: Int) -> (content: Int, next: Int) {
            var i = start
            while i < bytes.count && bytes[i] != 0x0A { i += 1 }
            let content = i > start && bytes[i - 1] == 0x0D ? i - 1 : i
            return (content, min(i + 1, bytes.count))
        }
        func isFence(_ start: Int, _ end: Int) -> Bool {
            end - start == 3
                && ((bytes[start] == 0x2D && bytes[start + 1] == 0x2D && bytes[start + 2] == 0x2D)
                    || (bytes[start] == 0x2E && bytes[start + 1] == 0x2E
                        && bytes[start + 2] == 0x2E))
        }
        let first = lineEnd(0)
        guard first.content == 3, bytes[0] == 0x2D, bytes[1] == 0x2D, bytes[2] == 0x2D else {
            return nil
        }
        var start = first.next, line = 2
        while start < bytes.count {
            let (content, next) = lineEnd(start)
            if isFence(start, content) {
                return .some((first.next, max(first.next, start - 1), next, line + 1))
            }
            start = next
            line += 1
        }
        return .some(nil)
    }

    package struct UnclosedFrontMatter: Error {}
}
