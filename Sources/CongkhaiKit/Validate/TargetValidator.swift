import CongkhaiCore

/// Checks that every target names a dataset, measure and fields that exist.
package enum TargetValidator {
    package static func validate(
        _ targets: [Target], schemas: [DatasetSchema], fields: [Field], log: DiagnosticLog
    ) -> [Target] {
        let fieldIDs = Set(fields.map(\.id))
        let derived = DerivedIndicators.measures(datasets: schemas.map(\.id)).map(\.description)
        let known =
            schemas.flatMap { schema in
                schema.measures.flatMap { ([$0.id] + $0.aliases).map { "\(schema.id).\($0)" } }
            } + derived
        return targets.filter { target in
            guard let indicator = target.indicator else { return true }
            var ok = true
            if !known.contains(indicator.description) {
                let hint: DiagnosticText? =
                    Spelling.closest(to: indicator.description, among: known, maxDistance: 4).map {
                        "did you mean \($0)?"
                    }
                    ?? "declare the dataset in datasets.yml, or use one of: \(known.prefix(8).joined(separator: ", "))…"
                log.error(
                    target.location, "target \"\(target.id)\" uses unknown indicator \(indicator)",
                    hint: hint)
                ok = false
            }
            let named: Set<String>
            switch target.fields {
            case .all: named = []
            case .only(let ids), .excluding(let ids): named = ids
            }
            for field in named.sorted() where !fieldIDs.contains(field) {
                log.error(
                    target.location, "target \"\(target.id)\" names unknown field \"\(field)\"")
                ok = false
            }
            return ok
        }
    }
}
