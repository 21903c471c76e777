import Foundation

/// Finds, in the package's Swift sources, every string literal that becomes a `DiagnosticText`,
/// and the catalogue key it makes (`"bad date \"\(text)\""` → `bad date "%@"`).
///
/// A literal counts when it is an argument of a call that takes messages (`error(`, `warning(`,
/// `Diagnostic(`, `problem(`, `say(`, `printLine(`, `printError(`, `Failure(`, `fail(`), not nested in
/// another call; when it is in the body of a function declared `-> DiagnosticText`; or in a
/// declaration typed `DiagnosticText` (and its `??`/`.` continuation lines).
struct MessageSourceScanner {
    struct Found: Hashable {
        var key: String
        var place: String
    }

    static let messageCalls: Set<String> = [
        "error", "warning", "Diagnostic", "problem", "say", "printLine", "printError",
        "Failure", "fail", "note", "named",
    ]

    /// Arguments with these labels are messages wherever they are passed (`what: "a unit"`).
    static let messageLabels: Set<String> = ["what", "hint", "reason"]

    static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(
                atPath: url.appendingPathComponent("Package.swift").path)
            {
                return url
            }
        }
        return url
    }

    /// Every message literal under `Sources/`.
    static func scanSources() -> [Found] {
        let sources = packageRoot.appendingPathComponent("Sources")
        var found: [Found] = []
        let files =
            FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        for file in files.sorted(by: { $0.path < $1.path }) {
            // The catalogue itself, and the generated theme, hold no calls.
            if file.lastPathComponent.hasPrefix("MessageCatalogue")
                || file.lastPathComponent == "DefaultTheme.swift"
            {
                continue
            }
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            let relative = String(file.path.dropFirst(packageRoot.path.count + 1))
            found += scan(text, file: relative)
        }
        return found
    }

    private struct Frame {
        var isParen: Bool
        var counts: Bool
    }

    static func scan(_ source: String, file: String) -> [Found] {
        let chars = Array(source.unicodeScalars)
        var found: [Found] = []
        var stack: [Frame] = [Frame(isParen: false, counts: false)]
        var line = 1
        var i = 0
        var lastIdentifier = ""
        var lastSignificant: Unicode.Scalar = " "
        // a `: DiagnosticText =` statement is open on this line (or continues)
        var declarationLine = -1
        var pendingFunctionReturnsText = false
        var labelled = false  // the previous tokens were `what:` or `hint:`
        var braceFunctionDepth: [Int] = []

        func isIdentChar(_ c: Unicode.Scalar) -> Bool {
            c == "_" || (c.value < 128 && (CharacterSet.alphanumerics.contains(c)))
        }

        while i < chars.count {
            let c = chars[i]
            if c == "\n" {
                line += 1
                i += 1
                pendingFunctionReturnsText = pendingFunctionReturnsText && lastSignificant == ">"
                // A declaration continues on a line that starts with `??` or `.`.
                if declarationLine == line - 1 {
                    var j = i
                    while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
                    if j + 1 < chars.count,
                        (chars[j] == "?" && chars[j + 1] == "?") || chars[j] == "."
                    {
                        declarationLine = line
                    }
                }
                continue
            }
            // Comments.
            if c == "/", i + 1 < chars.count, chars[i + 1] == "/" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
                continue
            }
            if c == "/", i + 1 < chars.count, chars[i + 1] == "*" {
                i += 2
                while i + 1 < chars.count, !(chars[i] == "*" && chars[i + 1] == "/") {
                    if chars[i] == "\n" { line += 1 }; i += 1
                }
                i += 2
                continue
            }
            if c == "\"" {
                let startLine = line
                let (key, end, lines, multiline) = readLiteral(chars, from: i)
                line += lines
                i = end
                let counts = stack.last!.counts || declarationLine == startLine || labelled
                if counts && !multiline
                    && key.unicodeScalars.contains(where: { CharacterSet.letters.contains($0) })
                {
                    found.append(Found(key: key, place: "\(file):\(startLine)"))
                }
                lastSignificant = "\""
                lastIdentifier = ""
                continue
            }
            if isIdentChar(c) {
                var word = ""
                while i < chars.count, isIdentChar(chars[i]) {
                    word.unicodeScalars.append(chars[i]); i += 1
                }
                if word == "DiagnosticText" {
                    // `let x: DiagnosticText = …`, or a computed `var text: DiagnosticText { … }`.
                    if lastSignificant == ":" {
                        declarationLine = line; pendingFunctionReturnsText = true
                    }
                    if lastSignificant == ">" { pendingFunctionReturnsText = true }
                }
                lastIdentifier = word
                lastSignificant = "a"
                continue
            }
            labelled =
                c == ":" && messageLabels.contains(lastIdentifier)
                ? true : (c == " " || c == "\t" ? labelled : false)
            if c == "=" || c == "," || c == ")" { pendingFunctionReturnsText = false }
            switch c {
            case "(":
                stack.append(Frame(isParen: true, counts: messageCalls.contains(lastIdentifier)))
            case ")":
                if stack.count > 1 { stack.removeLast() }
            case "{":
                if pendingFunctionReturnsText {
                    stack.append(Frame(isParen: false, counts: true))
                    braceFunctionDepth.append(stack.count)
                    pendingFunctionReturnsText = false
                } else {
                    stack.append(Frame(isParen: false, counts: stack.last!.counts))
                }
            case "}":
                if braceFunctionDepth.last == stack.count { braceFunctionDepth.removeLast() }
                if stack.count > 1 { stack.removeLast() }
            default:
                break
            }
            if c != " " && c != "\t" { lastSignificant = c }
            if c != " " && c != "\t" && c != "?" && c != "!" { if c != "." { lastIdentifier = "" } }
            i += 1
        }
        return found
    }

    /// Reads a literal starting at `chars[start]` (`"`); returns its catalogue key, the index
    /// after it, the newlines it spans, and whether it was a `"""` literal.
    static func readLiteral(_ chars: [Unicode.Scalar], from start: Int) -> (String, Int, Int, Bool)
    {
        var i = start
        var lines = 0
        if i + 2 < chars.count, chars[i + 1] == "\"", chars[i + 2] == "\"" {
            i += 3
            while i + 2 < chars.count,
                !(chars[i] == "\"" && chars[i + 1] == "\"" && chars[i + 2] == "\"")
            {
                if chars[i] == "\n" { lines += 1 }
                if chars[i] == "\\" { i += 1 }
                i += 1
            }
            return ("", i + 3, lines, true)
        }
        i += 1
        var key = ""
        while i < chars.count {
            let c = chars[i]
            if c == "\"" { return (key, i + 1, lines, false) }
            if c == "\n" { lines += 1; return (key, i, lines - 1, false) }
            if c == "\\", i + 1 < chars.count {
                let e = chars[i + 1]
                switch e {
                case "(":
                    // Skip the interpolation, nested parentheses and literals included.
                    var depth = 1
                    i += 2
                    while i < chars.count, depth > 0 {
                        if chars[i] == "\"" {
                            let (_, end, inner, _) = readLiteral(chars, from: i)
                            lines += inner
                            i = end
                            continue
                        }
                        if chars[i] == "(" { depth += 1 }
                        if chars[i] == ")" { depth -= 1 }
                        i += 1
                    }
                    key += "%@"
                    continue
                case "n": key += "\n"
                case "t": key += "\t"
                case "u":
                    // \u{…}
                    var j = i + 3, hex = ""
                    while j < chars.count, chars[j] != "}" {
                        hex.unicodeScalars.append(chars[j]); j += 1
                    }
                    if let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) {
                        key.unicodeScalars.append(s)
                    }
                    i = j + 1
                    continue
                default: key.unicodeScalars.append(e)
                }
                i += 2
                continue
            }
            if c == "%" { key += "%%" } else { key.unicodeScalars.append(c) }
            i += 1
        }
        return (key, i, lines, false)
    }
}
