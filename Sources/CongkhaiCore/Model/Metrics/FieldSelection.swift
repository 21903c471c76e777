/// Which fields a figure covers.
@usableFromInline package enum FieldSelection: Sendable, Hashable {
    case all
    case only(Set<String>)
    case excluding(Set<String>)

    @inlinable package func includes(_ field: String?) -> Bool {
        switch self {
        case .all: return true
        case .only(let ids): return field.map(ids.contains) ?? false
        case .excluding(let ids): return field.map { !ids.contains($0) } ?? true
        }
    }
}
