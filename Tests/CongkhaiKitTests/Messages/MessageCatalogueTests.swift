import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

@Suite("Messages in two languages")
struct MessageCatalogueTests {
    @Test("every message the code can say has an entry in the catalogue")
    func everyMessageIsCatalogued() {
        let found = MessageSourceScanner.scanSources()
        #expect(found.count > 100, "the scanner finds the messages of the code")
        let missing = found.filter { MessageCatalogue.vietnamese[$0.key] == nil }
        let listing = Dictionary(grouping: missing, by: \.key).sorted { $0.key < $1.key }
            .map {
                "(\(swiftLiteral($0.key)), \"\"),  // \($0.value.map(\.place).joined(separator: ", "))"
            }
        #expect(
            missing.isEmpty,
            "messages without a Vietnamese text (add them to MessageCatalogue+*.swift):\n\(listing.joined(separator: "\n"))"
        )
    }

    @Test("every entry has both languages, with the same number of values")
    func entriesAreWhole() {
        var seen: [String: String] = [:]
        for entry in MessageCatalogue.entries {
            #expect(!entry.english.isEmpty && !entry.vietnamese.isEmpty, "empty text: \(entry)")
            #expect(
                entry.english != entry.vietnamese || !entry.english.contains(where: \.isLetter),
                "not translated: \(entry.english)")
            #expect(
                DiagnosticText.placeholderCount(entry.english)
                    == DiagnosticText.placeholderCount(entry.vietnamese),
                "values differ: \(entry.english) → \(entry.vietnamese)")
            if let earlier = seen[entry.english] {
                #expect(earlier == entry.vietnamese, "listed twice: \(entry.english)")
            }
            seen[entry.english] = entry.vietnamese
        }
    }

    @Test("a message keeps its values and translates the words it names")
    func rendering() {
        let what: DiagnosticText = "unit"
        let text: DiagnosticText = "unknown \(what) \"\("phuong-x")\""
        #expect(text.key == "unknown %@ \"%@\"")
        #expect(text.rendered(in: .english) == "unknown unit \"phuong-x\"")
        #expect(text.rendered(in: .vietnamese) == "không có đơn vị \"phuong-x\"")
        let percent: DiagnosticText = "rate \(98) % of \("x")"
        #expect(percent.key == "rate %@ %% of %@")
        #expect(percent.description == "rate 98 % of x")
        #expect(DiagnosticText.format("%2$@ trước %1$@", ["a", "b"]) == "b trước a")
        let diagnostic = Diagnostic.error(
            SourceLocation(file: "a.csv", line: 2, column: 3), text,
            hint: "did you mean \"\("phuong-1")\"?")
        #expect(
            diagnostic.description
                == "a.csv:2:3: error: unknown unit \"phuong-x\"\n    note: did you mean \"phuong-1\"?"
        )
        #expect(
            diagnostic.rendered(in: .vietnamese)
                == "a.csv:2:3: lỗi: không có đơn vị \"phuong-x\"\n    gợi ý: có phải là \"phuong-1\"?"
        )
    }

    @Test("numbers are written the Vietnamese way in Vietnamese: 14.236 files in 0,21 s")
    func numbers() {
        let built: DiagnosticText =
            "built \(count: 14236) files (\(count: 263918) KiB) into \("Public") in \(0.2149, decimals: 2) s"
        #expect(built.key == "built %@ files (%@ KiB) into %@ in %@ s")
        #expect(
            built.rendered(in: .english) == "built 14236 files (263918 KiB) into Public in 0.21 s")
        #expect(
            built.rendered(in: .vietnamese)
                == "đã dựng 14.236 tệp (263.918 KiB) vào Public trong 0,21 giây")
        let small: DiagnosticText = "in \(0.05, decimals: 2) s and \(-1.5, decimals: 1)"
        #expect(small.rendered(in: .english) == "in 0.05 s and -1.5")
    }

    @Test("the language comes from --lang, else LC_ALL, LC_MESSAGES, LANG")
    func languageChoice() {
        #expect(MessageLanguage(code: "vi") == .vietnamese)
        #expect(MessageLanguage(code: "en") == .english)
        #expect(MessageLanguage(code: "fr") == nil)
        #expect(MessageLanguage.fromEnvironment(["LANG": "vi_VN.UTF-8"]) == .vietnamese)
        #expect(
            MessageLanguage.fromEnvironment(["LANG": "vi_VN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"])
                == .english)
        #expect(
            MessageLanguage.fromEnvironment(["LANG": "en_US.UTF-8", "LC_ALL": "vi_VN"])
                == .vietnamese)
        #expect(MessageLanguage.fromEnvironment(["LC_ALL": "", "LANG": "vi"]) == .vietnamese)
        #expect(MessageLanguage.fromEnvironment([:]) == .english)
    }

    @Test("every diagnostic of the invalid fixture sites reads in Vietnamese")
    func fixtureDiagnosticsAreCatalogued() throws {
        let diagnostics = InvalidInputs.diagnostics()
        #expect(diagnostics.count > 20)
        let untranslated = diagnostics.filter {
            !$0.text.isCatalogued || !($0.hintText?.isCatalogued ?? true)
        }
        #expect(untranslated.isEmpty, "\(untranslated.map(\.description).joined(separator: "\n"))")
    }

    private func swiftLiteral(_ key: String) -> String {
        "\""
            + key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
                of: "\"", with: "\\\""
            )
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
