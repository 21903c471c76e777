import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// `check` tells a theme author about a mistyped name and a partial that does not exist, at the
/// place in their template; the default theme and correct names say nothing.
@Suite struct ThemeLintTests {
    @Test func aMistypedNameAndAMissingPartialAreWarnedWithTheirPlace() throws {
        let unit = """
            {{<layout}}{{$content}}
            <h1>{{unit.name}}</h1>
            <p>{{unit.nmae}} – {{#unit}}{{short}} {{shrot}}{{/unit}}</p>
            {{> khong-co}}
            {{/content}}{{/layout}}

            """
        let site = try TestSite(
            files: TestSite.minimal.merging(["Templates/unit.mustache": unit]) { $1 })
        #expect(
            site.check() == [
                "Templates/unit.mustache:3:4: warning: no page rendered with this template has `unit.nmae`\n    note: the names each page has are in Sources/CongkhaiKit/Render/*Contexts.swift; check the spelling",
                "Templates/unit.mustache:3:39: warning: no page rendered with this template has `shrot`\n    note: the names each page has are in Sources/CongkhaiKit/Render/*Contexts.swift; check the spelling",
                "Templates/unit.mustache:4:1: warning: template \"khong-co.mustache\" does not exist\n    note: add it to the templates folder, or correct the name",
            ])
    }

    @Test func theRepositorysOwnThemeHasNoUnknownName() throws {
        var options = BuildOptions(
            contentPath: Repository.root.appendingPathComponent("Content").path,
            templatesPath: Repository.root.appendingPathComponent("Templates").path,
            outputPath: "unused", buildDate: CalendarDay(year: 2021, month: 11, day: 20))
        options.useCache = false
        let report = SiteBuilder.inspect(options)
        #expect(
            report.diagnostics.isEmpty,
            "\(report.diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test func tagsAreFoundWithTheirColumns() {
        let tags = ThemeLint.tags(in: "a {{x}} {{{y.z}}}\n  {{#s}}{{/s}} {{! note }}{{> p}}")
        #expect(tags.map(\.name) == ["x", "y.z", "s", "s", "p"])
        #expect(tags.map { "\($0.line):\($0.column)" } == ["1:3", "1:9", "2:3", "2:9", "2:27"])
    }
}
