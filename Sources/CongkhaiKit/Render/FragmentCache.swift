import Foundation

/// Rendered fragments that many pages share, made once: an article's card appears on the news
/// list, its category, each of its tags, its unit's page and the home page, and renders the same
/// every time. Theme authors still write `article-card.mustache`; pages include the result with
/// `{{{html}}}`.
final class FragmentCache: @unchecked Sendable {
    private var cards: [String?]
    private let lock = NSLock()
    /// Renders a named template with data; set by the renderer that owns the theme.
    var render: @Sendable (String, Context) -> String = { _, _ in "" }

    init(articleCount: Int) { cards = Array(repeating: nil, count: articleCount) }

    func card(_ index: Int, make: () -> Context) -> String {
        lock.lock()
        if let cached = cards[index] { lock.unlock(); return cached }
        lock.unlock()
        // Rendered outside the lock; two workers may both render it, with the same result.
        let html = render("article-card", make())
        lock.lock()
        cards[index] = html
        lock.unlock()
        return html
    }
}
