/// Proposes a schema from pages alone: entities and properties from body tables and examples, enums from
/// "Possible values are:" lists, navigation and operations from documented request paths.
public struct SchemaInference {
    public struct Options: Sendable {
        public var module: String?
        public var namespace: String?
        public init(module: String? = nil, namespace: String? = nil) {
            self.module = module
            self.namespace = namespace
        }
    }

    let pages: [APIPage]
    let options: Options

    public init(pages: [APIPage], options: Options = Options()) {
        self.pages = pages.sorted { $0.file < $1.file }
        self.options = options
    }

    // Working state, in first-seen order so the output follows the pages.
    private final class Draft {
        var enums: [String: [String]] = [:]
        var enumOrder: [String] = []
        struct Property {
            var name: String
            var type: String
            var description: String
            /// Documented in a create or update request (table or body), so clients may send it.
            var inRequests: Bool
            /// A description that says "Read-only."
            var notedReadOnly: Bool
            /// Typed by the type's own resource page, which beats request tables and examples.
            var fromResource = false
        }

        var entities: [String: [Property]] = [:]
        /// Entities that some create or update page documents a request body for.
        var documentedRequests: Set<String> = []
        var entityOrder: [String] = []
        var navigation: [String: [(name: String, targets: [String], collection: Bool, operations: [String])]] = [:]
        var roots: [String] = []
        /// Bases pages state ("Inherits from X").
        var documentedBases: [String: String] = [:]
        /// Bases examples imply: a value of declared type T whose `@odata.type` is X makes X derive from T.
        var impliedBases: [String: String] = [:]
        var abstract: Set<String> = []
        /// Types with a key: a resource page lists `id`, or an entity body in an example has one.
        var keyed: Set<String> = []
        /// Types a request path or relationship addresses: entities, whatever their pages say.
        var addressed: Set<String> = []
        struct Action {
            var name: String
            var isFunction: Bool
            var boundToCollection: Bool
            var parameters: [(name: String, type: String)]
            var returns: String?
        }
        /// Actions and functions by the type they are bound to, in page order.
        var actions: [String: [Action]] = [:]
        /// (type, X) for each row of the type's page that says "Inherited from X": X is an ancestor.
        var inheritedFrom: [(type: String, ancestor: String)] = []

        func entity(_ name: String) {
            if entities[name] == nil {
                entities[name] = []
                entityOrder.append(name)
            }
        }

        /// - Parameter inRequest: documented in a create or update request (table or body), so clients may send it.
        func property(_ entity: String, _ name: String, _ type: String, _ description: String, inRequest: Bool, fromResource: Bool = false) {
            self.entity(entity)
            if inRequest { documentedRequests.insert(entity) }
            let notedReadOnly = description.asciiCaseInsensitiveRange(of: "read-only") != nil
            guard let index = entities[entity]?.firstIndex(where: { $0.name == name }) else {
                entities[entity]?.append(Property(name: name, type: type, description: description, inRequests: inRequest, notedReadOnly: notedReadOnly, fromResource: fromResource))
                return
            }
            if notedReadOnly { entities[entity]?[index].notedReadOnly = true }
            if fromResource, entities[entity]?[index].fromResource == false {
                entities[entity]?[index].type = type
                entities[entity]?[index].fromResource = true
                if !description.isEmpty { entities[entity]?[index].description = description }
            }
            // A named type beats a vague one ("Enumeration", a JSON guess); a table's description beats none.
            if ["Enumeration", "String"].contains(entities[entity]?[index].type ?? ""), type != "Enumeration" {
                entities[entity]?[index].type = type
            }
            if entities[entity]?[index].description.isEmpty == true { entities[entity]?[index].description = description }
            if inRequest { entities[entity]?[index].inRequests = true }
        }

        /// Said to be read-only, or shown only in responses while the entity's create or update requests are documented.
        func isReadOnly(_ entity: String, _ property: Property) -> Bool {
            property.notedReadOnly || (documentedRequests.contains(entity) && !property.inRequests)
        }

        func enumeration(_ name: String, _ members: [String]) {
            if enums[name] == nil {
                enums[name] = []
                enumOrder.append(name)
            }
            // Keep the longest list's order, then members only shorter lists have.
            var current = enums[name] ?? []
            if members.count > current.count {
                current = members + current.filter { !members.contains($0) }
            } else {
                current += members.filter { !current.contains($0) }
            }
            enums[name] = current
        }

        func navigate(_ owner: String, _ name: String, target: String, collection: Bool, operation: String?) {
            addressed.insert(target)
            var navs = navigation[owner] ?? []
            if let index = navs.firstIndex(where: { $0.name == name }) {
                if let operation, !navs[index].operations.contains(operation) { navs[index].operations.append(operation) }
                if !navs[index].targets.contains(target) { navs[index].targets.append(target) }
            } else {
                navs.append((name, [target], collection, operation.map { [$0] } ?? []))
            }
            navigation[owner] = navs
        }

        /// A page whose rows say "Inherited from X" where X is not yet an ancestor: the top of its known
        /// chain derives from X (managedMobileLobApp → managedApp, rows inherited from mobileApp: managedApp → mobileApp).
        func linkInheritedAncestors() {
            for (type, ancestor) in inheritedFrom where entities[ancestor] != nil {
                let chain = [type] + resolvedAncestors(of: type)
                guard !chain.contains(ancestor), let top = chain.last, base(of: top) == nil,
                      !resolvedAncestors(of: ancestor).contains(top) else { continue }
                impliedBases[top] = ancestor
            }
        }

        /// The stated base, else the one examples imply (unless that would close a cycle).
        func base(of name: String) -> String? {
            if let stated = documentedBases[name] { return stated }
            guard let implied = impliedBases[name], !ancestors(of: implied, stopAt: name).contains(name) else { return nil }
            return implied
        }

        /// Bases of `name`, nearest first; stops at a repeat (pages may state a cycle).
        func ancestors(of name: String, stopAt: String? = nil) -> [String] {
            var chain: [String] = []
            var seen: Set<String> = [name]
            var current = documentedBases[name] ?? impliedBases[name]
            while let next = current, !seen.contains(next) {
                chain.append(next)
                if next == stopAt { break }
                seen.insert(next)
                current = documentedBases[next] ?? impliedBases[next]
            }
            return chain
        }

        /// A type is an entity when anything in its inheritance tree has a key or is addressed by a path.
        func entityTypes() -> Set<String> {
            var rootOf: [String: String] = [:]
            for name in entityOrder { rootOf[name] = ([name] + resolvedAncestors(of: name)).last ?? name }
            let entityRoots = Set(entityOrder.filter { keyed.contains($0) || addressed.contains($0) }.compactMap { rootOf[$0] })
            return Set(entityOrder.filter { rootOf[$0].map(entityRoots.contains) ?? false })
        }

        func resolvedAncestors(of name: String) -> [String] {
            var chain: [String] = []
            var seen: Set<String> = [name]
            var current = base(of: name)
            while let next = current, !seen.contains(next) {
                chain.append(next)
                seen.insert(next)
                current = base(of: next)
            }
            return chain
        }

        /// The type a path ends at, walking the navigation pages gave, and whether it ends at a collection.
        func walk(_ segments: [PathTemplate.Segment]) -> (type: String, collection: Bool)? {
            guard case .literal(let root)? = segments.first else { return nil }
            let typedRoot = navigation[EntryPoint.serviceRoot]?.first { $0.name == root }
            guard typedRoot != nil || roots.contains(root) else { return nil }
            var owner = typedRoot.map { commonTarget($0.targets) } ?? root
            var atCollection = typedRoot?.collection ?? false
            for segment in segments.dropFirst() {
                switch segment {
                case .parameter:
                    guard atCollection else { return nil }
                    atCollection = false
                case .literal(let name):
                    guard !atCollection, let nav = ([owner] + resolvedAncestors(of: owner)).lazy.compactMap({ self.navigation[$0]?.first { $0.name == name } }).first else { return nil }
                    owner = commonTarget(nav.targets)
                    atCollection = nav.collection
                }
            }
            return (owner, atCollection)
        }

        /// The types of the collections at the root (entity sets), which other navigation refers into.
        func entitySetTypes() -> Set<String> {
            if let cached = entitySetTypesCache { return cached }
            let types = Set((navigation[EntryPoint.serviceRoot] ?? []).filter(\.collection).map { commonTarget($0.targets) })
            entitySetTypesCache = types
            return types
        }
        var entitySetTypesCache: Set<String>?

        /// Type names as resource pages spell them: of names that differ only by case, these win.
        var resourceSpellings: Set<String> = []

        /// Pages spell one type several ways (`Event`, `event`; `ItemBody`, `itemBody`): the service's names are
        /// case-insensitive, so they are one type, named as its resource page spells it (else as first seen).
        func mergeCaseVariants() {
            var groups: [String: [String]] = [:]
            for name in entityOrder + enumOrder where !(groups[name.lowercased()]?.contains(name) ?? false) {
                groups[name.lowercased(), default: []].append(name)
            }
            var rename: [String: String] = [:]
            for names in groups.values where names.count > 1 {
                let keep = names.first { resourceSpellings.contains($0) } ?? names.first { $0.first?.isLowercase == true } ?? names[0]
                for name in names where name != keep { rename[name] = keep }
            }
            guard !rename.isEmpty else { return }
            func renamed(_ name: String) -> String { rename[name] ?? name }
            func renamedType(_ type: String) -> String {
                type.hasPrefix("Collection(") && type.hasSuffix(")")
                    ? "Collection(\(renamed(String(type.dropFirst("Collection(".count).dropLast()))))" : renamed(type)
            }
            let oldEntities = entities, oldOrder = entityOrder, oldEnums = enums, oldEnumOrder = enumOrder
            entities = [:]; entityOrder = []; enums = [:]; enumOrder = []
            for name in oldOrder {
                entity(renamed(name))
                for property in oldEntities[name] ?? [] {
                    var moved = property
                    moved.type = renamedType(property.type)
                    if let index = entities[renamed(name)]?.firstIndex(where: { $0.name == property.name }) {
                        if entities[renamed(name)]?[index].description.isEmpty == true { entities[renamed(name)]?[index].description = moved.description }
                    } else {
                        entities[renamed(name)]?.append(moved)
                    }
                }
            }
            for name in oldEnumOrder { enumeration(renamed(name), oldEnums[name] ?? []) }
            documentedRequests = Set(documentedRequests.map(renamed))
            let oldNavigation = navigation
            navigation = [:]
            for owner in oldNavigation.keys.sorted() {
                for nav in oldNavigation[owner] ?? [] {
                    let owner = renamed(owner)
                    var navs = navigation[owner] ?? []
                    let targets = nav.targets.map(renamed)
                    if let index = navs.firstIndex(where: { $0.name == nav.name }) {
                        navs[index].targets += targets.filter { !navs[index].targets.contains($0) }
                        navs[index].operations += nav.operations.filter { !navs[index].operations.contains($0) }
                    } else {
                        navs.append((nav.name, targets, nav.collection, nav.operations))
                    }
                    navigation[owner] = navs
                }
            }
            documentedBases = Dictionary(documentedBases.map { (renamed($0.key), renamed($0.value)) }, uniquingKeysWith: { first, _ in first }).filter { $0.key != $0.value }
            impliedBases = Dictionary(impliedBases.map { (renamed($0.key), renamed($0.value)) }, uniquingKeysWith: { first, _ in first }).filter { $0.key != $0.value }
            abstract = Set(abstract.map(renamed))
            keyed = Set(keyed.map(renamed))
            addressed = Set(addressed.map(renamed))
            let oldActions = actions
            actions = [:]
            for owner in oldActions.keys.sorted() {
                for var action in oldActions[owner] ?? [] {
                    action.parameters = action.parameters.map { ($0.name, renamedType($0.type)) }
                    action.returns = action.returns.map(renamedType)
                    if !(actions[renamed(owner)] ?? []).contains(where: { $0.name == action.name && $0.boundToCollection == action.boundToCollection }) {
                        actions[renamed(owner), default: []].append(action)
                    }
                }
            }
            inheritedFrom = inheritedFrom.map { (renamed($0.type), renamed($0.ancestor)) }
        }

        /// Settles what pages leave ambiguous before the schema is written, so it always reads back:
        /// a name that is both an enum and a type with nothing in it is the enum (else the type); a call and a
        /// navigation of one name on a type is the call (the path was a call's, read as navigation).
        func settleConflicts() {
            for name in enumOrder where entities[name] != nil {
                let empty = entities[name]?.isEmpty != false && navigation[name]?.isEmpty != false && actions[name] == nil
                    && !documentedBases.values.contains(name) && !impliedBases.values.contains(name)
                if empty {
                    entities[name] = nil
                    entityOrder.removeAll { $0 == name }
                } else {
                    enums[name] = nil
                }
            }
            enumOrder.removeAll { enums[$0] == nil }
            for (owner, calls) in actions {
                let names = Set(calls.filter { !$0.boundToCollection }.map(\.name))
                navigation[owner]?.removeAll { names.contains($0.name) }
            }
        }

        /// Of the targets pages give one navigation, the one every other derives from (else the first).
        func commonTarget(_ targets: [String]) -> String {
            targets.first { candidate in targets.allSatisfy { $0 == candidate || resolvedAncestors(of: $0).contains(candidate) } } ?? targets[0]
        }
    }

    public func infer() -> (yaml: String, summary: String) {
        let draft = Draft()
        var namespace = options.namespace
        var baseURL = "https://graph.microsoft.com"
        var version = "v1.0"
        for page in pages {
            for example in page.examples {
                if let request = example.request, request.url.hasPrefix("http"), let version_ = request.version,
                   let scheme = request.url.range(of: "://"),
                   let slash = request.url[scheme.upperBound...].firstIndex(of: "/") {
                    baseURL = String(request.url[..<slash])
                    version = version_
                }
                for body in [example.request?.body, example.response?.body].compactMap({ $0 }) {
                    if namespace == nil, let type = body["@odata.type"]?.string, let dot = type.lastIndex(of: ".") {
                        namespace = String(type.dropFirst(type.hasPrefix("#") ? 1 : 0)[..<dot])
                    }
                }
            }
        }
        var actionPages: [APIPage] = []
        var examples: [(subject: String, kind: OperationKind?, example: Example)] = []
        var badNames: [String] = []
        for page in pages where page.kind == .operation || page.kind == .resource {
            if Self.isActionOrFunctionPage(page) {
                actionPages.append(page)
                continue
            }
            guard let entity = subject(of: page) else { continue }
            if let problem = TypeName.problem(entity) {
                badNames.append("\(page.title?.location ?? SourceLocation(file: page.file, line: 1)): \(problem)")
                continue
            }
            draft.entity(entity)
            if page.kind == .resource {
                draft.resourceSpellings.insert(entity)
                if let base = page.baseType?.value, TypeName.problem(base) == nil, base != entity {
                    draft.entity(base)
                    draft.documentedBases[entity] = base
                }
                if let summary = page.summary?.text, Self.saysAbstract(summary) { draft.abstract.insert(entity) }
                if page.properties.contains(where: { $0.name == "id" }) { draft.keyed.insert(entity) }
            } else {
                draft.addressed.insert(entity)
            }
            if page.operationKind?.value != .addReference {
                let isRequestPage = [.create, .update].contains(page.operationKind?.value)
                for row in page.properties {
                    let type = inferredType(row, entity: entity, draft: draft)
                    // "… Inherited from [mobileApp](…)": the property belongs to that base, not to this type.
                    let (owner, description) = Self.declaringType(row.description) ?? (entity, row.description)
                    if owner != entity { draft.inheritedFrom.append((entity, owner)) }
                    draft.property(owner, row.name, type, Self.withoutPossibleValues(description), inRequest: isRequestPage, fromResource: page.kind == .resource && owner == entity)
                }
                // Examples after every table, so a member's declared type is known whichever page declares it.
                examples += page.examples.map { (entity, page.operationKind?.value, $0) }
            }
            for row in page.relationships {
                let (target, collection) = Self.relationshipTarget(row)
                guard GraphPrimitive(name: target) == nil, !target.isEmpty else { continue }
                draft.entity(target)
                let owner = Self.declaringType(row.description)?.0 ?? entity
                draft.entity(owner)
                if owner != entity { draft.inheritedFrom.append((entity, owner)) }
                draft.navigate(owner, row.name, target: target, collection: collection, operation: nil)
            }
            for line in page.httpRequests { navigation(line, page: page, entity: entity, draft: draft) }
        }
        for page in pages where page.kind == .enumeration {
            if let name = page.title?.value.split(separator: " ").first, TypeName.problem(String(name)) == nil {
                draft.enumeration(String(name), page.enumMembers.map(\.name))
            }
        }
        draft.linkInheritedAncestors()
        var unplacedActions: [String] = []
        for page in actionPages {
            if !action(page, draft: draft) { unplacedActions.append(DisplayPath.of(page.file)) }
        }
        for (subject, kind, example) in examples {
            for body in Self.entityBodies(example, kind: kind) {
                let isRequest = example.request?.body.map { $0 == body } ?? false
                let type = Self.odataTypeName(body).flatMap { TypeName.problem($0) == nil ? $0 : nil } ?? subject
                if type != subject {
                    draft.entity(type)
                    draft.impliedBases[type] = draft.impliedBases[type] ?? subject
                }
                if body["id"] != nil { draft.keyed.insert(type) }
                members(of: body, into: type, inRequest: isRequest, draft: draft)
            }
        }
        draft.mergeCaseVariants()
        draft.settleConflicts()
        let yaml = render(draft, namespace: namespace ?? "microsoft.graph", baseURL: baseURL, version: version)
        let entityCount = draft.entityTypes().count
        var summary = "\(entityCount) entities, \(draft.entityOrder.count - entityCount) complex types, \(draft.enumOrder.count) enums, \(draft.navigation.values.map(\.count).reduce(0, +)) navigation properties from \(pages.count) pages"
        let actionCount = draft.actions.values.map(\.count).reduce(0, +)
        if actionCount > 0 { summary += "\n\(actionCount) actions and functions from \(actionPages.count - unplacedActions.count) action and function pages" }
        if !unplacedActions.isEmpty {
            summary += "\n\(unplacedActions.count) action or function pages left out (their path does not walk the navigation other pages document): \(unplacedActions.joined(separator: ", "))"
        }
        if !badNames.isEmpty {
            summary += "\n\(badNames.count) pages left out because the type they are about has no usable name:\n" + badNames.joined(separator: "\n")
        }
        return (yaml, summary)
    }

    /// An action or function page: the call is its path's last segment, bound to the type (or collection) the rest of
    /// the path reaches; parameters from its request body table, the return type from its response section.
    private func action(_ page: APIPage, draft: Draft) -> Bool {
        guard let line = page.httpRequests.first, case .literal(let last)? = line.path.segments.last,
              let placed = draft.walk(Array(line.path.segments.dropLast())) else { return false }
        var name = Substring(last)
        if let open = name.firstIndex(of: "(") { name = name[..<open] }
        if let dot = name.lastIndex(of: ".") { name = name[name.index(after: dot)...] }
        guard TypeName.problem(String(name)) == nil, !name.contains(".") else { return false }
        let isFunction = line.method == "GET" || page.title?.value.trimmed.lowercased().hasSuffix(" function") == true
        let parameters = page.properties.map { row in (row.name, inferredType(row, entity: placed.type, draft: draft)) }
        var returns: String?
        if let response = page.response, response.statusCode != 204, let typeName = response.typeName, TypeName.problem(typeName) == nil {
            let type = GraphPrimitive(name: typeName)?.rawValue ?? typeName
            if GraphPrimitive(name: typeName) == nil { draft.entity(typeName) }
            returns = response.isCollection ? "Collection(\(type))" : type
        }
        let action = Draft.Action(name: String(name), isFunction: isFunction, boundToCollection: placed.collection, parameters: parameters, returns: returns)
        if !(draft.actions[placed.type] ?? []).contains(where: { $0.name == action.name && $0.boundToCollection == action.boundToCollection }) {
            draft.actions[placed.type, default: []].append(action)
        }
        return true
    }

    /// Graph titles action and function pages "type: name" (older pages) or "name action" / "name function".
    /// Their paths are calls, not navigation, and their bodies are parameters, not the entity.
    static func isActionOrFunctionPage(_ page: APIPage) -> Bool {
        guard page.kind == .operation, let title = page.title?.value.trimmed.lowercased() else { return false }
        return title.contains(": ") || title.hasSuffix(" action") || title.hasSuffix(" function")
    }

    /// The example bodies that are the entity itself: create and update bodies, a get response (also when
    /// pages wrap it as `{"value": {…}}`), and each item of a list response's `value`.
    static func entityBodies(_ example: Example, kind: OperationKind?) -> [JSONNode] {
        let response = example.response?.body
        switch kind {
        case .create?, .update?:
            return [example.request?.body, response].compactMap { $0 }
        case .get?:
            guard let response else { return [] }
            return [response.objectWrappedInValue?.value ?? response]
        case .list?:
            guard case .array(let items)? = response?["value"]?.value else { return [] }
            return items.filter { $0.members != nil }
        default:
            return []
        }
    }

    /// Records an example object's members as properties of `type`, and nested objects' members as
    /// properties of their types (a nested `@odata.type` other than the declared type derives from it).
    private func members(of body: JSONNode, into type: String, inRequest: Bool, draft: Draft, depth: Int = 0) {
        guard depth < 32 else { return }
        for member in body.members ?? [] where !member.key.contains("@") {
            let declared = ([type] + draft.ancestors(of: type)).lazy.compactMap { draft.entities[$0]?.first { $0.name == member.key }?.type }.first
            switch member.value.value {
            case .object:
                let named = declared.map(TypeSpelling.parse).flatMap { GraphPrimitive(name: $0.name) == nil && draft.enums[$0.name] == nil ? $0.name : nil }
                guard let nestedType = nested(member.value, declared: named, draft: draft) else { continue }
                draft.property(type, member.key, named ?? nestedType, "", inRequest: inRequest)
                members(of: member.value, into: nestedType, inRequest: inRequest, draft: draft, depth: depth + 1)
            case .array(let items) where items.contains(where: { $0.members != nil }):
                let named = declared.map(TypeSpelling.parse).flatMap { GraphPrimitive(name: $0.name) == nil && draft.enums[$0.name] == nil ? $0.name : nil }
                var itemTypes: [String] = []
                for item in items where item.members != nil {
                    guard let itemType = nested(item, declared: named, draft: draft) else { continue }
                    itemTypes.append(itemType)
                    members(of: item, into: itemType, inRequest: inRequest, draft: draft, depth: depth + 1)
                }
                if let elementType = named ?? itemTypes.first { draft.property(type, member.key, "Collection(\(elementType))", "", inRequest: inRequest) }
            default:
                draft.property(type, member.key, Self.jsonType(member.value), "", inRequest: inRequest)
            }
        }
    }

    /// The type of a nested example object: its `@odata.type` (deriving from the declared type), else the declared type.
    private func nested(_ object: JSONNode, declared: String?, draft: Draft) -> String? {
        guard let named = Self.odataTypeName(object), TypeName.problem(named) == nil else { return declared }
        draft.entity(named)
        if let declared, declared != named, draft.impliedBases[named] == nil { draft.impliedBases[named] = declared }
        return named
    }

    /// `"#microsoft.graph.win32LobApp"` (or without `#`) → `win32LobApp`.
    static func odataTypeName(_ object: JSONNode) -> String? {
        guard let text = object["@odata.type"]?.string?.trimmed, !text.isEmpty else { return nil }
        let qualified = text.hasPrefix("#") ? text.dropFirst() : Substring(text)
        return qualified.split(separator: ".").last.map(String.init)
    }

    /// Graph's resource pages open with "An abstract class …", "Abstract class …", "An abstract base class …".
    static func saysAbstract(_ summary: String) -> Bool {
        summary.split(whereSeparator: { !$0.isLetter }).contains { $0.lowercased() == "abstract" }
    }

    /// "Key of the entity. Inherited from mobileApp" → ("mobileApp", "Key of the entity.").
    static func declaringType(_ description: String) -> (String, String)? {
        guard let range = description.range(of: "Inherited from ") else { return nil }
        let name = description[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard !name.isEmpty, TypeName.problem(String(name)) == nil else { return nil }
        let rest = description[range.upperBound...].dropFirst(name.count).drop { $0 == "." || $0 == " " }
        let kept = (description[..<range.lowerBound].trimmed + (rest.isEmpty ? "" : " " + rest)).trimmed
        return (String(name), kept)
    }

    private func subject(of page: APIPage) -> String? {
        if let type = page.requestBodyType?.value ?? page.response?.typeName { return type }
        guard let title = page.title?.value.split(separator: " ") else { return nil }
        if page.kind == .resource { return title.first.map(String.init) }
        return title.count > 1 ? Self.singular(String(title[1])) : nil
    }

    /// `[accessPackage](accessPackage.md) collection` → ("accessPackage", true).
    static func relationshipTarget(_ row: PropertyRow) -> (String, Bool) {
        typeCell(row.type) ?? ("", false)
    }

    /// A type as a table cell writes it: `recipient collection`, `Collection(recipient)`, `String collection`,
    /// `teamVisibilityType (optional)`, `String (enum)`; nil when no type name is left (`...`, `{group-id`).
    static func typeCell(_ raw: String) -> (name: String, collection: Bool)? {
        var text = raw.trimmed
        // A trailing qualifier in parentheses says something about the type, it is not part of its name.
        if text.hasSuffix(")"), let open = text.lastIndex(of: "("), open != text.startIndex, text[text.index(before: open)] == " " {
            text = text[..<open].trimmed
        }
        var collection = false
        if text.lowercased().hasSuffix(" collection") {
            text = String(text.dropLast(" collection".count)).trimmed
            collection = true
        } else if text.lowercased().hasPrefix("collection("), text.hasSuffix(")") {
            text = String(text.dropFirst("collection(".count).dropLast()).trimmed
            collection = true
        }
        if let dot = text.lastIndex(of: "."), text.lowercased().hasPrefix("microsoft.graph.") || text.lowercased().hasPrefix("edm.") {
            text = String(text[text.index(after: dot)...])
        }
        if let primitive = GraphPrimitive(name: text) { return (primitive.rawValue, collection) }
        guard TypeName.problem(text) == nil, !text.contains(".") else { return nil }
        return (text, collection)
    }

    /// A path segment that can be a navigation property's name (not `$value`, `root:`, a cast or a call).
    static func isNavigationName(_ name: String) -> Bool {
        TypeName.problem(name) == nil && !name.contains(".")
    }

    static func singular(_ word: String) -> String {
        if word.hasSuffix("ses") { return String(word.dropLast(2)) }
        if word.hasSuffix("s") { return String(word.dropLast()) }
        return word
    }

    private func inferredType(_ row: PropertyRow, entity: String, draft: Draft) -> String {
        // A cell that names no usable type (`...`, a placeholder) says nothing: the property is read as a string.
        let (text, collection) = Self.typeCell(row.type) ?? ("String", false)
        if let primitive = GraphPrimitive(name: text) { return collection ? "Collection(\(primitive.rawValue))" : primitive.rawValue }
        if !row.possibleValues.isEmpty {
            // "Enumeration" names no type: another page (or the property name) does.
            let name = text == "Enumeration" ? (existingEnum(for: row.name, draft: draft) ?? row.name) : text
            draft.enumeration(name, row.possibleValues)
            return collection ? "Collection(\(name))" : name
        }
        let name = text.isEmpty ? "String" : text
        if GraphPrimitive(name: name) == nil { draft.entity(name) }
        return collection ? "Collection(\(name))" : name
    }

    private func existingEnum(for property: String, draft: Draft) -> String? {
        for entity in draft.entityOrder {
            if let type = draft.entities[entity]?.first(where: { $0.name == property })?.type, draft.enums[type] != nil { return type }
        }
        for page in pages {
            if let row = page.properties.first(where: { $0.name == property && $0.type != "Enumeration" && !$0.possibleValues.isEmpty }) {
                return row.type
            }
        }
        return nil
    }

    static func jsonType(_ node: JSONNode) -> String {
        switch node.value {
        case .bool: return "Boolean"
        case .number(let text): return Int32(text) != nil ? "Int32" : Int64(text) != nil ? "Int64" : "Double"
        case .string(let text): return DateTimeText.isValid(text) ? "DateTimeOffset" : "String"
        case .array(let items): return "Collection(\(items.first.map(jsonType) ?? "String"))"
        default: return "String"
        }
    }

    /// Root → collection → `{key}` → collection …; a key names its entity (`{mobileAppId}` → mobileApp).
    private func navigation(_ line: HTTPRequestLine, page: APIPage, entity: String, draft: Draft) {
        var segments = line.path.segments
        var isReference = false
        if segments.last == .literal("$ref") {
            segments.removeLast()
            isReference = true
        }
        guard case .literal(let root)? = segments.first, Self.isNavigationName(root) else { return }
        // A root followed by a key, or listed and created at itself, is an entity set: a typed root, which is a
        // navigation of the service root. Otherwise it is a container of navigation (`/deviceAppManagement/…`).
        let keyed = segments.count > 1 && { if case .parameter = segments[1] { return true } else { return false } }()
        let listedOrCreated = segments.count == 1 && !isReference && (line.method == "POST" || page.response?.isCollection == true)
        let typedRoot = keyed || listedOrCreated || draft.navigation[EntryPoint.serviceRoot]?.contains { $0.name == root } == true
        var owner = root
        var index = 1
        if typedRoot {
            owner = EntryPoint.serviceRoot
            index = 0
        } else if !draft.roots.contains(root) {
            draft.roots.append(root)
        }
        while index < segments.count {
            guard case .literal(let name) = segments[index] else { index += 1; continue }
            // `$value`, `$count`, `root:`, a cast or a call: no navigation past this point.
            guard Self.isNavigationName(name) else { return }
            let hasKey = index + 1 < segments.count && { if case .parameter = segments[index + 1] { return true } else { return false } }()
            let isLast = index == segments.count - 1 || (hasKey && index + 1 == segments.count - 1)
            // Graph names a keyed segment's type in its key ({mobileAppId}); an unkeyed one in the middle
            // of a path is a single-valued navigation whose type usually shares its name (entitlementManagement).
            let target: String
            if isLast {
                target = entity
            } else if hasKey, case .parameter(let key) = segments[index + 1], key.hasSuffix("Id"), key.count > 2 {
                target = String(key.dropLast(2))
            } else if hasKey {
                target = Self.singular(name)
            } else {
                target = name
            }
            guard TypeName.problem(target) == nil else { return }
            draft.entity(target)
            var operation: String?
            if isLast {
                switch (line.method, isReference, hasKey) {
                case ("POST", true, _): operation = "addReference"
                case ("DELETE", true, _): operation = "removeReference"
                case ("POST", false, false): operation = "create"
                // `GET /me/calendar` answers one object (the page says "a calendar object"), not a collection.
                case ("GET", false, false): operation = page.response.map { !$0.isCollection && $0.typeName != nil } == true ? "get" : "list"
                case ("GET", false, true): operation = "get"
                case ("PATCH", false, true), ("PUT", false, true): operation = "update"
                case ("DELETE", false, true): operation = "delete"
                default: operation = nil
                }
            }
            let collection = hasKey || (isLast && ["create", "list", "addReference", "removeReference"].contains(operation ?? ""))
            draft.navigate(owner, name, target: target, collection: collection, operation: operation)
            owner = target
            index += hasKey ? 2 : 1
        }
    }

    /// The description without its "(The) possible values are: …" sentence, which the enum's members replace.
    static func withoutPossibleValues(_ text: String) -> String {
        guard let range = text.asciiCaseInsensitiveRange(of: "possible values") else { return text }
        let before = text[..<range.lowerBound]
        guard let stop = before.range(of: ". ", options: .backwards) else { return "" }
        return String(before[..<stop.lowerBound]) + "."
    }

    // MARK: Output

    /// The draft as a schema value, written by the one schema writer.
    private func render(_ draft: Draft, namespace: String, baseURL: String, version: String) -> String {
        let file = "(inferred schema)"
        let nowhere = SourceLocation(file: file, line: 1)
        let entityTypes = draft.entityTypes()
        let hasKeys = draft.entityOrder.contains { entityTypes.contains($0) && draft.entities[$0]?.contains { $0.name == "id" } == true }
        let order = OperationKind.allCases.map(\.rawValue)
        func operations(_ names: [String]) -> [Located<OperationKind>] {
            names.sorted { (order.firstIndex(of: $0) ?? 0) < (order.firstIndex(of: $1) ?? 0) }
                .compactMap { OperationKind(rawValue: $0).map { Located($0, at: nowhere) } }
        }
        func navigation(_ navs: [(name: String, targets: [String], collection: Bool, operations: [String])]) -> [NavigationProperty] {
            navs.map { nav in
                let target = draft.commonTarget(nav.targets)
                // Navigation to a type some collection at the root holds refers to that collection's items (`manager`,
                // `members`): not contained, so paths stop there instead of multiplying through every reference.
                let reference = draft.entitySetTypes().contains { target == $0 || draft.resolvedAncestors(of: target).contains($0) }
                return NavigationProperty(name: nav.name, target: target, collection: nav.collection, contained: !reference,
                                          operations: operations(nav.operations), description: nil, location: nowhere)
            }
        }
        let typedRoots = draft.navigation[EntryPoint.serviceRoot] ?? []
        var roots = typedRoots.map { root in
            EntryPoint(name: root.name, navigation: [], location: nowhere, type: draft.commonTarget(root.targets), collection: root.collection,
                       operations: operations(root.operations))
        }
        for root in draft.roots where !typedRoots.contains(where: { $0.name == root }) {
            roots.append(EntryPoint(name: root, navigation: navigation(draft.navigation[root] ?? []), location: nowhere))
        }
        let enums = draft.enumOrder.map { name in
            SchemaEnum(name: name, members: (draft.enums[name] ?? []).map { SchemaEnumMember(name: $0, location: nowhere) }, location: nowhere)
        }
        var types: [SchemaEntity] = []
        if hasKeys {
            let key = SchemaProperty(name: "id", type: .primitive(.string), nullable: false, readOnly: true, description: "Key of the entity.", location: nowhere)
            types.append(SchemaEntity(name: "entity", kind: .entity, abstract: true, properties: [key], navigation: [], location: nowhere))
        }
        for name in draft.entityOrder where !(hasKeys && name == "entity") {
            let isEntity = entityTypes.contains(name)
            var type = SchemaEntity(name: name, kind: isEntity ? .entity : .complex, abstract: draft.abstract.contains(name), properties: [], navigation: [], location: nowhere)
            if let base = draft.base(of: name) {
                type.base = Located(base, at: nowhere)
            } else if isEntity, hasKeys {
                type.base = Located("entity", at: nowhere)
            }
            // A property or navigation a base declares is inherited, not repeated.
            let ancestors = draft.resolvedAncestors(of: name)
            let inherited = Set(ancestors.flatMap { draft.entities[$0]?.map(\.name) ?? [] })
            type.properties = (draft.entities[name] ?? []).filter { !inherited.contains($0.name) && !(isEntity && hasKeys && $0.name == "id") }.map { property in
                SchemaProperty(name: property.name, type: Self.spelled(property.type), nullable: true, readOnly: draft.isReadOnly(name, property),
                               description: property.description.isEmpty ? nil : property.description, location: nowhere)
            }
            let inheritedNavigation = Set(ancestors.flatMap { draft.navigation[$0]?.map(\.name) ?? [] })
            type.navigation = navigation((draft.navigation[name] ?? []).filter { !inheritedNavigation.contains($0.name) })
            if isEntity {
                type.actions = (draft.actions[name] ?? []).map { action in
                    BoundCall(name: action.name, kind: action.isFunction ? .function : .action, boundToCollection: action.boundToCollection,
                              parameters: action.parameters.map { CallParameter(name: $0.name, type: Self.spelled($0.type), nullable: true, location: nowhere) },
                              returns: action.returns.map(Self.spelled), description: nil, location: nowhere)
                }
            }
            types.append(type)
        }
        // Entity types first, then complex types, each in first-seen order (the writer keeps the order it is given).
        let schema = SchemaDocument(file: file, namespace: namespace, module: options.module ?? "APIClient", baseURL: baseURL, apiVersion: version,
                                    enums: enums, entities: types, root: roots)
        return SchemaYAMLWriter.render(schema, header: [
            "Inferred by `graphgen schema infer` from \(pages.count) pages. Review before use: names and types are guesses where pages are vague."
        ])
    }

    /// A type as the draft spells it (`Collection(recipient)`), as a schema type; only its spelling is written.
    static func spelled(_ text: String) -> GraphType {
        let (name, depth) = TypeSpelling.parse(text)
        var type: GraphType = GraphPrimitive(name: name).map { .primitive($0) } ?? .complex(name)
        for _ in 0..<depth { type = .collection(type) }
        return type
    }
}
