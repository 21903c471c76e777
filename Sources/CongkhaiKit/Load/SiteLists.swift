import CongkhaiCore

/// The lists other files refer to by id, for tools that need them without loading the whole
/// site (`congkhai import`, `congkhai template`).
package enum SiteLists {
    package static func units(_ content: ContentDirectory, log: DiagnosticLog) -> [Unit] {
        UnitsLoader.loadUnits(content, log: log)
    }

    package static func fields(_ content: ContentDirectory, log: DiagnosticLog) -> [Field] {
        UnitsLoader.loadFields(content, log: log)
    }

    /// site.yml's `owner` ("Ủy ban nhân dân quận Gò Vấp"), or nil when it names none; site.yml's
    /// own problems are left to `check`.
    package static func owner(_ content: ContentDirectory) -> String? {
        let owner = SiteConfigLoader.load(content, log: DiagnosticLog()).owner
        return owner.isEmpty ? nil : owner
    }

    /// The units and fields of the content folder at `path`, or nil with the reason in `log`
    /// (no such folder, or a list that does not load).
    package static func unitsAndFields(
        _ content: ContentDirectory, path: String, log: DiagnosticLog
    ) -> (units: [Unit], fields: [Field])? {
        guard content.exists("") else {
            log.error(SourceLocation(file: path, line: 0), "content folder not found")
            return nil
        }
        let units = units(content, log: log)
        let fields = fields(content, log: log)
        return log.hasErrors ? nil : (units, fields)
    }

    /// The built-in datasets and those `datasets.yml` declares.
    package static func schemas(
        _ content: ContentDirectory, units: [Unit], log: DiagnosticLog
    ) -> [DatasetSchema] {
        BuiltInDatasets.all
            + DatasetDeclarationLoader.loadDeclarations(content, unitIDs: units.map(\.id), log: log)
            .schemas
    }
}

extension MetricsLoader {
    /// What each cell of a metric file's header (its first record, read as the build reads it)
    /// stands for: `unit`, `period`, `field`, a column's key, or nil (a row number, a text column,
    /// an unknown header). Titles shared by several columns go to the first not yet given, in the
    /// form's order, as when the file is loaded.
    package static func headerKeys(ofFile text: String, schema: DatasetSchema) -> [String?] {
        var text = text
        let header = text.withUTF8 { bytes -> [String] in
            var tokenizer = CSVTokenizer(bytes: bytes, file: "", log: DiagnosticLog())
            var cells: [CSVTokenizer.Cell] = []
            guard tokenizer.next(into: &cells) != nil else { return [] }
            return cells.map { tokenizer.text($0) }
        }
        let table = HeaderTable(schema, textColumns: [])
        var given: Set<HeaderTable.Target> = []
        return header.map { text in
            let slug = Slug.make(text)
            guard let target = table.candidates(for: slug).first(where: { !given.contains($0) })
            else { return nil }
            given.insert(target)
            return table.key(target)
        }
    }
}
