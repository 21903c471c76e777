import CongkhaiCore
import Foundation

/// Rendered fragments that many pages share, made once: an article's card appears on the news
/// list, its category, each of its tags, its unit's page and the home page, and renders the same
/// every time; the header is the same for every page of a section, the footer for every page.
/// Theme authors still write `article-card.mustache`, `header.mustache` and `footer.mustache`;
/// pages include the results with `{{{articles_html}}}` (or each card's `{{{html}}}`) and
/// `{{{fragment.header}}}`/`{{{fragment.footer}}}`.
final class FragmentCache: @unchecked Sendable {
    private let cards = Memo<Int, String>()
    /// A card's data, for templates that show its fields rather than its `html`.
    private let fields = Memo<Int, Context>()
    private let shared = Memo<String, String>()
    /// The navigation's data per section, the same for every page of it.
    let navigation = Memo<String, [Context]>()
    /// Renders a named template with data; set by the renderer that owns the theme.
    var render: @Sendable (String, Context) -> String = { _, _ in "" }

    /// A fragment shared by many pages (`header` per navigation section, `footer`), made once per key.
    func shared(_ template: String, key: String, make: () -> Context) -> String {
        shared.value(for: template + "|" + key) {
            var html = render(template, make())
            if html.utf8.last == 0x0A { html.removeLast() }  // the including template ends the line
            return html
        }
    }

    func cardFields(_ index: Int, make: () -> Context) -> Context {
        fields.value(for: index, make: make)
    }

    func card(_ index: Int, make: () -> Context) -> String {
        cards.value(for: index) { render("article-card", make()) }
    }
}
