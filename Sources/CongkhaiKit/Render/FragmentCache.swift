import Foundation

/// Rendered fragments that many pages share, made once: an article's card appears on the news
/// list, its category, each of its tags, its unit's page and the home page, and renders the same
/// every time; the header is the same for every page of a section, the footer for every page.
/// Theme authors still write `article-card.mustache`, `header.mustache` and `footer.mustache`;
/// pages include the results with `{{{html}}}` and `{{{fragment.header}}}`/`{{{fragment.footer}}}`.
final class FragmentCache: @unchecked Sendable {
    private var cards: [String?]
    private let lock = NSLock()
    /// Renders a named template with data; set by the renderer that owns the theme.
    var render: @Sendable (String, Context) -> String = { _, _ in "" }

    init(articleCount: Int) { cards = Array(repeating: nil, count: articleCount) }

    private var shared: [String: String] = [:]

    /// A fragment shared by many pages (`header` per navigation section, `footer`), made once per key.
    func shared(_ template: String, key: String, make: () -> Context) -> String {
        let id = template + "|" + key
        lock.lock()
        if let cached = shared[id] { lock.unlock(); return cached }
        lock.unlock()
        var html = render(template, make())
        if html.hasSuffix("\n") { html.removeLast() }  // the including template ends the line
        lock.lock()
        shared[id] = html
        lock.unlock()
        return html
    }

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
