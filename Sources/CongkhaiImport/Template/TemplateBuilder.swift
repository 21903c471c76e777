import CongkhaiCore
import CongkhaiKit
import Foundation

/// `congkhai template`: the form as an `.xlsx` for a unit that fills it by hand, prefilled with
/// the fields it usually reports and "Số kỳ trước chuyển qua" from the previous period's pending.
package enum TemplateBuilder {
    package struct Request: Sendable {
        package var dataset: String
        package var unit: String
        package var period: String
        package var contentPath: String
        /// Where to write; default `bieu-<dataset>-<unit>-<period>.xlsx` in the working folder.
        package var output: String?

        package init(
            dataset: String, unit: String, period: String, contentPath: String = "Content",
            output: String? = nil
        ) {
            self.dataset = dataset
            self.unit = unit
            self.period = period
            self.contentPath = contentPath
            self.output = output
        }
    }

    package struct Result: Sendable {
        package var diagnostics: [Diagnostic]
        package var path: String?
        package var fields: [String]
    }

    package static func defaultName(dataset: String, unit: String, period: String) -> String {
        let form = dataset == "dossiers" ? "bieu-06a" : "bieu-\(dataset)"
        return "\(form)-\(unit)-\(period).xlsx"
    }

    package static func run(_ request: Request) -> Result {
        let log = DiagnosticLog()
        var content = ContentDirectory(path: request.contentPath)
        content.displayName = request.contentPath
        func fail() -> Result { Result(diagnostics: log.all, path: nil, fields: []) }
        guard let schema = BuiltInDatasets.named(request.dataset),
            let layout = FormSheetLayout.forDataset(request.dataset)
        else {
            log.error(
                SourceLocation(file: request.dataset, line: 0),
                "cannot make a template for dataset \"\(request.dataset)\"",
                hint: "make one for dossiers, satisfaction or feedback")
            return fail()
        }
        guard let period = MetricsImporter.periodOption(request.period, log: log) else {
            return fail()
        }
        guard
            let (units, fields) = SiteLists.unitsAndFields(
                content, path: request.contentPath, log: log)
        else { return fail() }
        let names = UnitNames(units)
        guard let unitID = names.unitOption(request.unit, log: log),
            let unit = units.first(where: { $0.id == unitID })
        else { return fail() }

        // The unit's rows: its usual fields (the last twelve months before the period) and the
        // previous period's pending.
        let folder = MetricsFolder(content: content, schema: schema, units: units, fields: fields)
        let previous = period.previous
        var usual: Set<String> = []
        var carried: [String: Int] = [:]
        for p in recentPeriods(before: period) {
            for row in folder.existing[MetricsFolder.key(unitID, p)] ?? [] {
                if let f = row.field { usual.insert(f) }
            }
        }
        if let from = schema.carryOver?.from {
            for row in folder.existing[MetricsFolder.key(unitID, previous)] ?? [] {
                carried[row.field ?? "", default: 0] += from.reduce(0) {
                    $0 + (row.values[$1] ?? 0)
                }
            }
        }
        var rows: [FormSheetContent.Row] = []
        if schema.byField {
            let chosen = usual.isEmpty ? fields : fields.filter { usual.contains($0.id) }
            let group = unit.kind == .ward ? "Cấp xã" : "Cấp huyện"
            rows.append(FormSheetContent.Row(number: "I", name: group, isGroup: true))
            for (i, field) in chosen.enumerated() {
                var values: [String: FormSheetContent.Value] = [:]
                if let n = carried[field.id] { values["carried_over"] = .number(n) }
                rows.append(
                    FormSheetContent.Row(number: "\(i + 1)", name: field.name, values: values))
            }
        } else {
            var values: [String: FormSheetContent.Value] = [:]
            if let n = carried[""] { values["carried_over"] = .number(n) }
            rows.append(FormSheetContent.Row(number: "1", name: unit.name, values: values))
        }
        // The body the unit reports to, as site.yml names it: "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP" over
        // the unit's name, "Đơn vị nhận báo cáo: Ủy ban nhân dân quận Gò Vấp".
        let owner = SiteLists.owner(content) ?? "Ủy ban nhân dân quận"
        let sheet = FormSheetContent(
            issuer: owner.uppercased(), unitName: unit.name(on: period.lastDay),
            receiver: owner, period: period, rows: rows)
        let path =
            request.output ?? defaultName(dataset: schema.id, unit: unitID, period: period.key)
        do throws(FormWorkbookWriter.Failure) {
            try FileIO.replace(
                path, temporary: FileIO.hiddenTemporary(for: path, tag: "tmp"),
                renameFailed: { FormWorkbookWriter.Failure(text: "cannot write: \($0.reason)") }
            ) { (temporary) throws(FormWorkbookWriter.Failure) in
                try FormWorkbookWriter.write(sheet, layout: layout, to: temporary)
            }
        } catch {
            log.error(SourceLocation(file: path, line: 0), error.text)
            return fail()
        }
        return Result(
            diagnostics: log.all, path: path, fields: rows.filter { !$0.isGroup }.map(\.name))
    }

    static func recentPeriods(before period: Period) -> Set<Period> {
        var result: Set<Period> = []
        var p = period
        for _ in 0..<12 {
            p = p.previous
            result.insert(p)
            result.formUnion(p.months)
            if let q = p.quarter { result.insert(q) }
        }
        return result
    }
}
