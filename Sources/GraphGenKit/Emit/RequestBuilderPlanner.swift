/// Decides the request builders: one per path position (root, navigation collection, item, `$ref`),
/// each with the navigation properties below it and the methods of the operations the model has there.
struct RequestBuilderPlanner {
    typealias Navigation = BuilderFileContext.Navigation

    let model: APIModel
    let names: TypeNames
    private let walker: NavigationWalker
    /// Operations by the navigation their path ends in, shortest path first, looked up once per builder.
    private let operationsByEdge: [Edge: [ModelOperation]]

    /// Entity types derived from each entity type, directly or not, by name.
    private let derivedTypes: [String: [String]]
    /// One operation per declared call (`ModelCall.key`), the shortest path's: what a composable function's result
    /// offers is found by its type, whichever path reached each call.
    private let operationsByCall: [String: ModelOperation]

    init(model: APIModel, names: TypeNames) {
        self.model = model
        self.names = names
        self.walker = model.navigation
        var derived: [String: Set<String>] = [:]
        let bases = Dictionary(model.entities.compactMap { entity in entity.base.map { (entity.name, $0) } }, uniquingKeysWith: { first, _ in first })
        for entity in model.entities where entity.kind == .entity {
            var seen: Set<String> = [entity.name]
            var current = bases[entity.name]
            while let base = current, seen.insert(base).inserted {
                derived[base, default: []].insert(entity.name)
                current = bases[base]
            }
        }
        self.derivedTypes = derived.mapValues { $0.sorted() }
        // Shortest path first (then by path text), each path's text made once: sorting by a computed description
        // was a quarter of generation time for the whole Graph metadata.
        var byEdge: [Edge: [(length: Int, path: String, operation: ModelOperation)]] = [:]
        for operation in model.operations where operation.pathIsNavigable {
            guard let owner = operation.navigationOwner, let navigation = operation.navigation else { continue }
            byEdge[Edge(owner: owner, navigation: navigation), default: []].append((operation.path.segments.count, operation.path.description, operation))
        }
        self.operationsByEdge = byEdge.mapValues { $0.sorted { ($0.length, $0.path) < ($1.length, $1.path) }.map(\.operation) }
        var byCall: [String: (length: Int, path: String, operation: ModelOperation)] = [:]
        for operation in model.operations where operation.pathIsNavigable {
            guard let call = operation.call else { continue }
            let entry = (operation.path.segments.count, operation.path.description, operation)
            if let known = byCall[call.key], (known.length, known.path) <= (entry.0, entry.1) { continue }
            byCall[call.key] = entry
        }
        self.operationsByCall = byCall.mapValues(\.operation)
    }

    private struct Edge: Hashable {
        var owner: String
        var navigation: String
    }

    // MARK: Names

    /// `MobileAppDeviceStatuses`; a typed root (a navigation of the service root) is named by itself: `Users`.
    private static func edgeName(_ edge: (owner: String, navigation: String)) -> String {
        (edge.owner == EntryPoint.serviceRoot ? "" : SwiftNames.typeName(edge.owner)) + SwiftNames.typeName(edge.navigation)
    }

    /// `<base>RequestBuilder`, unless the runtime or Swift already has that name (a root named `reading` would
    /// hide the runtime's `ReadingRequestBuilder`): then `<base>NavigationRequestBuilder`.
    private static func builderName(_ base: String) -> String {
        let name = base + "RequestBuilder"
        return SwiftNames.reservedTypeNames.contains(name) ? base + "NavigationRequestBuilder" : name
    }

    static func collectionBuilderName(_ edge: (owner: String, navigation: String)) -> String {
        builderName(edgeName(edge))
    }

    static func itemBuilderName(_ edge: (owner: String, navigation: String)) -> String {
        builderName(edgeName(edge) + "Item")
    }

    static func refBuilderName(_ edge: (owner: String, navigation: String)) -> String {
        builderName(edgeName(edge) + "Ref")
    }

    static func itemRefBuilderName(_ edge: (owner: String, navigation: String)) -> String {
        builderName(edgeName(edge) + "ItemRef")
    }

    static func rootBuilderName(_ root: String) -> String { builderName(SwiftNames.typeName(root)) }

    /// The name a cast extension goes by among the builders (it declares no type: `TypeCastItemRequestBuilder+User`).
    static func castExtensionName(_ entity: String) -> String { RuntimeNames.Builder.typeCastItem.rawValue + "+" + SwiftNames.typeName(entity) }

    /// Every name a navigation or root builder could take, so other generated types can keep clear of them.
    static func navigationBuilderNames(_ model: APIModel) -> [String] {
        var edges: [(owner: String, navigation: String)] = []
        for entity in model.entities { edges += model.navigation.navigation(of: entity.name).map { (entity.name, $0.name) } }
        for root in model.root {
            if root.type != nil { edges.append((EntryPoint.serviceRoot, root.name)) }
            edges += root.navigation.map { (root.name, $0.name) }
        }
        return model.root.map { rootBuilderName($0.name) } + edges.flatMap { [collectionBuilderName($0), itemBuilderName($0), refBuilderName($0), itemRefBuilderName($0)] }
    }

    static func keyMethod(_ target: String) -> String { "by" + SwiftNames.typeName(NavigationWalker.keyName(of: target)) }

    /// A navigation's property on its builder, or a root's on the client, clear of what those types declare.
    static func navigationProperty(_ name: String) -> String {
        let member = SwiftNames.memberName(name)
        return declaredMembers.contains(member) ? member + "_" : member
    }

    /// The stored members of every builder, and the client's own properties.
    private static let declaredMembers: Set<String> = ["client", "path", "baseURL", "transport", "tokenProvider"]

    // MARK: Which navigations lead to operations

    /// One operation per kind: a navigation reached by several paths shares one builder type, and the
    /// builder's path (not the type) says where the request goes. The shortest path documents the method.
    private func operations(at edge: Edge) -> [ModelOperation] {
        var seen: Set<String> = []
        return (operationsByEdge[edge] ?? []).filter { seen.insert($0.call.map { "call " + $0.key } ?? "\($0.kind?.rawValue ?? $0.method)").inserted }
    }

    /// Navigations worth a builder: those with operations, or leading to a type whose navigations are worth one,
    /// contained or not (`/groups/{id}/sites/{id}/lists` goes on through the non-contained `sites`), on a path from
    /// a root. Which types lead to operations is a least fixed point, so recursion and the order of the walk do not
    /// change the answer.
    private func usefulEdges() -> Set<Edge> {
        var navigationOf: [String: [NavigationProperty]] = [:]
        func navigation(of owner: String) -> [NavigationProperty] {
            if let known = navigationOf[owner] { return known }
            let found = walker.navigation(of: owner)
            navigationOf[owner] = found
            return found
        }
        var leading: Set<String> = []
        var owners: [String] = model.entities.map(\.name)
        owners.removeAll { navigation(of: $0).isEmpty }
        var changed = true
        while changed {
            changed = false
            for owner in owners where !leading.contains(owner) {
                if navigation(of: owner).contains(where: { operationsByEdge[Edge(owner: owner, navigation: $0.name)]?.isEmpty == false || leading.contains($0.target) }) {
                    leading.insert(owner)
                    changed = true
                }
            }
        }
        var useful: Set<Edge> = []
        var reached: Set<String> = []
        var castReached: Set<String> = []
        var pending: [(owner: String, navs: [NavigationProperty])] = []
        for root in model.root {
            if let nav = root.asNavigation {
                pending.append((EntryPoint.serviceRoot, [nav]))
            } else {
                pending.append((root.name, root.navigation))
            }
        }
        while let (owner, navs) = pending.popLast() {
            for nav in navs where operationsByEdge[Edge(owner: owner, navigation: nav.name)]?.isEmpty == false || leading.contains(nav.target) {
                useful.insert(Edge(owner: owner, navigation: nav.name))
                if reached.insert(nav.target).inserted { pending.append((nav.target, navigation(of: nav.target))) }
            }
            // A composable function's result is addressed further (`…/range()/format`), and a derived type's own
            // navigation below its cast.
            for result in composableResults(of: owner) where reached.insert(result).inserted {
                pending.append((result, navigation(of: result)))
            }
            for derived in derivedTypes[owner] ?? [] where castReached.insert(derived).inserted {
                pending.append((derived, model.entity(named: derived)?.navigation ?? []))
            }
        }
        return useful
    }

    /// The result types of the composable functions the client calls on `type` (own or inherited, on an item or a
    /// collection of it).
    private func composableResults(of type: String) -> [String] {
        walker.actions(of: type).compactMap { owner, action in
            let call = ModelCall(action, declaringType: owner)
            return operationsByCall[call.key] != nil ? call.composableResult : nil
        }
    }

    /// A composable function with parameters takes them where it is called, as arguments in its segment, so the path
    /// can go on from its result; any other function takes them when its request is sent, as query aliases.
    static func takesArgumentsInPath(_ call: ModelCall) -> Bool {
        call.composableResult != nil && !call.parameters.isEmpty
    }

    // MARK: Builders

    /// The builders, sorted by type name, and the client's root properties.
    func builders() -> (builders: [BuilderFileContext], roots: [Navigation]) {
        let useful = usefulEdges()
        var builders: [String: BuilderFileContext] = [:]
        var callBuilders: [String: BuilderFileContext] = [:]
        var roots: [Navigation] = []

        func navigationEntries(owner: String, navs: [NavigationProperty]) -> [Navigation] {
            navs.filter { useful.contains(Edge(owner: owner, navigation: $0.name)) }.map { nav in
                Navigation(property: Self.navigationProperty(nav.name), segment: nav.name,
                           builderType: Self.collectionBuilderName((owner: owner, navigation: nav.name)))
            }
        }

        /// Adds a member per call to `entries` (calls of the schema's own namespace first, so they keep the plain
        /// Swift names), and the call's builder; a composable function's builder offers what its result type does.
        func addCalls(_ operations: [ModelOperation], to entries: inout [Navigation]) {
            for operation in operations.filter({ $0.call?.namespace == nil }) + operations.filter({ $0.call?.namespace != nil }) {
                guard let call = operation.call, let (member, builderType, _) = names.calls[call.key] else { continue }
                var entry = Navigation(property: Self.navigationProperty(member), segment: call.segment, builderType: builderType)
                if Self.takesArgumentsInPath(call) {
                    entry.parametersType = names.calls[call.key]?.parameters
                    entry.callName = call.namespace.map { $0 + "." + call.name } ?? call.name
                }
                // A call of another namespace named like one already there takes its namespace's last part as well
                // (`identityGovernanceRestore`).
                if let namespace = call.namespace, entries.contains(where: { $0.property == entry.property }) {
                    entry.property = Self.navigationProperty((namespace.split(separator: ".").last.map(String.init) ?? namespace) + "." + member)
                }
                if !entries.contains(where: { $0.property == entry.property }) { entries.append(entry) }
                guard callBuilders[builderType] == nil else { continue }
                var builder = BuilderFileContext(
                    typeName: builderType, docLines: [call.description ?? "The \(call.kind.rawValue) `\(call.name)` of \(call.declaringType)\(call.boundToCollection ? " collections" : "")."],
                    navigations: [], keys: [], operations: [operationContext(operation)])
                callBuilders[builderType] = builder
                if let result = call.composableResult {
                    var below = navigationEntries(owner: result, navs: walker.navigation(of: result))
                    let resultCalls = walker.actions(of: result).filter { !$0.action.boundToCollection }
                        .compactMap { operationsByCall[ModelCall($0.action, declaringType: $0.owner).key] }
                    addCalls(resultCalls, to: &below)
                    builder.navigations = below
                    callBuilders[builderType] = builder
                }
            }
        }

        let typedRoots = model.root.compactMap(\.asNavigation)
        roots += navigationEntries(owner: EntryPoint.serviceRoot, navs: typedRoots)
        for root in model.root where root.type == nil {
            let entries = navigationEntries(owner: root.name, navs: root.navigation)
            guard !entries.isEmpty else { continue }
            let name = Self.rootBuilderName(root.name)
            builders[name] = BuilderFileContext(typeName: name, docLines: ["Requests under `/\(root.name)`."], navigations: entries, keys: [], operations: [])
            roots.append(Navigation(property: Self.navigationProperty(root.name), segment: root.name, builderType: name))
        }

        for edge in useful.sorted(by: { ($0.owner, $0.navigation) < ($1.owner, $1.navigation) }) {
            let declared = edge.owner == EntryPoint.serviceRoot ? typedRoots
                : walker.navigation(of: edge.owner) + (model.root.first { $0.name == edge.owner && $0.type == nil }?.navigation ?? [])
            guard let nav = declared.first(where: { $0.name == edge.navigation }) else { continue }
            let pair = (owner: edge.owner, navigation: edge.navigation)
            let ops = operations(at: edge)
            var childNavs = navigationEntries(owner: nav.target, navs: walker.navigation(of: nav.target))
            // Stream properties (`logo`, a drive item's `content`) are read and written at their own path; a media
            // entity's content at `$value`, as `content` unless a property has that name (then `mediaValue`).
            for property in model.entity(named: nav.target)?.properties ?? [] where property.type == .primitive(.stream) {
                let entry = Navigation(property: Self.navigationProperty(property.name), segment: property.name, builderType: RuntimeNames.Builder.mediaContent.rawValue)
                if !childNavs.contains(where: { $0.property == entry.property }) { childNavs.append(entry) }
            }
            if model.entity(named: nav.target)?.hasStream == true,
               let name = ["content", "mediaValue"].first(where: { name in !childNavs.contains { $0.property == name } }) {
                childNavs.append(Navigation(property: name, segment: "$value", builderType: RuntimeNames.Builder.mediaContent.rawValue))
            }
            let collectionName = Self.collectionBuilderName(pair)
            let refOps = ops.filter { $0.kind == .addReference || ($0.kind == .removeReference && !nav.collection) }
            // One reference of a collection is removed at `…/{id}/$ref`, from the item's builder.
            let itemRefOps = nav.collection ? ops.filter { $0.kind == .removeReference } : []
            var collectionNavs: [Navigation] = []
            addCalls(ops.filter { $0.call?.boundToCollection == true && nav.collection }, to: &collectionNavs)
            addCalls(ops.filter { $0.call != nil && !($0.call?.boundToCollection == true && nav.collection) }, to: &childNavs)
            if !refOps.isEmpty {
                let refName = Self.refBuilderName(pair)
                collectionNavs.append(Navigation(property: "ref", segment: "$ref", builderType: refName))
                builders[refName] = BuilderFileContext(
                    typeName: refName, docLines: ["References in `\(nav.name)` (`$ref`)."], navigations: [], keys: [], operations: refOps.map(operationContext))
            }
            if nav.collection {
                let itemName = Self.itemBuilderName(pair)
                let itemOps = ops.filter { [.get, .update, .delete].contains($0.kind) }
                var itemNavs = childNavs
                if !itemRefOps.isEmpty, !childNavs.contains(where: { $0.property == "ref" }) {
                    let itemRefName = Self.itemRefBuilderName(pair)
                    itemNavs.append(Navigation(property: "ref", segment: "$ref", builderType: itemRefName))
                    builders[itemRefName] = BuilderFileContext(
                        typeName: itemRefName, docLines: ["The reference to one item of `\(nav.name)` (`$ref`)."], navigations: [], keys: [],
                        operations: itemRefOps.map(operationContext))
                }
                builders[itemName] = BuilderFileContext(
                    typeName: itemName, docLines: ["One \(nav.target) in `\(nav.name)`."], navigations: itemNavs, keys: [], operations: itemOps.map(operationContext),
                    cast: typeCast(to: nav.target, ofCollection: false))
                let keyParameter = SwiftNames.memberName(NavigationWalker.keyName(of: nav.target))
                let key = BuilderFileContext.Key(method: Self.keyMethod(nav.target), parameter: keyParameter, builderType: itemName)
                let targetEntity = model.entity(named: nav.target)
                let alternateKeys = (targetEntity?.alternateKeys ?? []).compactMap { name -> BuilderFileContext.Key? in
                    // `with…`, as the primary key's `by…` may have the same name (a device's `deviceId`).
                    let method = "with" + SwiftNames.typeName(name)
                    guard let property = targetEntity?.properties.first(where: { $0.name == name }) else { return nil }
                    return BuilderFileContext.Key(method: method, parameter: SwiftNames.memberName(name), builderType: itemName, alternateKey: name,
                                                  quoted: property.type == .primitive(.string))
                }
                let collectionOps = ops.filter { [.list, .create].contains($0.kind) }
                builders[collectionName] = BuilderFileContext(
                    typeName: collectionName, docLines: ["The `\(nav.name)` collection of \(nav.target)."], navigations: collectionNavs, keys: [key] + alternateKeys,
                    operations: collectionOps.map(operationContext), cast: typeCast(to: nav.target, ofCollection: true))
            } else {
                let singleOps = ops.filter { [.get, .update, .delete].contains($0.kind) }
                builders[collectionName] = BuilderFileContext(
                    typeName: collectionName, docLines: ["The `\(nav.name)` \(nav.target)."], navigations: collectionNavs + childNavs, keys: [],
                    operations: singleOps.map(operationContext), cast: typeCast(to: nav.target, ofCollection: false))
            }
        }
        builders.merge(callBuilders) { navigationBuilder, _ in navigationBuilder }
        // What an item read as a derived type offers (`cast(to: AndroidLobApp.self).contentVersions`): each type's own
        // navigation, on the runtime's cast builder where its model is that type or one derived from it; for the types
        // an item builder casts from and to.
        let castTargets = Set(builders.values.compactMap { $0.cast.flatMap { $0.ofCollection ? nil : $0.target } })
        let castTypes = castTargets.union(castTargets.flatMap { derivedTypes[$0] ?? [] })
        for entity in model.entities where castTypes.contains(entity.name) {
            let own = navigationEntries(owner: entity.name, navs: entity.navigation)
            guard !own.isEmpty else { continue }
            let name = Self.castExtensionName(entity.name)
            let constraint = names.protocols[entity.name].map { ": " + $0 } ?? " == " + names.swift(entity.name)
            builders[name] = BuilderFileContext(typeName: name, docLines: ["What an item read as \(entity.name) offers below its cast segment."],
                                                navigations: own, keys: [], operations: [], castExtension: constraint, castOf: entity.name)
        }
        return (builders.keys.sorted().compactMap { builders[$0].map(Self.withSenders) }, roots)
    }

    /// `cast(to:)` on a builder whose items have derived entity types (`…/members/microsoft.graph.user`): one
    /// generic method per builder, constrained to the target's family protocol, rather than a member per type.
    private func typeCast(to target: String, ofCollection: Bool) -> BuilderFileContext.Cast? {
        guard derivedTypes[target]?.isEmpty == false, let family = names.protocols[target] else { return nil }
        return BuilderFileContext.Cast(target: target, family: family, ofCollection: ofCollection)
    }

    /// Entity types derived from `target`, directly or not.
    func derivedTypes(of target: String) -> [String] { derivedTypes[target] ?? [] }

    /// Hands each operation of a usual shape to the runtime protocol that sends it (one sending method compiled
    /// once, not once per builder). The protocols of one builder share its entity type; an operation on another
    /// type keeps its own method.
    static func withSenders(_ builder: BuilderFileContext) -> BuilderFileContext {
        var builder = builder
        for index in builder.operations.indices {
            guard let (sender, entity) = usualSender(builder.operations[index]), !builder.conformances.contains(sender) else { continue }
            if let entity {
                if builder.entity == nil { builder.entity = entity }
                guard builder.entity == entity else { continue }
            }
            builder.operations[index].sender = sender
            builder.conformances.append(sender)
        }
        return builder
    }

    /// The protocol that sends an operation of this shape (see the runtime's `RequestBuilderOperations`), and the
    /// entity type it is declared with.
    private static func usualSender(_ operation: BuilderFileContext.Operation) -> (sender: String, entity: String?)? {
        guard operation.parametersType == nil, !operation.isReference else { return nil }
        switch (operation.name, operation.result) {
        case ("get", .collection(let element)) where operation.listElement == element:
            return (RuntimeNames.OperationProtocol.listing.rawValue, element)
        case ("get", .entity(let type)) where operation.listElement == nil && !operation.hasBody:
            return (RuntimeNames.OperationProtocol.reading.rawValue, type)
        case ("post", .entity(let type)) where operation.bodyType == type && operation.listElement == nil:
            return (RuntimeNames.OperationProtocol.creating.rawValue, type)
        case ("patch", .entity(let type)) where operation.bodyType == type && operation.listElement == nil:
            return (RuntimeNames.OperationProtocol.updating.rawValue, type)
        case ("delete", .nothing) where operation.listElement == nil && !operation.hasBody:
            return (RuntimeNames.OperationProtocol.deleting.rawValue, nil)
        default:
            return nil
        }
    }

    /// What one operation's two methods (`postRequest` and `post`) take, send and return; the builder template
    /// spells them.
    private func operationContext(_ operation: ModelOperation) -> BuilderFileContext.Operation {
        let verb = operation.method.lowercased()
        let result = OperationResult(operation, names: names)
        var context = BuilderFileContext.Operation(docLines: operationDoc(operation), name: verb, requestName: verb + "Request",
                                                   httpMethod: operation.method, result: result)
        if let call = operation.call {
            // An action (POST, parameters as the JSON body) or function (GET, parameters as aliases in the query, or
            // already in the path).
            let parametersType = Self.takesArgumentsInPath(call) ? nil : names.calls[call.key]?.parameters
            context.parametersType = parametersType
            context.functionAliases = call.kind == .function && parametersType != nil
            context.encodesParameters = call.kind == .action && parametersType != nil
            context.hasBody = call.kind == .action && parametersType != nil
            context.discardable = call.kind == .action && call.returns != nil
            // A function answering entities or complex values (`delta()`) takes query options and pages as a list does.
            switch (call.kind, call.returns, result) {
            case (.function, .collection(.entity)?, .collection(let element)), (.function, .collection(.complex)?, .collection(let element)):
                context.queryElement = element
            default:
                break
            }
            return context
        }
        let target = operation.target.map(names.swift) ?? "JSONValue"
        let takesBody = operation.kind == .create || operation.kind == .update
        context.bodyType = takesBody ? target : nil
        context.isReference = operation.kind == .addReference
        context.listElement = operation.kind == .list ? target : nil
        context.queryElement = context.listElement
        context.encodesCreate = operation.kind == .create && names.createNamesType(operation.target)
        context.encodesBody = takesBody && !context.encodesCreate
        context.hasBody = takesBody || operation.kind == .addReference
        switch result {
        case .entity, .optionalEntity: context.discardable = operation.kind != .get
        default: break
        }
        return context
    }

    private func operationDoc(_ operation: ModelOperation) -> [String] {
        var lines: [String] = []
        lines.append(operation.summary ?? "\(operation.kind?.rawValue ?? operation.method) `\(operation.path)`.")
        lines.append("")
        lines.append("`\(operation.method) \(operation.path)`" + (operation.status.map { ", answers \($0)" } ?? ""))
        let permissions = operation.permissions.map { row -> String in
            let value = row.placeholder.map { "not documented (\($0))" } ?? (row.notSupported ? "not supported" : row.scopes.joined(separator: ", "))
            return "- \(row.type): \(value)"
        }
        if !permissions.isEmpty { lines += ["", "Permissions:"] + permissions }
        let pageSources = operation.sources.filter { $0.file != model.schemaFile }.map(\.fileAndLine)
        lines += ["", pageSources.isEmpty ? "Declared in \(model.schemaFile)." : "Documented in " + pageSources.joined(separator: ", ") + "."]
        return lines
    }
}
