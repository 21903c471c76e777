/// A body that must publish its figures: a district agency, a ward, or a public service unit.
public struct Unit: Sendable, Equatable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable {
        case agency, ward
        case serviceUnit = "service-unit"

        /// Vietnamese label for headings.
        public var label: String {
            switch self {
            case .agency: return "Cơ quan chuyên môn"
            case .ward: return "Ủy ban nhân dân phường"
            case .serviceUnit: return "Đơn vị sự nghiệp công lập"
            }
        }
    }

    /// A name that took effect on a day (units are renamed by reorganisations).
    public struct Rename: Sendable, Equatable {
        public var from: CalendarDay
        public var name: String
        public var short: String?
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var short: String
    public var renamed: [Rename]
    public var location: SourceLocation

    public init(id: String, name: String, kind: Kind, short: String, renamed: [Rename] = [],
                location: SourceLocation = SourceLocation(file: "units.yml")) {
        self.id = id
        self.name = name
        self.kind = kind
        self.short = short
        self.renamed = renamed.sorted { $0.from < $1.from }
        self.location = location
    }

    /// The unit's full name as it was called on `day`.
    public func name(on day: CalendarDay) -> String {
        renamed.last { $0.from <= day }?.name ?? name
    }

    /// The unit's short name as it was called on `day`.
    public func shortName(on day: CalendarDay) -> String {
        guard let rename = renamed.last(where: { $0.from <= day }) else { return short }
        return rename.short ?? rename.name
    }
}

/// A field of administrative procedures (lĩnh vực TTHC), e.g. `dat-dai`.
public struct Field: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    /// Other names exports give the field (`aliases:` in fields.yml), matched like the name.
    public var aliases: [String]
    public var location: SourceLocation

    public init(id: String, name: String, aliases: [String] = [], location: SourceLocation = SourceLocation(file: "fields.yml")) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.location = location
    }
}
