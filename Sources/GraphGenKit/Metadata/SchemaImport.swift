/// What `graphgen schema import` keeps of a CSDL document.
public struct SchemaImportOptions: Sendable {
    /// Paths to keep (`/deviceAppManagement/**`); none keeps everything.
    public var include: [String] = []
    public var exclude: [String] = []
    /// Keep the derived types of every kept type (for polymorphic responses).
    public var withDerived = false
    public var module: String?
    public var baseURL = "https://graph.microsoft.com"
    public var apiVersion: String?

    public init() {}
}

public struct SchemaImportResult: Sendable {
    public var schema: SchemaDocument
    /// Kept and total counts, one line each.
    public var summary: [String]
    /// What the schema format cannot hold yet, counted and located at the first occurrence.
    public var warnings: [Diagnostic]
}

/// Turns OData CSDL metadata into a GraphGen schema: structured types, enums, navigation with the operations the
/// capability annotations allow, and singletons and entity sets as roots; trimmed to the paths asked for.
///
/// A contained navigation whose target type has an entity set of its own (`group.drive`, `user.chats`) is
/// imported as not contained: its items are addressed through that set (`/drives/{driveId}/…`) rather than
/// expanded again under every owner, so the number of paths grows with the schema, not with the walks through it.
///
/// Types of the container's namespace keep their names; types of a namespace below it are named relative to it
/// (`security.alert` for `microsoft.graph.security.alert`), so `@odata.type` stays the real qualified name.
public enum SchemaImport {
    public static func run(_ document: CSDLDocument, options: SchemaImportOptions) throws -> SchemaImportResult {
        var importer = try Importer(document: document, options: options)
        return try importer.run()
    }
}

private struct TypeKey: Hashable, Comparable {
    var qualified: String
    static func < (lhs: TypeKey, rhs: TypeKey) -> Bool { lhs.qualified < rhs.qualified }
}

private struct NavigationKey: Hashable {
    var owner: TypeKey
    var name: String
}

private struct Importer {
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

    /// `graph.user` → `microsoft.graph.user`; also for targets such as `graph.user/displayName`.
    func qualify(_ name: String) -> String {
        let head = name.split(separator: "/", maxSplits: 1).first.map(String.init) ?? name
        let rest = name.dropFirst(head.count)
        guard let dot = head.lastIndex(of: ".") else { return name }
        let prefix = String(head[..<dot])
        return (aliases[prefix] ?? prefix) + head[dot...] + rest
    }

    /// The schema's name for a qualified type: bare in the container's namespace, else relative to it.
    func localName(_ key: TypeKey) -> String {
        key.qualified.hasPrefix(namespace + ".") ? String(key.qualified.dropFirst(namespace.count + 1)) : key.qualified
    }

    /// Each `BaseType` names a structured type of its own kind, and no chain of them comes back to where it started:
    /// said at the CSDL line, before the import builds a schema that the schema reader would refuse.
    func checkBaseTypes(_ collector: inout DiagnosticCollector) {
        for key in structured.keys.sorted(by: { $0.qualified < $1.qualified }) {
            guard let type = structured[key], let base = type.baseType else { continue }
            let baseKey = TypeKey(qualified: qualify(base.value))
            guard let baseType = structured[baseKey] else {
                collector.add(.error("\(type.name)'s BaseType '\(base.value)' is no EntityType or ComplexType of this document", at: base.location, rule: "csdl-unknown-type"))
                continue
            }
            if baseType.kind != type.kind {
                collector.add(.error("\(type.name) is a\(type.kind == .entity ? "n EntityType" : " ComplexType") but its BaseType '\(base.value)' is a\(baseType.kind == .entity ? "n EntityType" : " ComplexType")", at: base.location, rule: "csdl-base-type"))
            }
            var seen: Set<TypeKey> = [key]
            var current: TypeKey? = baseKey
            while let next = current, let declared = structured[next] {
                guard seen.insert(next).inserted else {
                    if next == key {
                        let names = ([key] + chain(from: baseKey, to: key)).map { localName($0) }
                        collector.add(.error("the BaseType chain \(names.joined(separator: " → ")) comes back to \(type.name)", at: base.location, rule: "csdl-base-type"))
                    }
                    break
                }
                current = declared.baseType.map { TypeKey(qualified: qualify($0.value)) }
            }
        }
    }

    private func chain(from start: TypeKey, to end: TypeKey) -> [TypeKey] {
        var keys: [TypeKey] = []
        var current: TypeKey? = start
        while let next = current, keys.count <= structured.count {
            keys.append(next)
            if next == end { break }
            current = structured[next]?.baseType.map { TypeKey(qualified: qualify($0.value)) }
        }
        return keys
    }

    enum Resolved {
        case primitive(GraphPrimitive)
        case structured(TypeKey)
        case enumeration(TypeKey)
    }

    /// Resolves `Collection(graph.x)`, `Edm.String`, `self.alert`; nil (with a diagnostic) for what cannot be resolved.
    mutating func resolve(_ text: Located<String>, unsupported: inout [Located<String>]) -> (Resolved, depth: Int)? {
        let parsed = TypeSpelling.parse(text.value)
        if parsed.name.hasPrefix("Edm.") {
            guard let primitive = GraphPrimitive(name: parsed.name) else {
                unsupported.append(Located(parsed.name, at: text.location))
                return nil
            }
            return (.primitive(primitive), parsed.collectionDepth)
        }
        let key = TypeKey(qualified: qualify(parsed.name))
        if structured[key] != nil { return (.structured(key), parsed.collectionDepth) }
        if enums[key] != nil { return (.enumeration(key), parsed.collectionDepth) }
        diagnostics.add(.error("unknown type '\(parsed.name)' (no EntityType, ComplexType or EnumType of that name, and not an Edm primitive)", at: text.location, rule: "csdl-unknown-type"))
        return nil
    }

    func annotations(_ inline: [CSDLAnnotation], target: String) -> [CSDLAnnotation] {
        inline + (annotationsByTarget[target] ?? [])
    }

    static func description(_ annotations: [CSDLAnnotation]) -> String? {
        let text = annotations.first { $0.shortTerm == "Description" }?.value ?? annotations.first { $0.shortTerm == "LongDescription" }?.value
        return text.map { $0.trimmed }.flatMap { $0.isEmpty ? nil : $0 }
    }

    static func isTrue(_ annotations: [CSDLAnnotation], _ term: String) -> Bool {
        annotations.contains { $0.shortTerm == term && ($0.value ?? "true") == "true" }
    }

    /// Own and inherited navigation properties, base first.
    func navigation(of key: TypeKey) -> [(owner: TypeKey, property: CSDLNavigationProperty)] {
        var chain: [TypeKey] = []
        var current: TypeKey? = key
        var seen: Set<TypeKey> = []
        while let type = current, seen.insert(type).inserted, let declared = structured[type] {
            chain.append(type)
            current = declared.baseType.map { TypeKey(qualified: qualify($0.value)) }
        }
        return chain.reversed().flatMap { owner in (structured[owner]?.navigation ?? []).map { (owner, $0) } }
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

    func expands(_ nav: CSDLNavigationProperty, target: TypeKey) -> Bool {
        nav.containsTarget && !typesWithSets.contains(target)
    }

    func matchesInclude(_ states: [PathPattern.State]) -> Bool { zip(includes, states).contains { $0.matches($1) } }
    func matchesExclude(_ states: [PathPattern.State]) -> Bool { zip(excludes, states).contains { $0.matches($1) } }

    func step(_ states: [PathPattern.State], _ patterns: [PathPattern], _ segment: String, isKey: Bool) -> [PathPattern.State] {
        zip(patterns, states).map { $0.step($1, segment, isKey: isKey) }
    }

    /// Keeps every navigation below `state.type` that lies on an included path; true when any was kept.
    /// Each (type, pattern states) pair is walked once, so the walk is linear in the navigation graph.
    mutating func walk(_ state: WalkState) -> Bool {
        if let known = memo[state] { return known }
        memo[state] = false
        var any = false
        for (owner, nav) in navigation(of: state.type) {
            var unsupported: [Located<String>] = []
            guard let (resolved, depth) = resolve(nav.type, unsupported: &unsupported), case .structured(let target) = resolved else { continue }
            let afterName = step(state.includes, includes, nav.name, isKey: false)
            let excludedAfterName = step(state.excludes, excludes, nav.name, isKey: false)
            guard afterName.contains(where: { !$0.isEmpty }) else { continue }
            guard !matchesExclude(excludedAfterName) else {
                excludedNavigation.insert(NavigationKey(owner: owner, name: nav.name))
                continue
            }
            var keep = matchesInclude(afterName)
            if expands(nav, target: target) {
                if depth > 0 {
                    let afterKey = step(afterName, includes, "{key}", isKey: true)
                    let excludedAfterKey = step(excludedAfterName, excludes, "{key}", isKey: true)
                    if afterKey.contains(where: { !$0.isEmpty }) && !matchesExclude(excludedAfterKey) {
                        keep = matchesInclude(afterKey) || keep
                        keep = walk(WalkState(type: target, includes: afterKey, excludes: excludedAfterKey)) || keep
                    }
                } else {
                    keep = walk(WalkState(type: target, includes: afterName, excludes: excludedAfterName)) || keep
                }
            }
            if keep {
                keptNavigation.insert(NavigationKey(owner: owner, name: nav.name))
                any = true
            }
        }
        // Below a cast (`…/members/microsoft.graph.user/…`), derived types' navigation is reached too, and below a
        // composable function's single result, its type's.
        for child in derived[state.type] ?? [] {
            any = walk(WalkState(type: child, includes: state.includes, excludes: state.excludes)) || any
        }
        for result in composableResults(of: state.type) {
            any = walk(WalkState(type: result, includes: state.includes, excludes: state.excludes)) || any
        }
        memo[state] = any
        return any
    }

    /// A whole import keeps every navigation property no path from a root reaches (one declared on a complex type,
    /// on an entity type only a non-contained navigation leads to, on a type no root reaches): the model still has
    /// it as a member, filled when a response expands it. What an exclude pattern left out stays out.
    mutating func keepUnreachedNavigation() {
        for (key, type) in structured {
            for nav in type.navigation {
                let navigationKey = NavigationKey(owner: key, name: nav.name)
                var ignored: [Located<String>] = []
                guard !excludedNavigation.contains(navigationKey), let (resolved, _) = resolve(nav.type, unsupported: &ignored),
                      case .structured(let target) = resolved, structured[target]?.kind == .entity else { continue }
                if keptNavigation.insert(navigationKey).inserted { unreachedNavigation += 1 }
            }
        }
    }

    /// The entity or complex types composable functions bound to one `type` (or its bases) return, one value each.
    mutating func composableResults(of type: TypeKey) -> [TypeKey] {
        var results: [TypeKey] = []
        var current: TypeKey? = type
        var seen: Set<TypeKey> = []
        while let key = current, seen.insert(key).inserted, let declared = structured[key] {
            for (operation, toCollection, _) in bound[key] ?? [] where operation.kind == .function && operation.isComposable && !toCollection {
                var ignored: [Located<String>] = []
                if let text = operation.returnType, let (resolved, depth) = resolve(text, unsupported: &ignored), depth == 0, case .structured(let result) = resolved {
                    results.append(result)
                }
            }
            current = declared.baseType.map { TypeKey(qualified: qualify($0.value)) }
        }
        return results
    }

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

    mutating func buildSchema(keptTypes: Set<TypeKey>, roots: [(entry: CSDLContainer.Entry, type: TypeKey)], unsupported: inout [Located<String>]) -> SchemaDocument {
        var schemaEnums: [SchemaEnum] = []
        for key in keptTypes.sorted() {
            guard let item = enums[key] else { continue }
            let members = item.members.map { member in
                SchemaEnumMember(name: member.name, value: member.value,
                                 description: Self.description(annotations(member.annotations, target: key.qualified + "/" + member.name)), location: member.location)
            }
            schemaEnums.append(SchemaEnum(name: localName(key), description: Self.description(annotations(item.annotations, target: key.qualified)),
                                          members: members, location: item.location, isFlags: item.isFlags))
        }
        var entities: [SchemaEntity] = []
        for key in keptTypes.sorted() {
            guard let type = structured[key] else { continue }
            var properties: [SchemaProperty] = []
            for property in type.properties {
                guard let (resolved, depth) = resolve(property.type, unsupported: &unsupported) else { continue }
                let propertyAnnotations = annotations(property.annotations, target: key.qualified + "/" + property.name)
                properties.append(SchemaProperty(
                    name: property.name, type: graphType(resolved, depth: depth), nullable: property.nullable,
                    readOnly: Self.isTrue(propertyAnnotations, "Computed") || Self.isTrue(propertyAnnotations, "Immutable"),
                    description: Self.description(propertyAnnotations), location: property.location))
            }
            let navigation = type.navigation.compactMap { nav -> SchemaNavigation? in
                guard keptNavigation.contains(NavigationKey(owner: key, name: nav.name)) else { return nil }
                return schemaNavigation(nav, owner: key)
            }
            entities.append(SchemaEntity(
                name: localName(key), kind: type.kind == .entity ? .entity : .complex,
                base: type.baseType.map { Located(localName(TypeKey(qualified: qualify($0.value))), at: $0.location) },
                abstract: type.isAbstract, description: Self.description(annotations(type.annotations, target: key.qualified)),
                properties: properties, navigation: navigation, location: type.location, actions: actions(boundTo: key),
                isOpen: type.isOpen, hasStream: type.hasStream, key: type.key == ["id"] ? nil : type.key,
                alternateKeys: alternateKeys(of: type, key: key)))
        }
        let rootEntries = roots.map { root in
            let entryAnnotations = annotations(root.entry.annotations, target: containerName(of: root.entry) + "/" + root.entry.name)
            let operations = self.operations(collection: root.entry.kind == .entitySet, contained: true, restrictions: entryAnnotations)
            return SchemaSingleton(name: root.entry.name, navigation: [], location: root.entry.location, type: localName(root.type),
                                   collection: root.entry.kind == .entitySet, operations: operations.map { Located($0, at: root.entry.location) },
                                   description: Self.description(entryAnnotations))
        }
        let module = options.module ?? "GraphClient"
        return SchemaDocument(file: document.file, namespace: namespace, module: module, baseURL: options.baseURL,
                              apiVersion: options.apiVersion ?? "v1.0", enums: schemaEnums, entities: entities, root: rootEntries)
    }

    /// The kept type's bound actions and functions; one whose parameter or return type GraphGen cannot express is left out.
    mutating func actions(boundTo key: TypeKey) -> [SchemaAction] {
        var result: [SchemaAction] = []
        for (operation, toCollection, qualifier) in bound[key] ?? [] {
            var unsupported: [Located<String>] = []
            var parameters: [SchemaParameter] = []
            for parameter in operation.parameters.dropFirst() {
                guard let (resolved, depth) = resolve(parameter.type, unsupported: &unsupported) else { continue }
                parameters.append(SchemaParameter(name: parameter.name, type: graphType(resolved, depth: depth), nullable: parameter.nullable, location: parameter.location))
            }
            var returns: GraphType?
            if let text = operation.returnType, let (resolved, depth) = resolve(text, unsupported: &unsupported) {
                returns = graphType(resolved, depth: depth)
            }
            guard unsupported.isEmpty, parameters.count == operation.parameters.count - 1, (returns == nil) == (operation.returnType == nil) else {
                skippedOperations["with a parameter or return type GraphGen does not support (\(Set(unsupported.map(\.value)).sorted().joined(separator: ", ")))", default: []].append(operation.location)
                continue
            }
            result.append(SchemaAction(
                name: operation.name, kind: operation.kind == .action ? .action : .function, boundToCollection: toCollection,
                parameters: parameters, returns: returns, description: nil, location: operation.location, namespace: qualifier,
                composable: operation.kind == .function && operation.isComposable))
        }
        return result
    }

    func graphType(_ resolved: Resolved, depth: Int) -> GraphType {
        var type: GraphType
        switch resolved {
        case .primitive(let primitive): type = .primitive(primitive)
        case .enumeration(let key): type = .enumeration(localName(key))
        case .structured(let key): type = structured[key]?.kind == .complex ? .complex(localName(key)) : .entity(localName(key))
        }
        for _ in 0..<depth { type = .collection(type) }
        return type
    }

    /// Operations from containment and the capability annotations on the navigation or on its target type.
    mutating func schemaNavigation(_ nav: CSDLNavigationProperty, owner: TypeKey) -> SchemaNavigation? {
        var ignored: [Located<String>] = []
        guard let (resolved, depth) = resolve(nav.type, unsupported: &ignored), case .structured(let target) = resolved else { return nil }
        let collection = depth > 0
        let restrictions = annotations(nav.annotations, target: owner.qualified + "/" + nav.name) + (annotationsByTarget[target.qualified] ?? [])
        var operations = self.operations(collection: collection, contained: expands(nav, target: target) || (nav.containsTarget && collection), restrictions: restrictions)
        // A navigation the schema marks not contained refers to items of an entity set: `$ref` adds and removes them.
        if collection, !expands(nav, target: target) {
            for kind in [OperationKind.addReference, .removeReference] where !operations.contains(kind) { operations.append(kind) }
        }
        return SchemaNavigation(
            name: nav.name, target: localName(target), collection: collection, contained: expands(nav, target: target),
            operations: operations.map { Located($0, at: nav.location) },
            description: Self.description(annotations(nav.annotations, target: owner.qualified + "/" + nav.name)), location: nav.location)
    }

    /// The qualified name of the container that declares `entry`, as annotation targets write it.
    func containerName(of entry: CSDLContainer.Entry) -> String {
        for schema in document.schemas {
            for container in schema.containers where container.entries.contains(where: { $0.location == entry.location }) {
                return schema.namespace + "." + container.name
            }
        }
        return namespace
    }

    /// The operations at a navigation or root: containment decides what may exist, capability annotations take away.
    func operations(collection: Bool, contained: Bool, restrictions: [CSDLAnnotation]) -> [OperationKind] {
        func allowed(_ term: String, _ property: String) -> Bool {
            !restrictions.contains { $0.shortTerm == term && $0.record[property] == "false" }
        }
        var operations: [OperationKind]
        switch (collection, contained) {
        case (true, true): operations = [.list, .get, .create, .update, .delete]
        case (false, true): operations = [.get, .update]
        case (true, false): operations = [.list, .get]
        case (false, false): operations = [.get]
        }
        if !allowed("ReadRestrictions", "Readable") { operations.removeAll { $0 == .list || $0 == .get } }
        if !allowed("InsertRestrictions", "Insertable") { operations.removeAll { $0 == .create } }
        if !allowed("UpdateRestrictions", "Updatable") { operations.removeAll { $0 == .update } }
        if !allowed("DeleteRestrictions", "Deletable") { operations.removeAll { $0 == .delete } }
        return operations
    }

    // MARK: Reporting

    static let readTerms: Set<String> = ["Description", "LongDescription", "Computed", "Immutable", "ReadRestrictions", "InsertRestrictions", "UpdateRestrictions", "DeleteRestrictions",
                                         "AlternateKeys"]

    /// `Core.AlternateKeys` of one type: each key of one property of the type (`appId`); a key of several properties
    /// is counted as left out.
    mutating func alternateKeys(of type: CSDLStructuredType, key: TypeKey) -> [String] {
        var result: [String] = []
        for annotation in annotations(type.annotations, target: key.qualified) where annotation.shortTerm == "AlternateKeys" {
            for record in annotation.records {
                let names = (record.collections["Key"] ?? []).compactMap { $0.values["Name"] }
                guard names.count == 1, let name = names.first, type.properties.contains(where: { $0.name == name }), !result.contains(name) else {
                    compositeAlternateKeys.append(annotation.location)
                    continue
                }
                result.append(name)
            }
        }
        return result
    }

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
