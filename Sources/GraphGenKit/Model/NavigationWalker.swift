/// Walks a path through the schema's navigation graph: root singleton → navigation → key → navigation …
struct NavigationWalker {
    struct Walk {
        var canonicalPath: PathTemplate
        var parameters: [ModelPathParameter]
        var target: String?
        var endsAtCollection: Bool
        var endsAtReference: Bool
        var navigation: NavigationProperty?
        /// The entity or root that declares `navigation`.
        var navigationOwner: String?
        /// The path's actual key segments, in order (`{mobileAppId}` or a real id).
        var keyValues: [String]
        /// The bound action or function the path calls, and the entity type that declares it.
        var call: BoundCall? = nil
        var callOwner: String? = nil
        /// Segments the path spells with other letter case than the schema (`contactfolders` for `contactFolders`):
        /// the service accepts them, so the walk goes on with the schema's spelling.
        var caseDifferences: [(written: String, declared: String)] = []
        /// The path ends at binary content: a media entity's `$value` or a stream property (`…/photo/$value`,
        /// `…/items/{id}/content`), read with GET and written with PUT, not an entity.
        var media: String? = nil
        /// The path goes on from a composable function's result (`…/range(address=@address)/format`).
        var throughCall = false
        /// The path goes through a type-cast segment (`…/mobileApps/{id}/microsoft.graph.mobileLobApp/…`), written or
        /// left out; `castsLeftOut` names each navigation or call reached on a derived type without its cast segment.
        var throughCast = false
        var castsLeftOut: [(name: String, derivedType: String)] = []
        /// The path ends at a structural property's value (`/me/mailboxSettings`, `…/mailboxSettings/timeZone`) or at
        /// a collection's `$count`.
        var property: String? = nil

        /// The call as the model records it.
        var modelCall: ModelCall? { call.map { ModelCall($0, declaringType: callOwner ?? "") } }
    }

    struct Failure: Error {
        var segmentIndex: Int
        var message: String
    }

    let graph: NavigationGraph
    /// Every type's actions and functions, own and inherited, worked out once: walks ask at every segment.
    private let actionsByType: [String: [(owner: String, action: BoundCall)]]
    /// The same by each name a path may call it with: every segment of every walk asks.
    private let callsByTypeAndName: [String: [String: [(owner: String, action: BoundCall)]]]
    /// Every type's navigation properties, own then inherited, worked out once for the same reason.
    private let navigationByType: [String: [NavigationProperty]]
    /// The same by name (an own property hides an inherited one of that name), and the root singletons with theirs:
    /// a root can hold thousands of navigation properties, so walks look them up instead of scanning.
    private let navigationByTypeAndName: [String: [String: NavigationProperty]]
    private let roots: [String: (singleton: EntryPoint, navigation: [String: NavigationProperty])]
    private let rootsByLowercasedName: [String: String]
    /// The types declaring a navigation property of each name, for paths written relative to a type.
    private let declaringTypesByNavigationName: [String: [String]]
    /// Every type's derived types, nearest first: a cast segment names one, and pages leave casts out.
    private let descendantsByType: [String: [String]]

    init(graph: NavigationGraph) {
        self.graph = graph
        var declaring: [String: [String]] = [:]
        for entity in graph.types {
            for nav in entity.navigation where declaring[nav.name]?.last != entity.name { declaring[nav.name, default: []].append(entity.name) }
        }
        declaringTypesByNavigationName = declaring.mapValues { $0.sorted() }
        var navigation: [String: [NavigationProperty]] = [:]
        for entity in graph.types where navigation[entity.name] == nil {
            var result: [NavigationProperty] = []
            var current: String? = entity.name
            var seen: Set<String> = []
            while let name = current, seen.insert(name).inserted, let declaring = graph.type(named: name) {
                result += declaring.navigation
                current = declaring.base
            }
            if !result.isEmpty { navigation[entity.name] = result }
        }
        navigationByType = navigation
        navigationByTypeAndName = navigation.mapValues(Self.byName)
        var roots: [String: (EntryPoint, [String: NavigationProperty])] = [:]
        for singleton in graph.roots where roots[singleton.name] == nil {
            roots[singleton.name] = (singleton, Self.byName(singleton.navigation))
        }
        self.roots = roots
        rootsByLowercasedName = Dictionary(roots.keys.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, second in min(first, second) })
        var byType: [String: [(owner: String, action: BoundCall)]] = [:]
        if graph.types.contains(where: { !$0.calls.isEmpty }) {
            for entity in graph.types {
                var result: [(String, BoundCall)] = []
                var seen: Set<String> = []
                var names: Set<String> = []
                var current: String? = entity.name
                while let name = current, seen.insert(name).inserted, let declaring = graph.type(named: name) {
                    for action in declaring.calls where names.insert(action.signature).inserted {
                        result.append((name, action))
                    }
                    current = declaring.base
                }
                if !result.isEmpty { byType[entity.name] = result }
            }
        }
        actionsByType = byType
        callsByTypeAndName = byType.mapValues { actions in
            var byName: [String: [(owner: String, action: BoundCall)]] = [:]
            for entry in actions {
                for name in Self.callNames(entry.action, schemaNamespace: graph.namespace) { byName[name, default: []].append(entry) }
            }
            return byName
        }
        var children: [String: [String]] = [:]
        for entity in graph.types { if let base = entity.base { children[base, default: []].append(entity.name) } }
        var descendants: [String: [String]] = [:]
        for base in children.keys {
            var result: [String] = []
            var queue = children[base]?.sorted() ?? []
            var seen: Set<String> = [base]
            while !queue.isEmpty {
                let next = queue.removeFirst()
                guard seen.insert(next).inserted else { continue }
                result.append(next)
                queue += children[next]?.sorted() ?? []
            }
            descendants[base] = result
        }
        descendantsByType = descendants
    }

    /// The derived type a cast segment names when it derives from `type`: qualified by the schema's namespace
    /// (`microsoft.graph.mobileLobApp`, `microsoft.graph.security.alert` for the type `security.alert`) or by Graph's
    /// alias `graph.`; a key with dots in it (`/users/jo.doe`) is no cast.
    func castTarget(_ segment: String, from type: String) -> String? {
        guard let descendants = descendantsByType[type] else { return nil }
        for prefix in [graph.namespace + ".", "graph."] where segment.hasPrefix(prefix) {
            let name = String(segment.dropFirst(prefix.count))
            if descendants.contains(name) { return name }
        }
        return nil
    }

    /// What `find` gives for `type` or, failing that, for its nearest base.
    private func alongBases<Found>(of type: String, _ find: (NavigationGraph.Node) -> Found?) -> Found? {
        var current: String? = type
        var seen: Set<String> = []
        while let typeName = current, seen.insert(typeName).inserted, let entity = graph.type(named: typeName) {
            if let found = find(entity) { return found }
            current = entity.base
        }
        return nil
    }

    /// A structural property of `type` (own or inherited, any letter case).
    func structuralProperty(_ name: String, of type: String) -> NavigationGraph.Node.Property? {
        alongBases(of: type) { entity in
            entity.properties.first { $0.name == name } ?? entity.properties.first { $0.name.lowercased() == name.lowercased() }
        }
    }

    /// Navigation properties of an entity, its own and inherited.
    func navigation(of entityName: String) -> [NavigationProperty] {
        navigationByType[entityName] ?? []
    }

    private static func byName(_ navigation: [NavigationProperty]) -> [String: NavigationProperty] {
        Dictionary(navigation.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func keyName(of entity: String) -> String { "\(entity)Id" }

    /// Bound actions and functions of an entity, its own first, then inherited ones, with their declaring type.
    func actions(of entityName: String) -> [(owner: String, action: BoundCall)] {
        actionsByType[entityName] ?? []
    }

    /// The call a path segment names: `assign`, `microsoft.graph.assign`, `getTopApps(period='D7')`. Of a function's
    /// overloads, the one whose parameters the segment names; without arguments, the one without parameters.
    func call(_ segment: String, on entityName: String, collection: Bool) -> (owner: String, action: BoundCall)? {
        guard let byName = callsByTypeAndName[entityName] else { return nil }
        var name = Substring(segment)
        var arguments: Set<String>?
        if let open = name.firstIndex(of: "(") {
            let inside = segment[segment.index(after: open)...].dropLast(segment.hasSuffix(")") ? 1 : 0)
            arguments = Set((CallArguments.parse(inside) ?? []).map(\.name))
            name = name[..<open]
        }
        let candidates = byName[String(name)]?.filter { $0.action.boundToCollection == collection } ?? []
        guard candidates.count > 1 else { return candidates.first }
        return candidates.first { Set($0.action.parameters.map(\.name)) == (arguments ?? []) }
            ?? candidates.first { $0.action.parameters.isEmpty } ?? candidates.first
    }


    /// The names a call is written with: a call of another namespace with it (`microsoft.graph.security.runHuntingQuery`);
    /// one of the schema's own with or without the schema's.
    private static func callNames(_ action: BoundCall, schemaNamespace: String) -> [String] {
        if let namespace = action.namespace { return [namespace + "." + action.name] }
        return [action.name, schemaNamespace + "." + action.name]
    }

    /// The canonical segment of a call: the action's name; a function's name with its parameters as aliases
    /// (`getTopApps(period=@period)`), or `()` without parameters.
    static func callSegment(_ action: BoundCall) -> String {
        callSegment(name: action.name, kind: action.kind, parameterNames: action.parameters.map(\.name), namespace: action.namespace)
    }

    static func callSegment(name: String, kind: CallKind, parameterNames: [String], namespace: String? = nil) -> String {
        let qualified = namespace.map { $0 + "." + name } ?? name
        guard kind == .function else { return qualified }
        return qualified + "(" + parameterNames.map { "\($0)=@\($0)" }.joined(separator: ",") + ")"
    }

    /// The types declaring a navigation property named like the path's first segment, when that segment is no root:
    /// Graph's Excel pages write paths relative to a workbook (`/workbook/worksheets/{id}`), not from a root.
    func relativeOwners(of path: PathTemplate) -> [String] {
        guard case .literal(let first)? = path.segments.first, roots[first] == nil,
              !path.segments.contains(where: { if case .literal(let name) = $0 { return roots[name] != nil } else { return false } }) else { return [] }
        return declaringTypesByNavigationName[first] ?? []
    }

    /// The schema's spelling of a last segment naming binary content of `type`: `$value` of a media entity, or one of
    /// its stream properties (own or inherited, any letter case).
    func mediaSegment(_ name: String, of type: String) -> String? {
        alongBases(of: type) { entity in
            if name == "$value", entity.hasStream { return name }
            return entity.properties.first { $0.type == .primitive(.stream) && $0.name.lowercased() == name.lowercased() }?.name
        }
    }

    /// Drive items addressed by path (`/drive/root:/{item-path}:/content`, `/items/{parent-id}:/{filename}:`) are items
    /// of the same type as the segment before the first colon: the walk goes on from there, the path part left out.
    static func withoutPathAddressing(_ segments: [PathTemplate.Segment]) -> [PathTemplate.Segment] {
        func colonEnded(_ segment: PathTemplate.Segment) -> String? {
            guard case .literal(let text) = segment, text.count > 1, text.hasSuffix(":") else { return nil }
            return String(text.dropLast())
        }
        guard segments.contains(where: { colonEnded($0) != nil }) else { return segments }
        var result: [PathTemplate.Segment] = []
        var index = segments.startIndex
        while index < segments.endIndex {
            guard let addressed = colonEnded(segments[index]) else {
                result.append(segments[index])
                index += 1
                continue
            }
            result.append(addressed.hasPrefix("{") && addressed.hasSuffix("}") ? .parameter(String(addressed.dropFirst().dropLast())) : .literal(addressed))
            index += 1
            // The item's path, up to and including the segment that closes it with a colon (or the end).
            while index < segments.endIndex {
                let closes = colonEnded(segments[index]) != nil
                index += 1
                if closes { break }
            }
        }
        return result
    }

    /// Walks `path`; segments before the first root singleton (a stray base such as `docs\api`) are skipped.
    func walk(_ path: PathTemplate) -> Result<Walk, Failure> {
        let segments = Self.withoutPathAddressing(path.segments)
        // The first segment naming a root, exactly or else in other letter case (`/Me/messages`).
        func root(_ segment: PathTemplate.Segment, exactly: Bool) -> String? {
            guard case .literal(let name) = segment else { return nil }
            return roots[name] != nil ? name : exactly ? nil : rootsByLowercasedName[name.lowercased()]
        }
        guard let start = segments.firstIndex(where: { root($0, exactly: true) != nil }) ?? segments.firstIndex(where: { root($0, exactly: false) != nil }),
              let rootName = root(segments[start], exactly: false), let (singleton, rootNavigation) = roots[rootName] else {
            return .failure(Failure(segmentIndex: 0, message: "path does not start at a root of the schema (\(NameList.text(graph.roots.map(\.name))))"))
        }
        var canonical: [PathTemplate.Segment] = [.literal(rootName)]
        var parameters: [ModelPathParameter] = []
        var keyValues: [String] = []
        var navigationOwner: String?
        var available = rootNavigation
        var owner = rootName
        var current: NavigationProperty?
        var target: String?
        var atCollection = false
        var atReference = false
        var caseDifferences: [(written: String, declared: String)] = []
        if case .literal(let written) = segments[start], written != rootName { caseDifferences.append((written, rootName)) }
        var throughCall = false
        var throughCast = false
        var castsLeftOut: [(name: String, derivedType: String)] = []
        /// The element type of the collection the walk is at, when a cast names a derived one.
        var collectionElement: String?
        // A typed root is a navigation of the service root: the walk starts as if it had just crossed it.
        if let nav = singleton.asNavigation {
            current = nav
            navigationOwner = EntryPoint.serviceRoot
            target = nav.target
            atCollection = nav.collection
            available = nav.collection ? [:] : navigationByTypeAndName[nav.target] ?? [:]
            owner = nav.target
        }
        for index in segments.indices.dropFirst(start + 1) {
            let segment = segments[index]
            if atReference {
                return .failure(Failure(segmentIndex: index, message: "nothing may follow '$ref'"))
            }
            // `/childFolders/{id}/.../messages`: pages mark a recursion the caller repeats as deep as needed.
            if segment == .literal("...") || segment == .literal("…") { continue }
            if case .literal(let name) = segment, let nav = current, let derived = castTarget(name, from: atCollection ? collectionElement ?? nav.target : owner) {
                canonical.append(.literal(name))
                throughCast = true
                target = derived
                if atCollection {
                    collectionElement = derived
                } else {
                    owner = derived
                    available = navigationByTypeAndName[derived] ?? [:]
                }
                continue
            }
            if case .literal(let name) = segment, let nav = current, let (callOwner, action) = call(name, on: atCollection ? nav.target : owner, collection: atCollection),
               atCollection || navigationByTypeAndName[owner]?[name] == nil {
                guard index == segments.count - 1 else {
                    // A composable function's single result is addressed further, as a value of its type.
                    guard let type = Self.composableResult(action) else {
                        return .failure(Failure(segmentIndex: index + 1, message: "nothing may follow the call of '\(action.name)'"))
                    }
                    canonical.append(.literal(Self.callSegment(action)))
                    throughCall = true
                    atCollection = false
                    // What is called on the result belongs to the call, as what follows a navigation belongs to it.
                    current = Self.resultNavigation(of: action, result: type)
                    navigationOwner = callOwner
                    available = navigationByTypeAndName[type] ?? [:]
                    owner = type
                    target = type
                    continue
                }
                canonical.append(.literal(Self.callSegment(action)))
                return .success(Walk(
                    canonicalPath: PathTemplate(segments: canonical), parameters: parameters, target: nil,
                    endsAtCollection: false, endsAtReference: false, navigation: nav,
                    navigationOwner: navigationOwner, keyValues: keyValues, call: action, callOwner: callOwner, throughCall: throughCall,
                    throughCast: throughCast, castsLeftOut: castsLeftOut))
            }
            if atCollection, let nav = current {
                // `…/messages/$count`: the collection's size, as text.
                if segment == .literal("$count"), index == segments.count - 1 {
                    canonical.append(.literal("$count"))
                    return .success(Walk(
                        canonicalPath: PathTemplate(segments: canonical), parameters: parameters, target: nil,
                        endsAtCollection: false, endsAtReference: false, navigation: nav,
                        navigationOwner: navigationOwner, keyValues: keyValues, caseDifferences: caseDifferences, throughCall: throughCall,
                        throughCast: throughCast, castsLeftOut: castsLeftOut, property: "$count"))
                }
                if segment == .literal("$ref") {
                    atReference = true
                    canonical.append(.literal("$ref"))
                    continue
                }
                let key = Self.keyName(of: nav.target)
                canonical.append(.parameter(key))
                switch segment {
                case .literal(let value): keyValues.append(value)
                case .parameter(let name): keyValues.append("{\(name)}")
                }
                parameters.append(ModelPathParameter(name: key, keyOf: nav.target))
                atCollection = false
                let element = collectionElement ?? nav.target
                collectionElement = nil
                available = navigationByTypeAndName[element] ?? [:]
                owner = element
                continue
            }
            guard case .literal(let name) = segment else {
                return .failure(Failure(segmentIndex: index, message: "a key follows '\(owner)', which is not a collection"))
            }
            if name == "$ref", current != nil {
                // `…/manager/$ref`, or `…/members/{id}/$ref`: one reference of a collection, removed there.
                atReference = true
                canonical.append(.literal("$ref"))
                continue
            }
            // Content a derived media type has (`…/attachments/{id}/$value` of a fileAttachment) is reached past an
            // omitted cast.
            if index == segments.count - 1, available[name] == nil, mediaSegment(name, of: owner) == nil,
               let derived = descendantsByType[owner]?.first(where: { mediaSegment(name, of: $0) != nil }) {
                castsLeftOut.append((name, derived))
                throughCast = true
                owner = derived
            }
            if index == segments.count - 1, available[name] == nil, let media = mediaSegment(name, of: owner) {
                canonical.append(.literal(media))
                return .success(Walk(
                    canonicalPath: PathTemplate(segments: canonical), parameters: parameters, target: nil,
                    endsAtCollection: false, endsAtReference: false, navigation: current,
                    navigationOwner: navigationOwner, keyValues: keyValues, caseDifferences: caseDifferences, media: media, throughCall: throughCall,
                    throughCast: throughCast, castsLeftOut: castsLeftOut))
            }
            if available[name] == nil, let property = structuralProperty(name, of: owner) {
                guard let rest = propertyPath(after: property, segments[(index + 1)...]) else {
                    return .failure(Failure(segmentIndex: index + 1, message: "nothing follows the property '\(property.name)' of '\(owner)' but its own properties"))
                }
                canonical += ([property.name] + rest).map { .literal($0) }
                return .success(Walk(
                    canonicalPath: PathTemplate(segments: canonical), parameters: parameters, target: nil,
                    endsAtCollection: false, endsAtReference: false, navigation: current,
                    navigationOwner: navigationOwner, keyValues: keyValues, caseDifferences: caseDifferences, throughCall: throughCall,
                    throughCast: throughCast, castsLeftOut: castsLeftOut, property: ([property.name] + rest).joined(separator: "/")))
            }
            if available[name] == nil, available.first(where: { $0.key.lowercased() == name.lowercased() }) == nil,
               let derived = descendantsByType[owner]?.first(where: { navigationByTypeAndName[$0]?[name] != nil || call(name, on: $0, collection: false) != nil }) {
                // Declared on a derived type: OData addresses it after the cast segment, which the page leaves out.
                castsLeftOut.append((name, derived))
                throughCast = true
                owner = derived
                available = navigationByTypeAndName[derived] ?? [:]
                if let (callOwner, action) = call(name, on: derived, collection: false), available[name] == nil, let nav = current {
                    guard index == segments.count - 1 else {
                        return .failure(Failure(segmentIndex: index + 1, message: "nothing may follow the call of '\(action.name)'"))
                    }
                    canonical.append(.literal(Self.callSegment(action)))
                    return .success(Walk(
                        canonicalPath: PathTemplate(segments: canonical), parameters: parameters, target: nil,
                        endsAtCollection: false, endsAtReference: false, navigation: nav,
                        navigationOwner: navigationOwner, keyValues: keyValues, call: action, callOwner: callOwner,
                        throughCall: throughCall, throughCast: throughCast, castsLeftOut: castsLeftOut))
                }
            }
            guard let nav = available[name] ?? available.first(where: { $0.key.lowercased() == name.lowercased() })?.value else {
                return .failure(Failure(segmentIndex: index, message: "'\(name)' is not a navigation property of '\(owner)' (it has: \(NameList.text(available.keys.sorted())))"))
            }
            if nav.name != name { caseDifferences.append((name, nav.name)) }
            canonical.append(.literal(nav.name))
            current = nav
            navigationOwner = owner
            target = nav.target
            atCollection = nav.collection
            if !nav.collection {
                available = navigationByTypeAndName[nav.target] ?? [:]
                owner = nav.target
            }
        }
        return .success(Walk(
            canonicalPath: PathTemplate(segments: canonical), parameters: parameters, target: target,
            endsAtCollection: atCollection, endsAtReference: atReference, navigation: current,
            navigationOwner: navigationOwner, keyValues: keyValues, caseDifferences: caseDifferences, throughCall: throughCall,
            throughCast: throughCast, castsLeftOut: castsLeftOut))
    }

    /// The schema's spelling of the properties after `property` in a path (`…/mailboxSettings/automaticRepliesSetting`),
    /// each a property of the one before; a primitive's value may end in `$value`. Nil when a segment is none of these.
    func propertyPath(after property: NavigationGraph.Node.Property, _ segments: ArraySlice<PathTemplate.Segment>) -> [String]? {
        var result: [String] = []
        var type = property.type
        for segment in segments {
            guard case .literal(let name) = segment else { return nil }
            switch type {
            case .complex(let typeName), .entity(let typeName):
                guard let next = structuralProperty(name, of: typeName) else { return nil }
                result.append(next.name)
                type = next.type
            case .primitive where name == "$value":
                result.append(name)
                type = .collection(type)  // nothing may follow
            default:
                return nil
            }
        }
        return result
    }

    /// A composable function's result as the navigation a path crosses (named by the call's segment): what the path
    /// calls next on the result is placed under it.
    static func resultNavigation(of action: BoundCall, result: String) -> NavigationProperty {
        NavigationProperty(name: callSegment(action), target: result, collection: false, contained: true, operations: [],
                           description: action.description, location: action.location)
    }

    /// The result type of a composable function, when a path may go on from it (one entity or complex value).
    static func composableResult(_ action: BoundCall) -> String? {
        guard action.kind == .function, action.composable else { return nil }
        return singleStructuredType(action.returns)
    }

    /// The entity or complex type of a single (not collection) result.
    static func singleStructuredType(_ type: GraphType?) -> String? {
        switch type {
        case .entity(let name)?, .complex(let name)?: name
        default: nil
        }
    }

    /// The operation a method performs at the end of a walk.
    static func operationKind(method: String, walk: Walk) -> OperationKind? {
        guard walk.media == nil, walk.property == nil else { return nil }
        if let call = walk.call {
            switch (call.kind, method) {
            case (.action, "POST"): return .action
            case (.function, "GET"): return .function
            default: return nil
            }
        }
        return switch (method, walk.endsAtReference, walk.endsAtCollection) {
        case ("POST", true, _): .addReference
        case ("DELETE", true, _): .removeReference
        case ("GET", false, true): .list
        case ("POST", false, true): .create
        case ("GET", false, false): .get
        case ("PATCH", false, false), ("PUT", false, false): .update
        case ("DELETE", false, false): .delete
        default: nil
        }
    }

    static func method(for kind: OperationKind) -> String {
        switch kind {
        case .list, .get: "GET"
        case .create, .addReference: "POST"
        case .update: "PATCH"
        case .delete, .removeReference: "DELETE"
        case .action: "POST"
        case .function: "GET"
        }
    }

    /// Every path the schema declares an operation on, depth-first; a navigation cycle is walked once.
    /// How many operations contained navigation may declare. Paths through contained navigation multiply with each
    /// level, so a schema that marks references as contained can declare more than any client could hold.
    static let declaredOperationBudget = 250_000

    /// Every operation the schema declares, with its path; `overBudget` names the navigation where the walk stopped
    /// when there are more than `declaredOperationBudget`.
    func declaredOperations() -> (operations: [(kind: Located<OperationKind>, path: PathTemplate)], overBudget: NavigationProperty?) {
        var result: [(Located<OperationKind>, PathTemplate)] = []
        var overBudget: NavigationProperty?
        func visit(_ navs: [NavigationProperty], prefix: [PathTemplate.Segment], seen: Set<String>) {
            for nav in navs {
                guard overBudget == nil else { return }
                if result.count > Self.declaredOperationBudget {
                    overBudget = nav
                    return
                }
                let collectionPath = prefix + [.literal(nav.name)]
                let itemPath = nav.collection ? collectionPath + [.parameter(Self.keyName(of: nav.target))] : collectionPath
                for operation in nav.operations {
                    let path: [PathTemplate.Segment]
                    switch operation.value {
                    case .list, .create: path = collectionPath
                    case .get, .update, .delete: path = itemPath
                    // References are added to the collection and removed one by one (`…/members/{id}/$ref`).
                    case .addReference: path = collectionPath + [.literal("$ref")]
                    case .removeReference: path = itemPath + [.literal("$ref")]
                    case .action, .function: continue
                    }
                    result.append((operation, PathTemplate(segments: path)))
                }
                calls(on: nav.target, collectionPath: nav.collection ? collectionPath : nil, itemPath: itemPath, seen: seen)
                let edge = "\(nav.target)"
                if nav.contained, !seen.contains(edge) {
                    visit(navigation(of: nav.target), prefix: itemPath, seen: seen.union([edge]))
                    // A derived type's own navigation, below its cast segment (`…/{id}/microsoft.graph.mobileLobApp/
                    // contentVersions`); once per derived type, as the client's builders are per type.
                    for derived in descendantsByType[nav.target] ?? [] where !seen.contains(derived) {
                        guard let own = graph.type(named: derived)?.navigation, !own.isEmpty, expandedCasts.insert(derived).inserted else { continue }
                        visit(own, prefix: itemPath + [.literal(graph.namespace + "." + derived)], seen: seen.union([edge, derived]))
                    }
                }
            }
        }
        /// The calls bound to `type` at its positions, and what lies below a composable function's result (its calls
        /// and contained navigation). Below a result only once per result type: the client's builders are per type, so
        /// one path declares what every path to that type reaches (a site's `getByPath(path=…)` is a whole site).
        var expandedResults: Set<String> = []
        var expandedCasts: Set<String> = []
        func calls(on type: String, collectionPath: [PathTemplate.Segment]?, itemPath: [PathTemplate.Segment], seen: Set<String>) {
            for (_, action) in actions(of: type) {
                let kind = Located(action.kind == .action ? OperationKind.action : .function, at: action.location)
                let position = action.boundToCollection ? collectionPath : itemPath
                guard let position, overBudget == nil else { continue }
                let callPath = position + [.literal(Self.callSegment(action))]
                result.append((kind, PathTemplate(segments: callPath)))
                if let resultType = Self.composableResult(action), !seen.contains(resultType), expandedResults.insert(resultType).inserted {
                    let below = seen.union([resultType])
                    calls(on: resultType, collectionPath: nil, itemPath: callPath, seen: below)
                    visit(navigation(of: resultType).filter(\.contained), prefix: callPath, seen: below)
                }
            }
        }
        for singleton in graph.roots {
            if let nav = singleton.asNavigation {
                visit([nav], prefix: [], seen: [])
            } else {
                visit(singleton.navigation, prefix: [.literal(singleton.name)], seen: [])
            }
        }
        return (result, overBudget)
    }
}
