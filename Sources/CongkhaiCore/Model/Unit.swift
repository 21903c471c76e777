/// A body that must publish its figures: a district agency, a ward, or a public service unit.
package struct Unit: Sendable, Equatable, Identifiable {
    package enum Kind: String, Sendable, CaseIterable {
        case agency, ward
        case serviceUnit = "service-unit"

        /// Vietnamese label for headings.
        package var label: String {
            switch self {
            case .agency: return "Cơ quan chuyên môn"
            case .ward: return "Ủy ban nhân dân phường"
            case .serviceUnit: return "Đơn vị sự nghiệp công lập"
            }
        }
    }

    /// A name that took effect on a day (units are renamed by reorganisations).
    package struct Rename: Sendable, Equatable {
        package var from: CalendarDay
        package var name: String
        package var short: String?

        package init(from: CalendarDay, name: String, short: String?) {
            self.from = from
            self.name = name
            self.short = short
        }
    }

    package var id: String
    package var name: String
    package var kind: Kind
    package var short: String
    package var renamed: [Rename]
    package var location: SourceLocation

    package init(
        id: String, name: String, kind: Kind, short: String, renamed: [Rename] = [],
        location: SourceLocation = SourceLocation(file: "units.yml")
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.short = short
        self.renamed = renamed.sorted { $0.from < $1.from }
        self.location = location
    }

    /// The unit's full name as it was called on `day`.
    package func name(on day: CalendarDay) -> String {
        renamed.last { $0.from <= day }?.name ?? name
    }

    /// The unit's short name as it was called on `day`.
    package func shortName(on day: CalendarDay) -> String {
        guard let rename = renamed.last(where: { $0.from <= day }) else { return short }
        return rename.short ?? rename.name
    }
}

/// A field of administrative procedures (lĩnh vực TTHC), e.g. `dat-dai`.
package struct Field: Sendable, Equatable, Identifiable {
    package var id: String
    package var name: String
    /// Other names exports give the field (`aliases:` in fields.yml), matched like the name.
    package var aliases: [String]
    package var location: SourceLocation

    package init(
        id: String, name: String, aliases: [String] = [],
        location: SourceLocation = SourceLocation(file: "fields.yml")
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.location = location
    }
}
