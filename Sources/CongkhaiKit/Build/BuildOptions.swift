import CongkhaiCore

/// What a build reads, where it writes, and how strict it is.
public struct BuildOptions: Sendable {
    public var contentPath: String
    public var templatesPath: String?
    public var outputPath: String
    public var includeDrafts: Bool
    /// Publish articles dated after the build date too (a preview; `--future`).
    public var includeFuture = false
    public var buildDate: CalendarDay
    /// Warnings fail the build too.
    public var strict: Bool
    /// Build only these units' pages (their transparency page, feed and articles); empty: the whole site.
    public var units: [String]
    /// With `units`: the address the unit's own host serves the build at (`--base-url`), for its
    /// canonical links and feeds; nil: the district's `base_url`.
    public var unitBaseURL: String?
    /// Reuse the last build's cache (`.congkhai-cache/`, or `cacheDirectory`) to rewrite only what changed.
    public var useCache: Bool
    /// Where the cache lives; nil: `.congkhai-cache` in the working folder.
    public var cacheDirectory: String?
    /// When another build holds the output's lock: wait for it (true), or fail at once.
    public var waitForLock = true
    /// When set, the cache is kept here between builds of one process instead of on disk.
    package var cacheStore: BuildCacheStore?

    public init(
        contentPath: String = "Content", templatesPath: String? = "Templates",
        outputPath: String = "Public",
        includeDrafts: Bool = false, buildDate: CalendarDay, strict: Bool = false,
        units: [String] = [], useCache: Bool = true
    ) {
        self.units = units
        self.useCache = useCache
        self.contentPath = contentPath
        self.templatesPath = templatesPath
        self.outputPath = outputPath
        self.includeDrafts = includeDrafts
        self.buildDate = buildDate
        self.strict = strict
    }
}

/// What a finished build reports back to its caller (the CLI prints it; the library never does).
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pagesWritten: Int
    public var bytesWritten: Int
    /// Each stage's name and wall time in seconds, in order.
    public var stageTimings: [(stage: String, seconds: Double)]
    /// How the output was brought up to date.
    public var kind: Kind = .full
    /// Articles held back until their day (dated after the build date), oldest first.
    public var scheduled: [ScheduledArticle] = []
    /// Photos made by libvips in this build (the others came from the image cache).
    public var photosProcessed = 0
    /// Social cards drawn by libvips in this build (the others came from the build cache).
    public var cardsDrawn = 0

    public enum Kind: Sendable, Equatable {
        /// Every page rendered into a staging folder, swapped in whole.
        case full
        /// The pages whose fingerprint changed, rewritten in place.
        case incremental
        /// Only edited articles' own pages, rendered without loading the rest of the site.
        case bodyEdit
    }
}

/// An article dated after the build date: `build` and `check` list it, the first build on or after
/// its day publishes it.
public struct ScheduledArticle: Sendable, Equatable {
    public var file: String
    public var title: String
    public var day: CalendarDay

    init(_ article: Article) {
        self.init(file: article.source.file, title: article.title, day: article.date.vietnamDay)
    }

    init(file: String, title: String, day: CalendarDay) {
        self.file = file
        self.title = title
        self.day = day
    }

    /// `Content/news/a.md: "Tiêu đề" sẽ đăng ngày 29/11/2021`.
    public var description: String { "\(file): \"\(title)\" sẽ đăng ngày \(day.vietnamese)" }
}

/// What `check` finds: the problems, and the articles waiting for their day.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var scheduled: [ScheduledArticle]
}
