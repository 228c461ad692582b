/// Decodes a schema from YAML nodes; unknown keys, wrong shapes and unknown types are located errors.
public enum SchemaDecoder {
    public static func read(path: String, displayPath: String) throws -> SchemaDocument {
        let text = try InputFile.readText(path, displayPath: displayPath)
        return try decode(text, file: displayPath)
    }

    public static func decode(_ text: String, file: String) throws -> SchemaDocument {
        guard let root = try YAMLReader.parse(text, file: file) else {
            throw DiagnosticError(.error("schema is empty", at: SourceLocation(file: file, line: 1), rule: "schema-shape"))
        }
        var decoder = Decoding(file: file)
        let document = decoder.document(root)
        decoder.resolveTypes(document)
        try decoder.diagnostics.throwIfErrors()
        guard let document else {
            throw DiagnosticError(.error("schema could not be read", at: root.location, rule: "schema-shape"))
        }
        return decoder.resolved(document)
    }
}

private struct Decoding {
    let file: String
    var diagnostics = DiagnosticCollector()
    /// Property types as written, in declaration order, resolved once every name is known.
    private var pendingTypes: [Located<String>] = []
    /// Action parameter and return types as written, in declaration order (parameters, then the return type).
    private var pendingCallTypes: [Located<String>] = []
    /// The `type` of each typed root, checked once every name is known.
    private var typedRoots: [Located<String>] = []

    init(file: String) {
        self.file = file
    }

    private mutating func fail(_ message: String, at location: SourceLocation, rule: String = "schema-shape") {
        diagnostics.add(.error(message, at: location, rule: rule))
    }

    /// Checks a mapping's keys against the allowed set and returns its pairs.
    private mutating func mapping(_ node: YAMLNode, allowed: Set<String>, what: String) -> [String: YAMLNode]? {
        guard let pairs = node.mapping else {
            fail("\(what) must be a mapping, found \(node.kindName)", at: node.location)
            return nil
        }
        var result: [String: YAMLNode] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar else {
                fail("\(what) keys must be scalars", at: pair.key.location)
                continue
            }
            guard allowed.contains(key) else {
                fail("unknown key '\(key)' in \(what) (expected one of: \(allowed.sorted().joined(separator: ", ")))", at: pair.key.location, rule: "schema-unknown-key")
                continue
            }
            result[key] = pair.value
        }
        return result
    }

    private mutating func string(_ node: YAMLNode?, _ what: String, required: Bool = false, parent: YAMLNode) -> Located<String>? {
        guard let node else {
            if required { fail("missing required key '\(what)'", at: parent.location) }
            return nil
        }
        guard let text = node.scalar, !node.isNull else {
            fail("'\(what)' must be a string, found \(node.kindName)", at: node.location)
            return nil
        }
        return Located(text, at: node.location)
    }

    private mutating func bool(_ node: YAMLNode?, _ what: String, default value: Bool) -> Bool {
        guard let node else { return value }
        switch node.scalar {
        case "true", "yes", "True": return true
        case "false", "no", "False": return false
        default:
            fail("'\(what)' must be true or false", at: node.location)
            return value
        }
    }

    private mutating func list(_ node: YAMLNode?, _ what: String) -> [YAMLNode] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.sequence else {
            fail("'\(what)' must be a sequence, found \(node.kindName)", at: node.location)
            return []
        }
        return items
    }

    mutating func document(_ root: YAMLNode) -> SchemaDocument? {
        let keys: Set<String> = ["namespace", "module", "baseURL", "apiVersion", "enums", "entities", "complexTypes", "root"]
        guard let map = mapping(root, allowed: keys, what: "schema") else { return nil }
        let namespace = string(map["namespace"], "namespace", required: true, parent: root)?.value ?? ""
        let moduleName = string(map["module"], "module", required: true, parent: root)
        if let moduleName, let problem = ModuleName.problem(moduleName.value) { fail(problem, at: moduleName.location) }
        let module = moduleName?.value ?? ""
        let baseURL = string(map["baseURL"], "baseURL", parent: root)?.value ?? "https://graph.microsoft.com"
        let apiVersion = string(map["apiVersion"], "apiVersion", parent: root)?.value ?? "v1.0"
        let enums = list(map["enums"], "enums").compactMap { enumeration($0) }
        var entities = list(map["entities"], "entities").compactMap { entity($0, kind: .entity) }
        entities += list(map["complexTypes"], "complexTypes").compactMap { entity($0, kind: .complex) }
        let root = list(map["root"], "root").compactMap { singleton($0) }
        checkUnique(enums.map { Located($0.name, at: $0.location) } + entities.map { Located($0.name, at: $0.location) }, what: "type")
        return SchemaDocument(file: file, namespace: namespace, module: module, baseURL: baseURL, apiVersion: apiVersion, enums: enums, entities: entities, root: root)
    }

    private mutating func checkUnique(_ names: [Located<String>], what: String) {
        var seen: [String: SourceLocation] = [:]
        for name in names {
            if let first = seen[name.value] {
                fail("duplicate \(what) '\(name.value)' (first declared at \(first))", at: name.location, rule: "schema-duplicate")
            } else {
                seen[name.value] = name.location
            }
        }
    }

    private mutating func enumeration(_ node: YAMLNode) -> SchemaEnum? {
        guard let map = mapping(node, allowed: ["name", "description", "members", "flags"], what: "enum") else { return nil }
        guard let name = string(map["name"], "name", required: true, parent: node) else { return nil }
        if let problem = TypeName.problem(name.value) { fail(problem, at: name.location) }
        var members: [SchemaEnumMember] = []
        for item in list(map["members"], "members") {
            if let text = item.scalar {
                members.append(SchemaEnumMember(name: text, value: nil, description: nil, location: item.location))
            } else if let memberMap = mapping(item, allowed: ["name", "value", "description"], what: "enum member"),
                      let memberName = string(memberMap["name"], "name", required: true, parent: item) {
                members.append(SchemaEnumMember(
                    name: memberName.value, value: string(memberMap["value"], "value", parent: item)?.value,
                    description: string(memberMap["description"], "description", parent: item)?.value, location: item.location))
            }
        }
        // `members: []` says the members are unknown (metadata declares such enums); a missing list is a mistake.
        if members.isEmpty && map["members"]?.sequence == nil { fail("enum '\(name.value)' has no members", at: node.location) }
        checkUnique(members.map { Located($0.name, at: $0.location) }, what: "member of enum '\(name.value)'")
        return SchemaEnum(name: name.value, description: string(map["description"], "description", parent: node)?.value, members: members, location: name.location,
                          isFlags: bool(map["flags"], "flags", default: false))
    }

    private mutating func entity(_ node: YAMLNode, kind: SchemaEntity.Kind) -> SchemaEntity? {
        let keys: Set<String> = kind == .entity ? ["name", "base", "abstract", "open", "description", "properties", "navigation", "actions", "hasStream", "key", "alternateKeys"]
            : ["name", "base", "abstract", "open", "description", "properties", "navigation"]
        guard let map = mapping(node, allowed: keys, what: kind == .entity ? "entity" : "complex type") else { return nil }
        guard let name = string(map["name"], "name", required: true, parent: node) else { return nil }
        if let problem = TypeName.problem(name.value) { fail(problem, at: name.location) }
        var properties: [SchemaProperty] = []
        for item in list(map["properties"], "properties") {
            guard let propertyMap = mapping(item, allowed: ["name", "type", "nullable", "readOnly", "description"], what: "property"),
                  let propertyName = string(propertyMap["name"], "name", required: true, parent: item),
                  let type = string(propertyMap["type"], "type", required: true, parent: item) else { continue }
            pendingTypes.append(type)
            properties.append(SchemaProperty(
                name: propertyName.value, type: .primitive(.string), nullable: bool(propertyMap["nullable"], "nullable", default: true),
                readOnly: bool(propertyMap["readOnly"], "readOnly", default: false),
                description: string(propertyMap["description"], "description", parent: item)?.value, location: propertyName.location))
        }
        checkUnique(properties.map { Located($0.name, at: $0.location) }, what: "property of '\(name.value)'")
        let navigation = list(map["navigation"], "navigation").compactMap { self.navigation($0) }
        let actions = list(map["actions"], "actions").compactMap { self.action($0) }
        checkUnique(actions.map { Located($0.signature, at: $0.location) }, what: "action or function of '\(name.value)'")
        for action in actions where !action.boundToCollection && navigation.contains(where: { $0.name == action.name }) {
            fail("the action or function '\(action.name)' has the name of a navigation property of '\(name.value)'", at: action.location)
        }
        var key: [String]?
        if let keyNode = map["key"] {
            key = list(keyNode, "key").compactMap { item in
                guard let text = item.scalar, !item.isNull else {
                    fail("'key' lists property names, found \(item.kindName)", at: item.location)
                    return nil
                }
                if !properties.contains(where: { $0.name == text }) { fail("key property '\(text)' is not a property of '\(name.value)'", at: item.location) }
                return text
            }
            if key?.isEmpty == true { fail("'key' names no property", at: keyNode.location) }
        }
        let alternateKeyItems = list(map["alternateKeys"], "alternateKeys")
        let alternateKeys = alternateKeyItems.compactMap { item -> String? in
            guard let text = item.scalar, !item.isNull else {
                fail("'alternateKeys' lists property names, found \(item.kindName)", at: item.location)
                return nil
            }
            if !properties.contains(where: { $0.name == text }) { fail("alternate key property '\(text)' is not a property of '\(name.value)'", at: item.location) }
            return text
        }
        checkUnique(alternateKeyItems.compactMap { item in item.scalar.map { Located($0, at: item.location) } }, what: "alternate key of '\(name.value)'")
        return SchemaEntity(
            name: name.value, kind: kind, base: string(map["base"], "base", parent: node),
            abstract: bool(map["abstract"], "abstract", default: false), description: string(map["description"], "description", parent: node)?.value,
            properties: properties, navigation: navigation, location: name.location, actions: actions,
            isOpen: bool(map["open"], "open", default: false), hasStream: bool(map["hasStream"], "hasStream", default: false), key: key,
            alternateKeys: alternateKeys)
    }

    private mutating func action(_ node: YAMLNode) -> BoundCall? {
        let keys: Set<String> = ["name", "kind", "bound", "parameters", "returns", "description", "namespace", "composable"]
        guard let map = mapping(node, allowed: keys, what: "action"),
              let name = string(map["name"], "name", required: true, parent: node) else { return nil }
        if let problem = TypeName.problem(name.value) ?? (name.value.contains(".") ? "the name '\(name.value)' must not contain '.'" : nil) {
            fail(problem.replacingOccurrences(of: "type name", with: "action name"), at: name.location)
        }
        var kind = BoundCall.Kind.action
        if let text = string(map["kind"], "kind", parent: node) {
            if let value = BoundCall.Kind(rawValue: text.value) { kind = value } else { fail("'kind' must be action or function", at: text.location) }
        }
        let namespace = string(map["namespace"], "namespace", parent: node)
        if let namespace, !Self.isQualifiedName(namespace.value) {
            fail("'namespace' must be a dotted name (letters, digits, '_'), e.g. microsoft.graph.security", at: namespace.location)
        }
        var boundToCollection = false
        if let text = string(map["bound"], "bound", parent: node) {
            switch text.value {
            case "entity": boundToCollection = false
            case "collection": boundToCollection = true
            default: fail("'bound' must be entity or collection", at: text.location)
            }
        }
        var parameters: [CallParameter] = []
        for item in list(map["parameters"], "parameters") {
            guard let parameterMap = mapping(item, allowed: ["name", "type", "nullable"], what: "parameter"),
                  let parameterName = string(parameterMap["name"], "name", required: true, parent: item),
                  let type = string(parameterMap["type"], "type", required: true, parent: item) else { continue }
            pendingCallTypes.append(type)
            parameters.append(CallParameter(
                name: parameterName.value, type: .primitive(.string), nullable: bool(parameterMap["nullable"], "nullable", default: true), location: parameterName.location))
        }
        checkUnique(parameters.map { Located($0.name, at: $0.location) }, what: "parameter of '\(name.value)'")
        let returns = string(map["returns"], "returns", parent: node)
        if let returns { pendingCallTypes.append(returns) }
        let composable = bool(map["composable"], "composable", default: false)
        if composable, kind != .function { fail("only a function can be composable", at: name.location) }
        return BoundCall(
            name: name.value, kind: kind, boundToCollection: boundToCollection, parameters: parameters,
            returns: returns.map { _ in .primitive(.string) }, description: string(map["description"], "description", parent: node)?.value,
            location: name.location, namespace: namespace?.value, composable: composable)
    }

    /// `microsoft.graph.security`: identifiers joined by single dots.
    static func isQualifiedName(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            guard let first = part.first, first.isLetter || first == "_" else { return false }
            return part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        }
    }

    private mutating func navigation(_ node: YAMLNode) -> NavigationProperty? {
        let keys: Set<String> = ["name", "target", "collection", "contained", "operations", "description"]
        guard let map = mapping(node, allowed: keys, what: "navigation property"),
              let name = string(map["name"], "name", required: true, parent: node),
              let target = string(map["target"], "target", required: true, parent: node) else { return nil }
        return NavigationProperty(
            name: name.value, target: target.value, collection: bool(map["collection"], "collection", default: true),
            contained: bool(map["contained"], "contained", default: true), operations: operations(map["operations"]),
            description: string(map["description"], "description", parent: node)?.value, location: name.location)
    }

    private mutating func operations(_ node: YAMLNode?) -> [Located<OperationKind>] {
        var operations: [Located<OperationKind>] = []
        for item in list(node, "operations") {
            guard let text = item.scalar, let kind = OperationKind(rawValue: text), OperationKind.navigationKinds.contains(kind) else {
                let allowed = OperationKind.navigationKinds.map(\.rawValue).joined(separator: ", ")
                fail("unknown operation '\(item.scalar ?? item.kindName)' (expected one of: \(allowed))", at: item.location)
                continue
            }
            operations.append(Located(kind, at: item.location))
        }
        return operations
    }

    private mutating func singleton(_ node: YAMLNode) -> EntryPoint? {
        let keys: Set<String> = ["name", "navigation", "type", "collection", "operations", "description"]
        guard let map = mapping(node, allowed: keys, what: "root entry"),
              let name = string(map["name"], "name", required: true, parent: node) else { return nil }
        let type = string(map["type"], "type", parent: node)
        if type == nil {
            for key in ["collection", "operations"] where map[key] != nil {
                fail("'\(key)' needs 'type': only a typed root (a singleton or entity set) has operations of its own", at: map[key]?.location ?? node.location)
            }
        } else if let listed = map["navigation"] {
            fail("a typed root takes its navigation from its type; list it there, not under the root", at: listed.location)
        }
        typedRoots.append(contentsOf: type.map { [$0] } ?? [])
        return EntryPoint(name: name.value, navigation: list(map["navigation"], "navigation").compactMap { navigation($0) }, location: name.location,
                          type: type?.value, collection: bool(map["collection"], "collection", default: false), operations: operations(map["operations"]),
                          description: string(map["description"], "description", parent: node)?.value)
    }

    // MARK: Name resolution

    private var resolvedTypes: [String: [GraphType]] = [:]
    private var resolvedCallTypes: [String: [GraphType]] = [:]

    /// Checks every type name, base and navigation target; remembers property types for `resolved`.
    mutating func resolveTypes(_ document: SchemaDocument?) {
        guard let document else { return }
        let enumNames = Set(document.enums.map(\.name))
        let entityKinds = Dictionary(document.entities.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
        func resolve(_ spelling: Located<String>) -> GraphType {
            let parsed = TypeSpelling.parse(spelling.value)
            var type: GraphType
            if let primitive = GraphPrimitive(name: parsed.name) {
                type = .primitive(primitive)
            } else if enumNames.contains(parsed.name) {
                type = .enumeration(parsed.name)
            } else if let kind = entityKinds[parsed.name] {
                type = kind == .entity ? .entity(parsed.name) : .complex(parsed.name)
            } else {
                fail("unknown type '\(parsed.name)' (not a Graph primitive, enum, entity or complex type in this schema)", at: spelling.location, rule: "schema-unknown-type")
                type = .primitive(.string)
            }
            for _ in 0..<parsed.collectionDepth { type = .collection(type) }
            return type
        }
        var cursor = 0
        var callCursor = 0
        for entity in document.entities {
            var callTypes: [GraphType] = []
            for action in entity.actions {
                for _ in 0..<(action.parameters.count + (action.returns == nil ? 0 : 1)) where callCursor < pendingCallTypes.count {
                    callTypes.append(resolve(pendingCallTypes[callCursor]))
                    callCursor += 1
                }
            }
            resolvedCallTypes[entity.name] = callTypes
            var types: [GraphType] = []
            for _ in entity.properties {
                guard cursor < pendingTypes.count else { break }
                types.append(resolve(pendingTypes[cursor]))
                cursor += 1
            }
            resolvedTypes[entity.name] = types
            if let base = entity.base, entityKinds[base.value] == nil {
                fail("unknown base type '\(base.value)'", at: base.location, rule: "schema-unknown-type")
            }
            checkTargets(entity.navigation, kinds: entityKinds)
        }
        for singleton in document.root { checkTargets(singleton.navigation, kinds: entityKinds) }
        for type in typedRoots where entityKinds[type.value] != .entity {
            fail("root type '\(type.value)' is not an entity type of this schema", at: type.location, rule: "schema-unknown-type")
        }
        checkBaseCycles(document)
    }

    private mutating func checkTargets(_ navigation: [NavigationProperty], kinds: [String: SchemaEntity.Kind]) {
        for nav in navigation where kinds[nav.target] != .entity {
            fail("navigation '\(nav.name)' targets unknown entity type '\(nav.target)'", at: nav.location, rule: "schema-unknown-type")
        }
    }

    private mutating func checkBaseCycles(_ document: SchemaDocument) {
        for entity in document.entities {
            var seen: Set<String> = [entity.name]
            var current = entity.base?.value
            while let name = current {
                if seen.contains(name) {
                    fail("base types of '\(entity.name)' form a cycle", at: entity.location)
                    break
                }
                seen.insert(name)
                current = document.entity(named: name)?.base?.value
            }
        }
    }

    func resolved(_ document: SchemaDocument) -> SchemaDocument {
        var document = document
        // One assignment: each change to `entities` re-indexes them.
        document.entities = document.entities.map { entity in
            var entity = entity
            let types = resolvedTypes[entity.name] ?? []
            for (propertyIndex, type) in types.enumerated() where propertyIndex < entity.properties.count {
                entity.properties[propertyIndex].type = type
            }
            var callTypes = (resolvedCallTypes[entity.name] ?? [])[...]
            for actionIndex in entity.actions.indices {
                for parameterIndex in entity.actions[actionIndex].parameters.indices {
                    if let type = callTypes.popFirst() { entity.actions[actionIndex].parameters[parameterIndex].type = type }
                }
                if entity.actions[actionIndex].returns != nil { entity.actions[actionIndex].returns = callTypes.popFirst() }
            }
            return entity
        }
        return document
    }
}
