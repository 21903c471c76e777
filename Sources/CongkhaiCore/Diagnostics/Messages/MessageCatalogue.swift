/// Every message a clerk or an editor can meet, in English (the key, as the call site writes
/// it, with `%@` for each interpolated value) and in Vietnamese. Entries are grouped by the
/// stage that says them, one file each (`MessageCatalogue+*.swift`); a test fails when a
/// message of the code has no entry here, or an entry lacks either language.
///
/// A Vietnamese text may reorder the values with `%1$@`, `%2$@`…
package enum MessageCatalogue {
    /// Every entry, (English key, Vietnamese text).
    package static let entries: [(english: String, vietnamese: String)] =
        content + metrics + validation + build + commandLine + importing + publishing + media

    /// The Vietnamese text of each key.
    package static let vietnamese: [String: String] = Dictionary(
        entries.map { ($0.english, $0.vietnamese) }, uniquingKeysWith: { first, _ in first })
}
