/// What the import says afterwards: what the schema cannot hold, and the kept and total counts.
extension Importer {
    static let readTerms: Set<String> = ["Description", "LongDescription", "Computed", "Immutable", "ReadRestrictions", "InsertRestrictions", "UpdateRestrictions", "DeleteRestrictions",
                                         "AlternateKeys"]

    func unmappedWarnings(keptTypes: Set<TypeKey>, unsupported: [Located<String>]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        func counted(_ count: Int, _ what: String, at location: SourceLocation?) {
            guard count > 0 else { return }
            warnings.append(.warning("\(what) (first here)", at: location, rule: "import-unmapped"))
        }
        for (reason, locations) in skippedOperations.sorted(by: { $0.key < $1.key }) {
            counted(locations.count, "\(locations.count) actions and functions are not imported: \(reason)", at: locations.min())
        }
        let kept = keptTypes.sorted()
        let compositeKeys = kept.compactMap { structured[$0] }.filter { ($0.key?.count ?? 0) > 1 }
        counted(compositeKeys.count, "\(compositeKeys.count) entity types have composite keys, addressed here by a single key segment", at: compositeKeys.map(\.location).min())
        counted(compositeAlternateKeys.count, "\(compositeAlternateKeys.count) alternate keys are left out: of several properties, or of none the type declares",
                at: compositeAlternateKeys.min())
        counted(unsupported.count, "\(unsupported.count) properties have Edm types GraphGen does not support (\(Set(unsupported.map(\.value)).sorted().joined(separator: ", "))) and are left out", at: unsupported.map(\.location).min())
        let unread = document.schemas.flatMap { $0.unread + $0.containers.flatMap(\.unread) }
        let unreadKinds = Dictionary(grouping: unread, by: \.element).map { "\($0.key) ×\($0.value.count)" }.sorted()
        counted(unread.count, "\(unread.count) schema elements are not read: \(unreadKinds.joined(separator: ", "))", at: unread.map(\.location).min())
        var ignoredTerms: [String: Int] = [:]
        var firstIgnored: SourceLocation?
        var all: [CSDLAnnotation] = []
        for schema in document.schemas {
            all += schema.externalAnnotations.flatMap(\.annotations)
            for item in schema.enumTypes { all += item.annotations + item.members.flatMap(\.annotations) }
            for type in schema.structuredTypes {
                all += type.annotations
                all += type.properties.flatMap(\.annotations)
                all += type.navigation.flatMap(\.annotations)
            }
            for container in schema.containers { all += container.entries.flatMap(\.annotations) }
        }
        for annotation in all where !Self.readTerms.contains(annotation.shortTerm) {
            ignoredTerms[annotation.shortTerm, default: 0] += 1
            if firstIgnored.map({ annotation.location < $0 }) ?? true { firstIgnored = annotation.location }
        }
        let ignoredCount = ignoredTerms.values.reduce(0, +)
        let topTerms = ignoredTerms.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) ×\($0.value)" }
        counted(ignoredCount, "\(ignoredCount) annotations have terms the import does not use: \(topTerms.joined(separator: ", "))", at: firstIgnored)
        return warnings
    }

    func summary(schema: SchemaDocument, keptTypes: Set<TypeKey>, roots: Int, containerEntries: Int) -> [String] {
        let entityTotal = structured.values.filter { $0.kind == .entity }.count
        let complexTotal = structured.count - entityTotal
        let entityKept = schema.entities.filter { $0.kind == .entity }.count
        let navigationTotal = structured.values.reduce(0) { $0 + $1.navigation.count }
        let operations = NavigationWalker(schema: schema).declaredOperations().operations
        return [
            "entity types: \(entityKept) of \(entityTotal)",
            "complex types: \(schema.entities.count - entityKept) of \(complexTotal)",
            "enums: \(schema.enums.count) of \(enums.count)",
            "navigation properties: \(keptNavigation.count) of \(navigationTotal)"
                + (unreachedNavigation > 0 ? " (\(unreachedNavigation) on no path from a root, kept as members of their models)" : ""),
            "roots (singletons and entity sets): \(roots) of \(containerEntries)",
            "actions and functions: \(schema.entities.reduce(0) { $0 + $1.actions.count }) of \(document.schemas.reduce(0) { $0 + $1.operations.count })",
            "paths: \(Set(operations.map(\.path.description)).count), operations: \(operations.count)",
        ]
    }
}
