/// One import: the CSDL document's types and bound calls indexed, then walked (ImporterWalk), built into a schema
/// (ImporterSchema) and reported (ImporterReport); type names are resolved by ImporterTypes.
struct TypeKey: Hashable, Comparable {
    var qualified: String
    static func < (lhs: TypeKey, rhs: TypeKey) -> Bool { lhs.qualified < rhs.qualified }
}

struct NavigationKey: Hashable {
    var owner: TypeKey
    var name: String
}

struct Importer {
    let document: CSDLDocument
    let options: SchemaImportOptions
    var diagnostics = DiagnosticCollector()
    let namespace: String
    var aliases: [String: String] = [:]
    var structured: [TypeKey: CSDLStructuredType] = [:]
    var enums: [TypeKey: CSDLEnumType] = [:]
    var derived: [TypeKey: [TypeKey]] = [:]
    var annotationsByTarget: [String: [CSDLAnnotation]] = [:]
    var includes: [PathPattern] = []
    var excludes: [PathPattern] = []
    /// Bound actions and functions by the entity type they are bound to (the first parameter's type).
    /// With the namespace each is declared in, when it is not the container's (its calls are written qualified).
    var bound: [TypeKey: [(operation: CSDLOperation, toCollection: Bool, namespace: String?)]] = [:]
    /// Actions and functions left out, by reason, each with its first location.
    var skippedOperations: [String: [SourceLocation]] = [:]

    init(document: CSDLDocument, options: SchemaImportOptions) throws {
        self.document = document
        self.options = options
        let containerSchema = document.schemas.first { !$0.containers.isEmpty } ?? document.schemas.first
        namespace = containerSchema?.namespace ?? ""
        for schema in document.schemas {
            if let alias = schema.alias { aliases[alias] = schema.namespace }
        }
        var collector = DiagnosticCollector()
        for schema in document.schemas {
            if schema.namespace != namespace && !schema.namespace.hasPrefix(namespace + ".") {
                collector.add(.error("namespace '\(schema.namespace)' is not '\(namespace)' or below it; GraphGen names every type relative to the container's namespace", at: schema.location, rule: "csdl-namespace"))
            }
            for type in schema.structuredTypes { structured[TypeKey(qualified: schema.namespace + "." + type.name)] = type }
            for type in schema.enumTypes { enums[TypeKey(qualified: schema.namespace + "." + type.name)] = type }
        }
        for pattern in options.include + options.exclude where PathPattern(pattern) == nil {
            collector.add(.error("'\(pattern)' is not a path pattern (it must start with '/', e.g. /deviceAppManagement/**)", at: nil, rule: "usage"))
        }
        includes = options.include.compactMap(PathPattern.init)
        excludes = options.exclude.compactMap(PathPattern.init)
        if includes.isEmpty, let everything = PathPattern("/**") { includes = [everything] }
        checkBaseTypes(&collector)
        try collector.throwIfErrors()
        for (key, type) in structured {
            guard let base = type.baseType else { continue }
            derived[TypeKey(qualified: qualify(base.value)), default: []].append(key)
        }
        for schema in document.schemas {
            for block in schema.externalAnnotations { annotationsByTarget[qualify(block.target), default: []] += block.annotations }
        }
        for (operation, declaredIn) in document.schemas.flatMap({ schema in schema.operations.map { ($0, schema.namespace) } }) {
            let qualifier = declaredIn == namespace ? nil : declaredIn
            guard operation.isBound, let binding = operation.parameters.first else {
                skippedOperations["unbound (imports at the service root)", default: []].append(operation.location)
                continue
            }
            let parsed = TypeSpelling.parse(binding.type.value)
            let key = TypeKey(qualified: qualify(parsed.name))
            guard structured[key]?.kind == .entity, parsed.collectionDepth <= 1 else {
                skippedOperations["bound to a complex or unknown type", default: []].append(operation.location)
                continue
            }
            let toCollection = parsed.collectionDepth == 1
            // Functions are overloaded by their parameters' names; two calls with the same signature cannot be told apart.
            if bound[key]?.contains(where: { $0.operation.name == operation.name && $0.toCollection == toCollection && $0.namespace == qualifier
                                             && Self.overloadNames($0.operation) == Self.overloadNames(operation) }) == true {
                skippedOperations["declared again for the same binding (the first in the file is kept; functions differ by their parameters' names)", default: []].append(operation.location)
                continue
            }
            if !toCollection, qualifier == nil, structured[key]?.navigation.contains(where: { $0.name == operation.name }) == true {
                skippedOperations["named like a navigation property of their type", default: []].append(operation.location)
                continue
            }
            bound[key, default: []].append((operation, toCollection, qualifier))
        }
    }

    /// What tells a function's overloads apart: its parameters' names after the binding one (none for an action).
    static func overloadNames(_ call: CSDLOperation) -> [String] {
        call.kind == .function ? call.parameters.dropFirst().map(\.name).sorted() : []
    }


    // MARK: Walking paths

    struct WalkState: Hashable {
        var type: TypeKey
        var includes: [PathPattern.State]
        var excludes: [PathPattern.State]
    }

    var keptNavigation: Set<NavigationKey> = []
    /// Navigation an exclude pattern left out on some path: a whole import keeps the rest even when no path reaches it.
    var excludedNavigation: Set<NavigationKey> = []
    /// How many of the kept navigation properties no path reaches.
    var unreachedNavigation = 0
    /// Alternate keys the schema cannot hold, where each is declared.
    var compositeAlternateKeys: [SourceLocation] = []
    var memo: [WalkState: Bool] = [:]
    /// Entity types that have an entity set: navigation to them is addressed through the set.
    var typesWithSets: Set<TypeKey> = []

    // MARK: The run

    mutating func run() throws -> SchemaImportResult {
        var warnings: [Diagnostic] = []
        let entries = document.schemas.flatMap { $0.containers.flatMap(\.entries) }
        var roots: [(entry: CSDLContainer.Entry, type: TypeKey)] = []
        for entry in entries where entry.kind == .entitySet {
            typesWithSets.insert(TypeKey(qualified: qualify(entry.type.value)))
        }
        for entry in entries {
            let type = TypeKey(qualified: qualify(entry.type.value))
            guard structured[type] != nil else {
                diagnostics.add(.error("\(entry.kind == .singleton ? "singleton" : "entity set") '\(entry.name)' has unknown type '\(entry.type.value)'", at: entry.location, rule: "csdl-unknown-type"))
                continue
            }
            var state = step(includes.map(\.start), includes, entry.name, isKey: false)
            var excluded = step(excludes.map(\.start), excludes, entry.name, isKey: false)
            guard state.contains(where: { !$0.isEmpty }), !matchesExclude(excluded) else { continue }
            var kept = matchesInclude(state)
            if entry.kind == .entitySet {
                state = step(state, includes, "{key}", isKey: true)
                excluded = step(excluded, excludes, "{key}", isKey: true)
                guard !matchesExclude(excluded) else {
                    if kept { roots.append((entry, type)) }
                    continue
                }
                kept = matchesInclude(state) || kept
            }
            if walk(WalkState(type: type, includes: state, excludes: excluded)) || kept { roots.append((entry, type)) }
        }
        try diagnostics.throwIfErrors()
        if options.include.isEmpty { keepUnreachedNavigation() }

        // Types: those the kept navigation and roots reach, then everything their properties and bases need.
        var keptTypes: Set<TypeKey> = []
        var pending: [TypeKey] = []
        func keep(_ key: TypeKey) { if keptTypes.insert(key).inserted { pending.append(key) } }
        if options.include.isEmpty {
            structured.keys.forEach(keep)
            enums.keys.forEach(keep)
        }
        for root in roots { keep(root.type) }
        for navigationKey in keptNavigation {
            guard let nav = structured[navigationKey.owner]?.navigation.first(where: { $0.name == navigationKey.name }) else { continue }
            var ignored: [Located<String>] = []
            if let (resolved, _) = resolve(nav.type, unsupported: &ignored), case .structured(let target) = resolved { keep(target) }
        }
        while let key = pending.popLast() {
            guard let type = structured[key] else { continue }
            if let base = type.baseType { keep(TypeKey(qualified: qualify(base.value))) }
            for property in type.properties {
                var reportedLater: [Located<String>] = []
                if let (resolved, _) = resolve(property.type, unsupported: &reportedLater) {
                    switch resolved {
                    case .structured(let target): keep(target)
                    case .enumeration(let target): keptTypes.insert(target)
                    case .primitive: break
                    }
                }
            }
            for (operation, _, _) in bound[key] ?? [] {
                for text in operation.parameters.dropFirst().map(\.type) + [operation.returnType].compactMap({ $0 }) {
                    var reportedLater: [Located<String>] = []
                    if let (resolved, _) = resolve(text, unsupported: &reportedLater) {
                        switch resolved {
                        case .structured(let target): keep(target)
                        case .enumeration(let target): keptTypes.insert(target)
                        case .primitive: break
                        }
                    }
                }
            }
            if options.withDerived { for child in derived[key] ?? [] { keep(child) } }
        }
        try diagnostics.throwIfErrors()

        var unsupportedTypes: [Located<String>] = []
        let schema = buildSchema(keptTypes: keptTypes, roots: roots, unsupported: &unsupportedTypes)
        try diagnostics.throwIfErrors()
        warnings += document.warnings + unmappedWarnings(keptTypes: keptTypes, unsupported: unsupportedTypes)
        let summary = self.summary(schema: schema, keptTypes: keptTypes, roots: roots.count, containerEntries: entries.count)
        return SchemaImportResult(schema: schema, summary: summary, warnings: warnings.sorted())
    }

}
