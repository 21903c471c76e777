import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// The district's real `Content/` built as `scripts/build-site` builds it (the repository's
/// `Templates/`, 20/11/2021, no incremental cache), once per test process: the suites that read
/// its pages share this build instead of each making their own. Read only; a test that edits
/// the site, or builds it with other options, makes its own from `options(output:)`.
enum RealSite {
    static let buildDate = CalendarDay(year: 2021, month: 11, day: 20)
    static let content = Repository.root.appendingPathComponent("Content")

    /// The shared build's options, into `output`; its photos are made in `<output>-cache`, not in
    /// the working folder's cache.
    static func options(output: URL) -> BuildOptions {
        var options = BuildOptions(
            contentPath: content.path,
            templatesPath: Repository.root.appendingPathComponent("Templates").path,
            outputPath: output.path, buildDate: buildDate, useCache: false)
        options.cacheDirectory = output.path + "-cache"
        return options
    }

    /// The shared build's output folder and report (built on first use; every test waits for it).
    /// A failed build throws, and the test shows its diagnostics.
    static func built() throws -> (output: URL, report: BuildReport) {
        switch shared {
        case .success(let report): return (output, report)
        case .failure(let failure): throw Failed(diagnostics: failure.diagnostics)
        }
    }

    struct Failed: Error, CustomStringConvertible {
        var diagnostics: [Diagnostic]
        var description: String {
            "the real site failed to build:\n"
                + diagnostics.map(\.description).joined(separator: "\n")
        }
    }

    private static let output = FileManager.default.temporaryDirectory.appendingPathComponent(
        "congkhai-real-\(UUID().uuidString)")

    private static let shared: Result<BuildReport, BuildFailure> = {
        // The folders go when the test process ends.
        atexit {
            try? FileManager.default.removeItem(at: RealSite.output)
            try? FileManager.default.removeItem(atPath: RealSite.output.path + "-cache")
        }
        return SiteBuilder.build(options(output: output))
    }()
}
