import ArgumentParser
import CongkhaiCore
import CongkhaiKit
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new content file with its front matter filled in.",
        subcommands: [NewArticleCommand.self])
}

struct NewArticleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "Write a draft article for the news column and print its path.",
        discussion: """
            Writes Content/news/YYYY/YYYY-MM-DD-<slug>.md (with --image, Content/news/YYYY/YYYY-MM-DD-<slug>/index.md and the photo beside it) (the slug from the title, diacritics folded) with title, date, unit, category, tags, a summary hint and `draft: true`. An existing file is never overwritten. Preview drafts with `congkhai serve --drafts`; set `draft: false` to publish.
            """)

    @Argument(help: ArgumentHelp("The article's title, in quotes.", valueName: "title"))
    var title: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The unit whose column it belongs to (an id from units.yml); none: the district's.",
            valueName: "id"))
    var unit: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "tuyen-truyen, mo-hinh-hay, guong-dien-hinh or thong-bao.", valueName: "category"))
    var category = NewArticle.defaultCategory

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A photo to show in the article: the article becomes a folder (…/index.md) with the photo copied beside it, and its image line is written.",
            valueName: "file"))
    var image: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "What the photo shows, for people who cannot see it (its alt text). Without it `check` reminds you.",
            valueName: "text"))
    var alt: String?

    @Option(name: .long, help: ArgumentHelp("The site's content folder.", valueName: "dir"))
    var content = "Content"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The article's date (YYYY-MM-DD). Default: today in Vietnam.", valueName: "date"))
    var date: String?

    @OptionGroup var messages: LanguageOption

    func run() throws {
        let day: CalendarDay
        if let date {
            guard let parsed = CalendarDay(iso: date) else {
                throw ValidationError(
                    messages.language.say("--date must be YYYY-MM-DD, not \"\(date)\""))
            }
            day = parsed
        } else {
            day = Timestamp(epochSeconds: Int(Date().timeIntervalSince1970)).vietnamDay
        }
        switch NewArticle.create(
            title: title, date: day, unit: unit, category: category, image: image, alt: alt,
            contentPath: content)
        {
        case .success(let path):
            Console.current.line(path)
        case .failure(let failure):
            Console.current.errorLine(failure.rendered(in: messages.language))
            throw ExitCode.failure
        }
    }
}
