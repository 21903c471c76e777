import CongkhaiCore
import Mustache

/// Template data as Mustache sees it. Contexts are built as `[String: Any]` literals for
/// readability, then wrapped: Mustache looks a name up by casting every object on its stack to
/// `MustacheParent`, and that cast is several times cheaper on a plain type than on a generic
/// Dictionary with a conditional conformance (a fifth of all rendering work, callgrind, preset S).
/// A struct, not a class: a cast that fails (Mustache tries several on every section) costs about
/// twice as much on a class instance, whose superclasses are searched too.
/// Wrapping is lazy: a nested value is wrapped when a template asks for it, so data a template
/// does not show costs nothing.
struct TemplateObject: MustacheParent, MustacheCustomRepresentation, @unchecked Sendable {
    let values: [String: Any]

    /// Mustache asks every object on its stack for this first; answering is cheaper than failing the cast.
    var representation: Any? { self }

    init(_ values: [String: Any]) { self.values = values }

    func child(named name: String) -> Any? { values[name].map(TemplateObject.wrap) }

    /// Dictionaries (and arrays of them) as `TemplateObject`s; strings, numbers and booleans as they are.
    static func wrap(_ value: Any) -> Any {
        switch value {
        case let string as String: return string
        case let dictionary as [String: Any]: return TemplateObject(dictionary)
        case let array as [[String: Any]]: return array.map(TemplateObject.init)
        case let array as [Any]: return array.map(wrap)
        default: return value
        }
    }
}

/// An article's card in a list, answering each name as a template asks for it: `html` from the
/// card rendered once per build, `url` and `title` from the article, anything else from the card's data.
/// A list makes millions of these on a national site, and the default theme asks most only for
/// `html`: nothing is allocated until a template asks for another name.
struct ListedCard: MustacheParent, MustacheCustomRepresentation, @unchecked Sendable {
    let index: Int
    let environment: RenderEnvironment

    var representation: Any? { self }

    func child(named name: String) -> Any? {
        switch name {
        case "html": return environment.cardHTML(index)
        // What an article page shows of its neighbours: answered without making their whole card.
        case "url": return Routes.article(environment.content.articles[index])
        case "title": return environment.content.articles[index].title
        default:
            return TemplateObject(
                environment.fragments.cardFields(index) { environment.cardData(index) }
            ).child(named: name)
        }
    }
}

/// Text renders as itself: found by Mustache's first cast, instead of after failing several
/// (template, renderable, lambda, optional) and copying through `String(describing:)`.
/// `isNull` stays false, so sections treat a string exactly as before.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
