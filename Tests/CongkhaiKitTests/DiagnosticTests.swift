import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

/// Each kind of bad input gets a compiler-style diagnostic at the right place, all at once.
@Suite struct DiagnosticTests {
    func diagnostics(_ files: [String: String]) throws -> [String] {
        var all = TestSite.minimal
        all.removeValue(forKey: "Content/news/a.md")
        for (k, v) in files { all[k] = v }
        return try TestSite(files: all).check()
    }

    @Test func yamlSyntaxErrorPointsAtYAMLsLine() throws {
        let found = try diagnostics([
            "Content/news/a.md":
                "---\ntitle: \"Tin\"\ndate: 2021-03-15\ntags: [một cửa\ncategory: thong-bao\n---\nx\n"
        ])
        #expect(found.count == 1)
        #expect(
            found[0]
                == "Content/news/a.md:5:9: error: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence)"
        )
    }

    @Test func aUnitEntrysMistakesComeAtOnce() throws {
        let found = try diagnostics([
            "Content/units.yml": TestSite.units
                + "\n- id: Phuong_X\n  kind: village\n- id: phuong-y\n  name: \"Y\"\n  kind: xa\n",
            "Content/fields.yml": "- id: Ho Tich\n",
        ])
        #expect(
            found == [
                "Content/fields.yml:1:3: error: a field is missing `name`",
                "Content/fields.yml:1:7: error: id \"Ho Tich\" may use only a-z, 0-9 and -\n    note: e.g. \"ho-tich\"",
                "Content/units.yml:11:3: error: a unit is missing `name`",
                "Content/units.yml:11:7: error: id \"Phuong_X\" may use only a-z, 0-9 and -\n    note: e.g. \"phuong-x\"",
                "Content/units.yml:12:9: error: unknown unit kind \"village\"\n    note: use one of: agency, ward, service-unit",
                "Content/units.yml:15:9: error: unknown unit kind \"xa\"\n    note: use one of: agency, ward, service-unit",
            ])
    }

    @Test func yamlSyntaxErrorInUnitsFile() throws {
        let found = try diagnostics(["Content/units.yml": "- id: a\n  name: \"x\n"])
        #expect(found.first?.hasPrefix("Content/units.yml:3:1: error: YAML syntax:") == true)
    }

    @Test func missingAndEmptyTitle() throws {
        let found = try diagnostics([
            "Content/news/a.md": "---\ndate: 2021-03-15\ncategory: thong-bao\n---\nx\n",
            "Content/news/b.md":
                "---\ntitle: \"\"\ndate: 2021-03-15\ncategory: thong-bao\n---\nx\n",
        ])
        #expect(
            found == [
                "Content/news/a.md:2:1: error: front matter is missing `title`",
                "Content/news/b.md:2:8: error: `title` is empty",
            ])
    }

    @Test func badDates() throws {
        let found = try diagnostics([
            "Content/news/a.md": TestSite.article(date: "2021-02-30"),
            "Content/news/b.md": TestSite.article(date: "15/03/2021"),
        ])
        let hint =
            "\n    note: write YYYY-MM-DD, or ISO 8601 with an offset such as 2021-03-15T08:30:00+07:00"
        #expect(
            found == [
                "Content/news/a.md:3:7: error: bad date \"2021-02-30\"" + hint,
                "Content/news/b.md:3:7: error: bad date \"15/03/2021\"" + hint,
            ])
    }

    @Test func unknownUnitWithSuggestion() throws {
        let found = try diagnostics([
            "Content/news/a.md": TestSite.article(extra: "unit: phuong-11\n")
        ])
        #expect(
            found == [
                "Content/news/a.md:5:7: error: unknown unit \"phuong-11\"\n    note: did you mean \"phuong-1\"?"
            ])
    }

    @Test func anUnknownUnitIsReportedWithTheFrontMattersOtherErrors() throws {
        // The editor sees every mistake of the file at once, not the unit only once the date
        // and category are put right; an article that loads is still reported once.
        let found = try diagnostics([
            "Content/news/a.md":
                "---\ntitle: \"Tin\"\ndate: 15/03/2021\nunit: phuong-11\ncategory: tin-vui\n---\nx\n",
            "Content/news/b.md": TestSite.article("Hai", extra: "unit: phuong-11\n"),
            "Content/news/c.md":
                "---\ntitle: \"Ba\"\ndate: 2021-03-15\nunit: phuong-11\ncategory: thong-bao\nslug: \"../x\"\n---\nx\n",
        ])
        let unknown = "error: unknown unit \"phuong-11\"\n    note: did you mean \"phuong-1\"?"
        #expect(
            found.map { $0.components(separatedBy: "\n    note: write").first! } == [
                "Content/news/a.md:3:7: error: bad date \"15/03/2021\"",
                "Content/news/a.md:4:7: " + unknown,
                "Content/news/a.md:5:11: error: unknown category \"tin-vui\"\n    note: use one of: tuyen-truyen, mo-hinh-hay, guong-dien-hinh, thong-bao",
                "Content/news/b.md:5:7: " + unknown,
                "Content/news/c.md:4:7: " + unknown,
                "Content/news/c.md:6:7: error: slug \"../x\" would leave the news folder\n    note: a slug is one path segment of a-z, 0-9 and -",
            ])
    }

    @Test func unknownCategory() throws {
        let found = try diagnostics([
            "Content/news/a.md":
                "---\ntitle: \"Tin\"\ndate: 2021-03-15\ncategory: thong-bo\n---\nx\n"
        ])
        #expect(
            found == [
                "Content/news/a.md:4:11: error: unknown category \"thong-bo\"\n    note: did you mean \"thong-bao\"?"
            ])
    }

    @Test func badTagFormat() throws {
        let found = try diagnostics([
            "Content/news/a.md": TestSite.article(extra: "tags: {a: b}\n"),
            "Content/news/b.md": TestSite.article("Tin hai", extra: "tags: [\"!!!\"]\n"),
        ])
        #expect(
            found == [
                "Content/news/a.md:5:7: error: `tags` must be a list, e.g. [\"một cửa\", \"bưu chính\"]",
                "Content/news/b.md:5:7: error: tag \"!!!\" has no letters or digits to make a path from",
            ])
    }

    @Test func duplicateSlug() throws {
        let found = try diagnostics([
            "Content/news/a.md": TestSite.article("Phường 5 đổi mới"),
            "Content/news/b.md": TestSite.article("Phuong 5 doi moi"),
        ])
        #expect(
            found == [
                "Content/news/b.md:2:8: error: duplicate slug \"phuong-5-doi-moi\"\n    note: Content/news/a.md has the same slug; add `slug:` to one of them"
            ])
    }

    @Test func slugThatLeavesTheOutput() throws {
        let found = try diagnostics([
            "Content/news/a.md": TestSite.article(extra: "slug: \"../../etc\"\n"),
            "Content/news/b.md": TestSite.article("Hai", extra: "slug: \"Chữ Hoa\"\n"),
            "Content/news/c.md": TestSite.article("Ba", extra: "slug: \"trang-2\"\n"),
        ])
        #expect(
            found == [
                "Content/news/a.md:5:7: error: slug \"../../etc\" would leave the news folder\n    note: a slug is one path segment of a-z, 0-9 and -",
                "Content/news/b.md:5:7: error: slug \"Chữ Hoa\" may use only a-z, 0-9 and -\n    note: e.g. \"chu-hoa\"",
                "Content/news/c.md:5:7: error: slug \"trang-2\" is reserved for the news column's own pages\n    note: add a different `slug:`",
            ])
    }

    @Test func nonUTF8File() throws {
        let site = try TestSite(files: TestSite.minimal)
        var bytes = Data("---\ntitle: \"Tin\"\ndate: 2021-03-15\ncategory: thong-bao\n---\nPh".utf8)
        bytes.append(contentsOf: [0xF0, 0x28, 0x8C, 0x28])  // Windows-1258 or broken UTF-8
        try site.write("Content/news/a.md", bytes)
        #expect(
            site.check() == [
                "Content/news/a.md:6:3: error: file is not valid UTF-8 (byte 0xF0 at offset 60)\n    note: save the file as UTF-8; Excel: File › Save As › CSV UTF-8"
            ])
    }

    @Test func unknownFrontMatterKeyIsAWarning() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Content/news/a.md": TestSite.article(extra: "tag: [\"x\"]\n")
            ]) { $1 })
        #expect(
            site.check() == [
                "Content/news/a.md:5:1: warning: unknown key `tag` in front matter\n    note: did you mean `tags`?"
            ])
        guard try site.expectSuccess(site.build()) else { return }
        guard case .failure = SiteBuilder.build(site.options(strict: true)) else {
            Issue.record("--strict fails on warnings"); return
        }
    }

    @Test func missingFrontMatter() throws {
        let found = try diagnostics([
            "Content/news/a.md": "Chỉ có nội dung\n", "Content/news/b.md": "---\ntitle: x\n",
        ])
        #expect(
            found == [
                "Content/news/a.md:1:1: error: missing front matter\n    note: start the file with a `---` line, then `title:` and `date:`, then `---`",
                "Content/news/b.md:1:1: error: front matter is never closed\n    note: end it with a `---` line",
            ])
    }

    @Test func allDiagnosticsAtOnceAndExitWithoutWriting() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Content/news/a.md": TestSite.article(date: "nope"),
                "Content/news/b.md": TestSite.article("Hai", extra: "unit: khong-co\n"),
                "Content/units.yml": TestSite.units + "\n- id: Sai\n  name: x\n  kind: ward\n",
            ]) { $1 })
        let errors = site.buildErrors()
        #expect(errors.count == 3)
        #expect(!site.exists("Public"))
    }

    @Test func templateSyntaxErrorHasLineAndColumn() throws {
        let site = try TestSite(
            files: TestSite.minimal.merging([
                "Templates/article.mustache": "<p>\n{{#article}}\n{{title}\n"
            ]) { $1 })
        let found = site.check()
        #expect(found.count == 1)
        #expect(found == ["Templates/article.mustache:3:8: error: template syntax: unfinishedName"])
    }
}
