/// A line diff of two texts, as a test prints it when a built file is not the expected one:
/// removed lines with `-`, added lines with `+`, two lines of context around each change, and
/// `@@ line N` where a run of changes starts (N counts from 1 in the expected text).
enum LineDiff {
    static func unified(
        expected: String, actual: String, context: Int = 2, maximumLines: Int = 60
    ) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let edits = script(old, new)
        // Lines to show: every change and `context` lines either side.
        var shown = Set<Int>()
        for (i, edit) in edits.enumerated() where edit.kind != .same {
            for j in max(0, i - context)...min(edits.count - 1, i + context) { shown.insert(j) }
        }
        var lines: [String] = []
        var previous = -2
        for i in shown.sorted() {
            if i != previous + 1 { lines.append("@@ line \(edits[i].oldLine + 1)") }
            previous = i
            let edit = edits[i]
            switch edit.kind {
            case .same: lines.append("  " + edit.text)
            case .removed: lines.append("- " + edit.text)
            case .added: lines.append("+ " + edit.text)
            }
        }
        if lines.count > maximumLines {
            let more = lines.count - maximumLines
            lines = Array(lines.prefix(maximumLines)) + ["… \(more) more lines of diff"]
        }
        return lines.joined(separator: "\n")
    }

    struct Edit {
        enum Kind { case same, removed, added }
        var kind: Kind
        var text: String
        /// The line in the expected text this edit is at (for an addition: the line it goes before).
        var oldLine: Int
    }

    /// The shortest edit script by longest common subsequence, with a common prefix and suffix
    /// taken off first (a changed page usually differs in a few lines).
    static func script(_ old: [Substring], _ new: [Substring]) -> [Edit] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        { suffix += 1 }
        let a = Array(old[prefix..<(old.count - suffix)]),
            b = Array(new[prefix..<(new.count - suffix)])
        var edits = (0..<prefix).map { Edit(kind: .same, text: String(old[$0]), oldLine: $0) }
        if a.count * b.count > 4_000_000 {
            // Too large a middle to align line by line: all of it removed, then all of it added.
            edits += a.indices.map {
                Edit(kind: .removed, text: String(a[$0]), oldLine: prefix + $0)
            }
            edits += b.map { Edit(kind: .added, text: String($0), oldLine: prefix + a.count) }
            return edits
                + (0..<suffix).map {
                    Edit(
                        kind: .same, text: String(old[old.count - suffix + $0]),
                        oldLine: old.count - suffix + $0)
                }
        }
        // lengths[i][j]: the longest common subsequence of a[i...] and b[j...].
        var lengths = [[Int]](
            repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] =
                    a[i] == b[j]
                    ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(Edit(kind: .same, text: String(a[i]), oldLine: prefix + i)); i += 1;
                j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                edits.append(Edit(kind: .removed, text: String(a[i]), oldLine: prefix + i)); i += 1
            } else {
                edits.append(Edit(kind: .added, text: String(b[j]), oldLine: prefix + i)); j += 1
            }
        }
        edits += (0..<suffix).map { k in
            let line = old.count - suffix + k
            return Edit(kind: .same, text: String(old[line]), oldLine: line)
        }
        return edits
    }
}
