import CongkhaiCore

/// Reads `targets.yml`: the plan's measurable targets. Whether an indicator names a real
/// dataset and measure is checked later (`TargetValidator`), once declared datasets are known.
enum TargetsLoader {
    static let file = "targets.yml"
    static let keys = [
        "id", "clause", "title", "note", "measurable", "indicator", "op", "value", "fields",
        "exclude_fields", "per", "change", "baseline_period", "baseline_value",
    ]

    static func load(_ content: ContentDirectory, log: DiagnosticLog) -> [Target] {
        guard
            let (document, items) = UnitsLoader.list(
                file: file, content: content, log: log, required: false)
        else { return [] }
        var targets: [Target] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let record = YAMLRecord(item, in: document, log: log, what: "a target") else {
                continue
            }
            record.warnUnknownKeys(allowed: keys)
            guard let id = UnitsLoader.validID(record, seen: &seen, log: log),
                let clause = record.string("clause", required: true),
                let title = record.string("title", required: true)
            else { continue }
            var target = Target(
                id: id, clause: clause, title: title, note: record.string("note"), indicator: nil,
                comparison: .atLeast, value: 0, fields: .all, scope: .overall, change: nil,
                baselinePeriod: nil, baselineValue: nil, location: record.location)
            guard record.bool("measurable") ?? true else { targets.append(target); continue }

            guard let indicatorText = record.string("indicator", required: true) else { continue }
            guard let indicator = Indicator(indicatorText) else {
                log.error(
                    record.valueLocation("indicator"),
                    "indicator \"\(indicatorText)\" must be dataset.measure, e.g. dossiers.on_time_rate"
                )
                continue
            }
            target.indicator = indicator
            let opText = record.string("op", required: true) ?? ">="
            guard let comparison = Target.Comparison(rawValue: opText) else {
                log.error(
                    record.valueLocation("op"), "op \"\(opText)\" must be one of >=, >, <=, <")
                continue
            }
            target.comparison = comparison
            guard let value = record.double("value", required: true) else { continue }
            target.value = value
            let only = record.stringList("fields"), except = record.stringList("exclude_fields")
            if only != nil && except != nil {
                log.error(
                    record.location("exclude_fields"), "give `fields` or `exclude_fields`, not both"
                )
            }
            if let only {
                target.fields = .only(Set(only))
            } else if let except {
                target.fields = .excluding(Set(except))
            }
            if let per = record.string("per") {
                guard let scope = Target.Scope(rawValue: per), scope != .overall else {
                    log.error(
                        record.valueLocation("per"), "per \"\(per)\" must be field or quarter")
                    continue
                }
                target.scope = scope
            }
            if let changeText = record.string("change") {
                guard let change = Target.Change(rawValue: changeText) else {
                    log.error(
                        record.valueLocation("change"),
                        "change \"\(changeText)\" must be points or relative")
                    continue
                }
                target.change = change
                target.baselinePeriod = record.string("baseline_period")
                target.baselineValue = record.double("baseline_value")
                if let period = target.baselinePeriod, Period(key: period) == nil {
                    log.error(
                        record.valueLocation("baseline_period"),
                        "baseline_period \"\(period)\" must be YYYY, YYYY-Qn or YYYY-MM")
                }
                if target.baselinePeriod == nil && target.baselineValue == nil {
                    log.error(
                        record.location,
                        "a target with `change` needs `baseline_period` or `baseline_value`")
                }
            }
            targets.append(target)
        }
        return targets
    }
}
