import Foundation
import Testing

@testable import CongkhaiCore
@testable import CongkhaiKit

@Suite struct MetricsDeclarationTests {
    private func parse(_ yaml: String, log: DiagnosticLog) -> DatasetDeclarations {
        DatasetDeclarationLoader.parse(
            yaml, file: "datasets.yml", unitIDs: MetricsData.units.map(\.id), log: log)
    }

    @Test func everyKey() {
        let yaml = """
            - id: trainings
              title: "Bồi dưỡng cán bộ"
              period: quarter
              by_field: true
              reported_by: { units: [phong-noi-vu, phuong-1] }
              columns:
                - { name: staff_total, title: "Số cán bộ", type: integer, aggregate: latest }
                - { name: trained, title: "Số được bồi dưỡng", type: integer, aliases: ["Đã bồi dưỡng"] }
                - { name: courses, title: "Số lớp", type: integer, required: false }
                - { name: note, title: "Ghi chú", type: text }
              measures:
                - id: trained_share
                  title: "Tỷ lệ được bồi dưỡng"
                  formula: { ratio: { numerator: [trained], denominator: [staff_total] } }
                - id: courses_per_staff
                  title: "Số lớp trên một cán bộ"
                  formula: { ratio: { numerator: [courses], denominator: [staff_total] } }
                  bounded: false
                - id: courses
                  title: "Số lớp"
                  formula: { sum: [courses] }
                  denominator_label: "lớp"
            - id: visits
              title: "Lượt truy cập"
              period: year
              columns:
                - { name: visits, title: "Lượt truy cập" }
            """
        let log = DiagnosticLog()
        let declarations = parse(yaml, log: log)
        #expect(log.all.isEmpty)
        #expect(
            declarations.schemas == [
                DatasetSchema(
                    id: "trainings", title: "Bồi dưỡng cán bộ", byField: true,
                    granularity: .quarter,
                    columns: [
                        ColumnSpec("staff_total", title: "Số cán bộ", aggregation: .latest),
                        ColumnSpec(
                            "trained", title: "Số được bồi dưỡng", aliases: ["Đã bồi dưỡng"]),
                        ColumnSpec("courses", title: "Số lớp", required: false),
                    ],
                    measures: [
                        Measure(
                            id: "trained_share", title: "Tỷ lệ được bồi dưỡng",
                            formula: .ratio(numerator: ["trained"], denominator: ["staff_total"])),
                        Measure(
                            id: "courses_per_staff", title: "Số lớp trên một cán bộ",
                            formula: .ratio(numerator: ["courses"], denominator: ["staff_total"])),
                        Measure(
                            id: "courses", title: "Số lớp", formula: .sum(["courses"]),
                            denominatorLabel: "lớp"),
                    ],
                    // Every ratio's numerator is bounded by its denominator, unless `bounded: false`.
                    bounds: [Bound(part: ["trained"], whole: ["staff_total"])],
                    reportedBy: .units(["phong-noi-vu", "phuong-1"]), builtIn: false,
                    location: SourceLocation(file: "datasets.yml", line: 1, column: 3)),
                DatasetSchema(
                    id: "visits", title: "Lượt truy cập", byField: false, granularity: .year,
                    columns: [ColumnSpec("visits", title: "Lượt truy cập")], measures: [],
                    builtIn: false,
                    location: SourceLocation(file: "datasets.yml", line: 23, column: 3)),
            ])
        #expect(
            declarations.textColumns == [
                "trainings": [TextColumnSpec(name: "note", title: "Ghi chú")]
            ])
    }

    @Test func fileIsOptional() throws {
        let fixture = try MetricsFixture(["units.yml": "[]\n"])
        let log = DiagnosticLog()
        #expect(DatasetDeclarationLoader.load(fixture.content, unitIDs: [], log: log).isEmpty)
        #expect(log.all.isEmpty)
    }

    @Test func unknownKeysAreWarnings() {
        let yaml = """
            - id: visits
              title: "Lượt truy cập"
              period: year
              by_fields: true
              columns:
                - { name: visits, title: "Lượt truy cập", typ: integer }
              measures:
                - { id: total, title: "Tổng", formula: { sum: [visits] }, denominator: "x" }
            """
        let log = DiagnosticLog()
        let declarations = parse(yaml, log: log)
        #expect(
            log.headlines == [
                "datasets.yml:4:3: warning: unknown key `by_fields` in a dataset",
                "datasets.yml:6:47: warning: unknown key `typ` in a column",
                "datasets.yml:8:63: warning: unknown key `denominator` in a measure",
            ])
        #expect(
            log.all.map(\.hint) == [
                "did you mean `by_field`?", "did you mean `type`?",
                "known keys: id, title, formula, denominator_label, bounded",
            ])
        // Unknown keys are only warned about: the dataset is declared.
        #expect(declarations.schemas.map(\.id) == ["visits"])
        #expect(declarations.schemas.first?.measures.map(\.id) == ["total"])
    }

    @Test func badID() {
        let yaml = """
            - { id: E-Office, title: "A", period: year, columns: [{ name: x, title: "X" }] }
            - { id: 2021_x, title: "B", period: year, columns: [{ name: x, title: "X" }] }
            - { title: "C", period: year, columns: [{ name: x, title: "X" }] }
            """
        let log = DiagnosticLog()
        #expect(parse(yaml, log: log).schemas.isEmpty)
        let rule = "may use only a-z, 0-9 and _, and must start with a letter"
        #expect(
            log.headlines == [
                "datasets.yml:1:9: error: dataset id \"E-Office\" \(rule)",
                "datasets.yml:2:9: error: dataset id \"2021_x\" \(rule)",
                "datasets.yml:3:3: error: a dataset is missing `id`",
            ])
        #expect(log.all.map(\.hint) == ["e.g. \"e_office\"", nil, nil])
    }

    @Test func duplicateIDAndBuiltInID() {
        let yaml = """
            - { id: visits, title: "A", period: year, columns: [{ name: visits, title: "A" }] }
            - { id: visits, title: "B", period: year, columns: [{ name: visits, title: "B" }] }
            - { id: dossiers, title: "C", period: month, columns: [{ name: x, title: "C" }] }
            """
        let log = DiagnosticLog()
        let schemas = parse(yaml, log: log).schemas
        #expect(
            log.headlines == [
                "datasets.yml:2:9: error: duplicate dataset id \"visits\"",
                "datasets.yml:3:9: error: dataset id \"dossiers\" is a built-in dataset",
            ])
        #expect(
            log.all.map(\.hint) == [
                "first declared at datasets.yml:1",
                "choose another id; the built-in datasets are dossiers, satisfaction, feedback, online",
            ])
        #expect(schemas.map(\.title) == ["A"])
    }

    @Test func measureReferencesUnknownOrTextColumn() {
        let yaml = """
            - id: portal
              title: "Cổng 1022"
              period: month
              columns:
                - { name: received, title: "Nhận", type: integer }
                - { name: handled, title: "Đã xử lý", type: integer }
                - { name: note, title: "Ghi chú", type: text }
              measures:
                - id: handled_rate
                  title: "Tỷ lệ"
                  formula: { ratio: { numerator: [handeld], denominator: [received] } }
                - id: notes
                  title: "Ghi chú"
                  formula: { sum: [note] }
                - id: total
                  title: "Tổng"
                  formula: { sum: [received] }
            """
        let log = DiagnosticLog()
        let schemas = parse(yaml, log: log).schemas
        #expect(
            log.headlines == [
                "datasets.yml:11:39: error: unknown column \"handeld\" in measure handled_rate",
                "datasets.yml:14:24: error: column \"note\" is text; measure notes can only use integer columns",
            ])
        #expect(log.all.first?.hint == "did you mean \"handled\"?")
        // The bad measures are left out; the dataset stays, so its files are still read.
        #expect(schemas.first?.measures.map(\.id) == ["total"])
        #expect(schemas.first?.bounds == [])
    }

    @Test func badFormulaShape() {
        let yaml = """
            - id: portal
              title: "Cổng 1022"
              period: month
              columns:
                - { name: received, title: "Nhận" }
              measures:
                - { id: a, title: "A", formula: { ratio: [received] } }
                - { id: b, title: "B", formula: { sum: [] } }
                - { id: c, title: "C", formula: { ratios: { numerator: [received], denominator: [received] } } }
                - { id: d, title: "D", formula: received }
                - { id: e, title: "E", formula: { sum: [received], ratio: { numerator: [received], denominator: [received] } } }
                - { id: f, title: "F", formula: { ratio: { numerator: [received] } } }
                - { id: g, title: "G" }
            """
        let log = DiagnosticLog()
        let schemas = parse(yaml, log: log).schemas
        let shape =
            "formula must be { ratio: { numerator: [columns], denominator: [columns] } } or { sum: [columns] }"
        #expect(
            log.headlines == [
                "datasets.yml:7:46: error: \(shape)",
                "datasets.yml:8:44: error: \(shape)",
                "datasets.yml:9:39: error: unknown formula `ratios`",
                "datasets.yml:10:37: error: \(shape)",
                "datasets.yml:11:37: error: \(shape)",
                "datasets.yml:12:46: error: \(shape)",
                "datasets.yml:13:7: error: a measure is missing `formula`",
            ])
        #expect(
            log.hints["datasets.yml:9:39: error: unknown formula `ratios`"]
                == "did you mean `ratio`?")
        #expect(schemas.first?.measures == [])
    }

    @Test func badPeriod() {
        let yaml = """
            - { id: a, title: "A", period: yearly, columns: [{ name: x, title: "X" }] }
            - { id: b, title: "B", columns: [{ name: x, title: "X" }] }
            """
        let log = DiagnosticLog()
        #expect(parse(yaml, log: log).schemas.isEmpty)
        #expect(
            log.headlines == [
                "datasets.yml:1:32: error: period must be month, quarter or year, not \"yearly\"",
                "datasets.yml:2:3: error: a dataset is missing `period`",
            ])
        #expect(log.all.first?.hint == "did you mean \"year\"?")
    }

    @Test func reportedByUnknownUnitOrKind() {
        let yaml = """
            - id: a
              title: "A"
              period: month
              reported_by: { units: [phong-noi-vuu, phuong-1] }
              columns: [{ name: x, title: "X" }]
            - id: b
              title: "B"
              period: month
              reported_by: { kinds: [ward, wards, district] }
              columns: [{ name: x, title: "X" }]
            - id: c
              title: "C"
              period: month
              reported_by: { units: [phuong-1], kinds: [ward] }
              columns: [{ name: x, title: "X" }]
            """
        let log = DiagnosticLog()
        let schemas = parse(yaml, log: log).schemas
        #expect(
            log.headlines == [
                "datasets.yml:4:26: error: unknown unit \"phong-noi-vuu\" in reported_by",
                "datasets.yml:9:32: error: unknown unit kind \"wards\" in reported_by",
                "datasets.yml:9:39: error: unknown unit kind \"district\" in reported_by",
                "datasets.yml:14:16: error: `reported_by` must be { units: [unit ids] } or { kinds: [agency, ward, service-unit] }",
            ])
        #expect(
            log.all.map(\.hint) == [
                "did you mean \"phong-noi-vu\"?", "did you mean \"ward\"?",
                "use one of: agency, ward, service-unit", nil,
            ])
        #expect(schemas.map(\.reportedBy) == [.units(["phuong-1"]), .kinds([.ward]), nil])
    }

    @Test func columnDeclarations() {
        let yaml = """
            - id: a
              title: "A"
              period: month
              columns:
                - { name: Received, title: "R" }
                - { name: unit, title: "U" }
                - { name: x, title: "X", type: number }
                - { name: x, title: "X2" }
                - { name: y, title: "Y", aggregate: average }
                - { name: z }
            """
        let log = DiagnosticLog()
        let schemas = parse(yaml, log: log).schemas
        #expect(
            log.headlines == [
                "datasets.yml:5:15: error: column name \"Received\" may use only a-z, 0-9 and _, and must start with a letter",
                "datasets.yml:6:15: error: column name \"unit\" is a key column",
                "datasets.yml:7:36: error: column type must be integer or text, not \"number\"",
                "datasets.yml:8:15: error: duplicate column \"x\" in dataset a",
                "datasets.yml:9:41: error: aggregate must be sum or latest, not \"average\"",
                "datasets.yml:10:7: error: a column is missing `title`",
            ])
        #expect(schemas.first?.columns == [ColumnSpec("z", title: "z")])
    }

    @Test func notAList() {
        let log = DiagnosticLog()
        #expect(parse("id: a\ntitle: A\n", log: log).schemas.isEmpty)
        #expect(
            log.headlines == [
                "datasets.yml:1:1: error: datasets.yml must be a list of datasets, each starting with `- id: …`"
            ])
    }
}
