import CongkhaiCore

/// Whether a unit has published a dataset's latest period (plan clauses I.4.3, I.5.3, I.8.1).
package struct PublishingStatus: Sendable, Hashable {
    package enum State: String, Sendable, Hashable, CaseIterable {
        /// Figures for the district's latest period are in.
        case upToDate = "up-to-date"
        /// Behind the latest period, but the newest figures are younger than `stale_after_days`.
        case behind
        /// The newest figures are older than `stale_after_days` before the build date.
        case stale
        /// Owed, never published.
        case missing

        /// Vietnamese words, with a symbol: status is never told by colour alone.
        package var label: String {
            switch self {
            case .upToDate: return "✔ Đã công khai"
            case .behind: return "◐ Chưa có kỳ mới nhất"
            case .stale: return "⚠ Chậm cập nhật"
            case .missing: return "✘ Chưa công khai"
            }
        }

        /// The same words without the symbol, in a line of the text report.
        package var word: String {
            switch self {
            case .upToDate: return "đã công khai"
            case .behind: return "chưa có kỳ mới nhất"
            case .stale: return "chậm cập nhật"
            case .missing: return "chưa công khai"
            }
        }
    }

    package var dataset: String
    package var state: State
    package var newest: Period?
}

/// Who owes what, and who is up to date, for the compliance page and `report`.
package struct ComplianceFacts: Sendable {
    package struct UnitRow: Sendable {
        package var unit: String
        package var statuses: [PublishingStatus]
        /// Articles in the unit's column during the plan year, and during the latest month.
        package var articlesInYear: Int
        package var articlesInLatestMonth: Int
        package var isFullyUpToDate: Bool { statuses.allSatisfy { $0.state == .upToDate } }
    }

    /// Each dataset's latest period across the district.
    package var latest: [String: Span]
    package private(set) var rows: [UnitRow]
    /// The month articles are counted for (the dossiers' latest month, else the build date's).
    package var newsMonth: Span
    /// Each unit's place in `rows`: every unit page asks for its own.
    private var rowIndex: [String: Int] = [:]

    /// A unit's row.
    package func row(unit: String) -> UnitRow? { rowIndex[unit].map { rows[$0] } }

    package init(
        datasets: [DatasetFigures], units: [Unit], articles: [Article], config: SiteConfig,
        buildDate: CalendarDay
    ) {
        var latest: [String: Span] = [:]
        for data in datasets {
            if let period = data.latestPeriod { latest[data.schema.id] = Span(period) }
        }
        self.latest = latest
        let staleBefore = buildDate.adding(days: -config.staleAfterDays)
        let newsMonth =
            latest["dossiers"].map { Span.month($0.year, $0.lastMonth) }
            ?? .month(buildDate.year, buildDate.month)
        self.newsMonth = newsMonth
        var articlesInYear: [String: Int] = [:], articlesInMonth: [String: Int] = [:]
        let yearSpan = Span.year(config.year)
        for article in articles {
            guard let unit = article.unitID else { continue }
            let day = article.date.vietnamDay
            let month = Period.month(year: day.year, month: day.month)
            if yearSpan.contains(month) { articlesInYear[unit, default: 0] += 1 }
            if newsMonth.contains(month) { articlesInMonth[unit, default: 0] += 1 }
        }
        rows = units.map { unit in
            let statuses = datasets.compactMap { data -> PublishingStatus? in
                guard ComplianceFacts.owes(unit, data) else { return nil }
                let newest = data.newestPeriod(unit: unit.id)
                let state: PublishingStatus.State
                if let newest, let span = latest[data.schema.id] {
                    if newest.lastDay >= span.lastDay {
                        state = .upToDate
                    } else if newest.lastDay < staleBefore {
                        state = .stale
                    } else {
                        state = .behind
                    }
                } else {
                    state = .missing
                }
                return PublishingStatus(dataset: data.schema.id, state: state, newest: newest)
            }
            return UnitRow(
                unit: unit.id, statuses: statuses, articlesInYear: articlesInYear[unit.id] ?? 0,
                articlesInLatestMonth: articlesInMonth[unit.id] ?? 0)
        }
        for (i, row) in rows.enumerated() where rowIndex[row.unit] == nil { rowIndex[row.unit] = i }
    }

    /// A dataset is owed by the units its schema names, else by every unit that has ever filed it.
    static func owes(_ unit: Unit, _ data: DatasetFigures) -> Bool {
        switch data.schema.reportedBy {
        case .units(let ids): return ids.contains(unit.id)
        case .kinds(let kinds): return kinds.contains(unit.kind)
        case nil: return data.has(unit: unit.id)
        }
    }

    /// Share of the units owing `dataset` that are up to date.
    package func publishingRate(_ dataset: String) -> Rate {
        let owing = rows.compactMap { $0.statuses.first { $0.dataset == dataset } }
        return Rate(owing.filter { $0.state == .upToDate }.count, of: owing.count)
    }

    /// Share of units with at least one article in the plan year.
    package var newsColumnRate: Rate {
        Rate(rows.filter { $0.articlesInYear > 0 }.count, of: rows.count)
    }
}
