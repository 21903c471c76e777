import CongkhaiCore

/// `congkhai report`: compliance and target status for people (text, markdown) and CI (json).
public struct ComplianceReport: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json, markdown }

    public struct TargetLine: Sendable {
        public var clause, id, title, value, threshold, status: String
        /// The fields or quarters that miss a `per:` target, by id: `dat-dai 90,3%`.
        public var missedParts: [String]
        /// The same by name, for people: `Đất đai (90,3%)`, `Quý III/2021 (2)`.
        public var missedPartNames: [String]
    }

    public struct UnitLine: Sendable {
        public var unit, name: String
        /// dataset id → state
        package var datasets: [(dataset: String, state: PublishingStatus.State, newest: String?)]
        /// dataset id → its title (`Mức độ hài lòng của người dân, tổ chức`), for people.
        var datasetTitles: [String: String] = [:]
        public var articlesInYear: Int
    }

    public var title: String
    public var buildDate: CalendarDay
    public var span: String
    public var targets: [TargetLine]
    public var units: [UnitLine]
    public var latest: [(dataset: String, period: String)]
    /// site.yml's `publish_units`: the units CI builds apart for their own hosts.
    public var publishUnits: [PublishedUnit]

    /// Units with an owed dataset not up to date for its latest period.
    public var unitsBehind: [UnitLine] {
        units.filter { $0.datasets.contains { $0.state != .upToDate } }
    }
    public var targetsMissed: [TargetLine] {
        targets.filter { $0.status == TargetResult.Status.missed.rawValue }
    }

    package init(content: SiteContent, figures: SiteFigures, buildDate: CalendarDay) {
        title = content.config.title
        self.buildDate = buildDate
        let evaluator = figures.evaluator
        let spanLabel = figures.dossiers.flatMap { figures.defaultSpan(for: $0) }?.label ?? ""
        span = spanLabel
        targets = figures.targets.filter(\.isMeasurable).map { target in
            let result = evaluator.evaluate(target)
            let missed = result.parts.filter { $0.status == .missed }
            return TargetLine(
                clause: target.clause, id: target.id, title: target.title, value: result.value.text,
                threshold: result.thresholdText, status: result.status.rawValue,
                missedParts: missed.map { "\($0.key) \($0.value.text)" },
                missedPartNames: missed.map { part in
                    let name =
                        Period(key: part.key).map { Span($0).label }
                        ?? content.fields.first { $0.id == part.key }?.name ?? part.key
                    return "\(name) (\(part.value.text))"
                })
        }
        var titles: [String: String] = [:]
        for row in figures.compliance.rows {
            for status in row.statuses where titles[status.dataset] == nil {
                titles[status.dataset] = figures.dataset(status.dataset)?.schema.title
            }
        }
        units = figures.compliance.rows.map { row in
            UnitLine(
                unit: row.unit, name: content.unit(row.unit)?.name(on: buildDate) ?? row.unit,
                datasets: row.statuses.map { ($0.dataset, $0.state, $0.newest?.key) },
                datasetTitles: titles, articlesInYear: row.articlesInYear)
        }
        publishUnits = content.config.publishUnits
        latest = figures.compliance.latest.sorted { $0.key < $1.key }.map { ($0.key, $0.value.key) }
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .text: return text()
        case .markdown: return markdown()
        case .json: return jsonText()
        }
    }

    func text() -> String {
        var out = "\(title) — báo cáo ngày \(buildDate.vietnamese)\n\n"
        out += "Chỉ tiêu (toàn quận, \(span)):\n"
        for t in targets {
            out +=
                "  \(symbol(t.status)) \(t.clause.padding(6)) \(t.id.padding(28)) \(t.value.padding(16)) yêu cầu \(t.threshold)\n"
            for part in t.missedParts { out += "        chưa đạt: \(part)\n" }
        }
        out +=
            "\nCông khai số liệu (kỳ mới nhất: \(latest.map { "\($0.dataset) \($0.period)" }.joined(separator: ", "))):\n"
        let behind = unitsBehind
        if behind.isEmpty { out += "  mọi đơn vị đã công khai kỳ mới nhất\n" }
        for unit in behind {
            let missing = unit.datasets.filter { $0.state != .upToDate }
                .map { "\($0.dataset) \($0.state.word)\($0.newest.map { " (\($0))" } ?? "")" }
            out += "  ✘ \(unit.unit.padding(34)) \(missing.joined(separator: ", "))\n"
        }
        out +=
            "\n\(targetsMissed.count) chỉ tiêu chưa đạt, \(behind.count)/\(units.count) đơn vị chưa công khai đủ kỳ mới nhất\n"
        return out
    }

    func markdown() -> String {
        var out =
            "# \(title) — báo cáo ngày \(buildDate.vietnamese)\n\n## Chỉ tiêu (toàn quận, \(span))\n\n"
        out += "| Mục | Chỉ tiêu | Kết quả | Yêu cầu | Đánh giá |\n|---|---|---:|---|---|\n"
        for t in targets {
            // A per-field or per-quarter target says where it is missed, as the pages do.
            let verdict =
                (TargetResult.Status(rawValue: t.status)?.label ?? t.status)
                + (t.missedPartNames.isEmpty
                    ? "" : ": " + t.missedPartNames.joined(separator: "; "))
            out +=
                "| \(t.clause) | \(cellText(t.title)) | \(t.value) | \(cellText(t.threshold)) | \(cellText(verdict)) |\n"
        }
        out += "\n## Công khai số liệu\n\n| Đơn vị | Chưa cập nhật |\n|---|---|\n"
        for unit in unitsBehind {
            let missing = unit.datasets.filter { $0.state != .upToDate }.map {
                "\(unit.datasetTitles[$0.dataset] ?? $0.dataset): \($0.state.label)\($0.newest.map { " (\($0))" } ?? "")"
            }
            out += "| \(cellText(unit.name)) | \(cellText(missing.joined(separator: "; "))) |\n"
        }
        out +=
            "\n\(targetsMissed.count) chỉ tiêu chưa đạt; \(unitsBehind.count)/\(units.count) đơn vị chưa công khai đủ kỳ mới nhất.\n"
        return out
    }

    func jsonText() -> String {
        let targetItems = targets.map { t in
            "    {\"clause\": \(json(t.clause)), \"id\": \(json(t.id)), \"title\": \(json(t.title)), \"value\": \(json(t.value)), "
                + "\"threshold\": \(json(t.threshold)), \"status\": \(json(t.status)), \"missed\": [\(t.missedParts.map(json).joined(separator: ", "))]}"
        }
        let unitItems = units.map { u in
            let ds = u.datasets.map {
                "{\"dataset\": \(json($0.dataset)), \"state\": \(json($0.state.rawValue)), \"newest\": \($0.newest.map(json) ?? "null")}"
            }
            return
                "    {\"unit\": \(json(u.unit)), \"name\": \(json(u.name)), \"up_to_date\": \(!u.datasets.contains { $0.state != .upToDate }), "
                + "\"articles_in_year\": \(u.articlesInYear), \"datasets\": [\(ds.joined(separator: ", "))]}"
        }
        return """
            {
              "title": \(json(title)),
              "build_date": \(json(buildDate.description)),
              "span": \(json(span)),
              "latest": {\(latest.map { "\(json($0.dataset)): \(json($0.period))" }.joined(separator: ", "))},
              "targets_missed": \(targetsMissed.count),
              "units_behind": \(unitsBehind.count),
              "publish_units": [\(publishUnits.map { "{\"id\": \(json($0.id)), \"base_url\": \($0.baseURL.map(json) ?? "null")}" }.joined(separator: ", "))],
              "targets": [
            \(targetItems.joined(separator: ",\n"))
              ],
              "units": [
            \(unitItems.joined(separator: ",\n"))
              ]
            }

            """
    }

    private func symbol(_ status: String) -> String {
        switch TargetResult.Status(rawValue: status) {
        case .met: return "✔"
        case .missed: return "✘"
        default: return "–"
        }
    }

    private func cellText(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
}

extension String {
    /// Left-aligned in `width` characters, for the text report's columns.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
