/// Where an example body disagrees with the schema's type for it.
public struct ExampleFinding: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case unknownProperty
        case wrongJSONType(expected: String)
        case notEnumMember(enumName: String)
        /// Every written member is one of the enum's in other letter case (`"HTML"` for `html`).
        case enumMemberCase(enumName: String)
        case placeholderValue
        case malformedDateTime
        case integerOutOfRange(type: String)
        case odataTypeMismatch(expected: String)
        /// `microsoft.graph.x` where OData writes `#microsoft.graph.x`.
        case odataTypeMissingHash
        /// A member spelled with other letter case than the schema's property or parameter (`destinationId`).
        case memberCase(declared: String)
    }

    public var kind: Kind
    /// Wire names from the body's root to the value.
    public var path: [String]
    /// The value as written (string text or number text).
    public var value: String
    public var location: SourceLocation
    /// The type the object holding the value was checked against: the declared type, or the derived type its
    /// `@odata.type` names.
    public var ownerType: String

    /// True when a Codable model cannot decode the body at all.
    public var breaksDecoding: Bool {
        switch kind {
        case .wrongJSONType, .integerOutOfRange: true
        default: false
        }
    }
}

/// Checks example bodies against the schema's types.
public struct ExampleConformance {
    let model: APIModel
    /// Each type's properties by name, then by lowercased name (the first of each wins), and each enum's members,
    /// worked out once: bodies are checked member by member, thousands of them per run.
    private let propertiesByType: [String: [String: ModelProperty]]
    private let propertiesByTypeLowercased: [String: [String: ModelProperty]]
    private let enumMembers: [String: Set<String>]

    public init(model: APIModel) {
        self.model = model
        var exact: [String: [String: ModelProperty]] = [:], lowercased: [String: [String: ModelProperty]] = [:]
        for entity in model.entities where exact[entity.name] == nil {
            exact[entity.name] = Dictionary(entity.properties.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            lowercased[entity.name] = Dictionary(entity.properties.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        }
        propertiesByType = exact
        propertiesByTypeLowercased = lowercased
        enumMembers = Dictionary(model.enums.map { ($0.name, Set($0.members.map(\.name))) }, uniquingKeysWith: { first, _ in first })
    }

    /// Values docs use in place of real ones ("String", "Integer", "String (timestamp)").
    static let placeholders: Set<String> = ["string", "integer", "int32", "int64", "boolean", "double", "guid", "datetimeoffset", "enumeration"]

    static func isPlaceholder(_ text: String) -> Bool {
        let lowered = text.lowercased()
        if placeholders.contains(lowered) { return true }
        return lowered.hasPrefix("string (") || lowered.hasPrefix("string(")
    }

    public func check(_ body: JSONNode, entity: String) -> [ExampleFinding] {
        var findings: [ExampleFinding] = []
        checkObject(body, entity: entity, path: [], into: &findings)
        return findings
    }

    /// An action's request body against its parameters (`owner` names the action in findings).
    public func check(_ body: JSONNode, parameters: [CallParameter], owner: String) -> [ExampleFinding] {
        var findings: [ExampleFinding] = []
        for member in body.members ?? [] where !member.key.hasPrefix("@") {
            guard let parameter = parameters.first(where: { $0.name == member.key }) ?? parameters.first(where: { $0.name.lowercased() == member.key.lowercased() }) else {
                findings.append(ExampleFinding(kind: .unknownProperty, path: [member.key], value: member.key, location: member.keyLocation, ownerType: owner))
                continue
            }
            if parameter.name != member.key {
                findings.append(ExampleFinding(kind: .memberCase(declared: parameter.name), path: [member.key], value: member.key, location: member.keyLocation, ownerType: owner))
            }
            checkValue(member.value, type: parameter.type, owner: owner, path: [member.key], into: &findings)
        }
        return findings
    }

    private func checkObject(_ node: JSONNode, entity declaredName: String, path: [String], into findings: inout [ExampleFinding]) {
        guard let members = node.members, propertiesByType[declaredName] != nil else { return }
        // A value of a base type may be any derived type; its @odata.type says which, and it is checked as that type.
        var entityName = declaredName
        if let typeMember = members.first(where: { $0.key == "@odata.type" }), let written = typeMember.value.string {
            let memberPath = path + [typeMember.key]
            let expected = "#\(model.namespace).\(declaredName)"
            if let named = model.typeName(fromODataType: written), model.type(named, derivesFrom: declaredName) {
                entityName = named
                if !written.hasPrefix("#") {
                    findings.append(ExampleFinding(kind: .odataTypeMissingHash, path: memberPath, value: written, location: typeMember.value.location, ownerType: named))
                }
            } else {
                findings.append(ExampleFinding(kind: .odataTypeMismatch(expected: expected), path: memberPath, value: written, location: typeMember.value.location, ownerType: declaredName))
            }
        }
        guard let entity = model.entity(named: entityName) else { return }
        for member in members {
            let memberPath = path + [member.key]
            // An annotation (`@odata.type`, `photo@odata.mediaEtag`); the byte test first spares most keys the search.
            if member.key.utf8.contains(UInt8(ascii: "@")) && (member.key.hasPrefix("@") || member.key.utf8.contains("@odata.".utf8)) { continue }
            guard let property = propertiesByType[entity.name]?[member.key] ?? propertiesByTypeLowercased[entity.name]?[member.key.lowercased()] else {
                // An open type takes members it does not declare; a navigation property appears when expanded.
                // A complex type that declares nothing (Graph's `Json`) holds any JSON.
                if entity.isOpen || isNavigation(member.key, of: entity) || (entity.kind == .complex && entity.properties.isEmpty) { continue }
                findings.append(ExampleFinding(kind: .unknownProperty, path: memberPath, value: member.key, location: member.keyLocation, ownerType: entity.name))
                continue
            }
            if property.name != member.key {
                findings.append(ExampleFinding(kind: .memberCase(declared: property.name), path: memberPath, value: member.key, location: member.keyLocation, ownerType: entity.name))
            }
            checkValue(member.value, type: property.type, owner: entity.name, path: memberPath, into: &findings)
        }
    }

    /// True when `name` is a navigation property of `entity` or a base (`$expand` puts it in a body).
    private func isNavigation(_ name: String, of entity: ModelEntity) -> Bool {
        var current: ModelEntity? = entity
        var seen: Set<String> = []
        while let type = current, seen.insert(type.name).inserted {
            if type.navigation.contains(where: { $0.name == name }) { return true }
            current = type.base.flatMap { model.entity(named: $0) }
        }
        return false
    }

    private func checkValue(_ node: JSONNode, type: GraphType, owner: String, path: [String], into findings: inout [ExampleFinding]) {
        func add(_ kind: ExampleFinding.Kind, _ value: String) {
            findings.append(ExampleFinding(kind: kind, path: path, value: value, location: node.location, ownerType: owner))
        }
        if case .null = node.value { return }
        switch (type, node.value) {
        case (.collection(let element), .array(let items)):
            for item in items { checkValue(item, type: element, owner: owner, path: path, into: &findings) }
        case (.collection, _):
            add(.wrongJSONType(expected: "array"), shown(node))
        case (.entity(let name), .object), (.complex(let name), .object):
            checkObject(node, entity: name, path: path, into: &findings)
        case (.entity, _), (.complex, _):
            add(.wrongJSONType(expected: "object"), shown(node))
        case (.enumeration(let name), .string(let value)):
            // Flags enums list members separated by commas.
            let members = enumMembers[name] ?? []
            let written = value.split(separator: ",").map { $0.trimmed }
            if !written.allSatisfy(members.contains) {
                let lowercased = Set(members.map { $0.lowercased() })
                if written.allSatisfy({ lowercased.contains($0.lowercased()) }) {
                    add(.enumMemberCase(enumName: name), value)
                } else {
                    add(Self.isPlaceholder(value) ? .placeholderValue : .notEnumMember(enumName: name), value)
                }
            }
        case (.enumeration, _):
            add(.wrongJSONType(expected: "string"), text(node))
        case (.primitive(let primitive), _):
            checkPrimitive(node, primitive, add: add)
        }
    }

    private func checkPrimitive(_ node: JSONNode, _ primitive: GraphPrimitive, add: (ExampleFinding.Kind, String) -> Void) {
        let ranges: [GraphPrimitive: ClosedRange<Int64>] = [
            .int32: Int64(Int32.min)...Int64(Int32.max), .int16: Int64(Int16.min)...Int64(Int16.max),
            .byte: 0...255, .sbyte: -128...127, .int64: Int64.min...Int64.max,
        ]
        switch (primitive, node.value) {
        case (.boolean, .bool), (.untyped, _):
            break
        case (_, .object) where primitive.isSpatial:
            break
        case (.int32, .number(let text)), (.int64, .number(let text)), (.int16, .number(let text)), (.byte, .number(let text)), (.sbyte, .number(let text)):
            guard let value = Int64(text) else {
                add(text.contains(".") || text.lowercased().contains("e") ? .wrongJSONType(expected: "integer") : .integerOutOfRange(type: primitive.rawValue), text)
                return
            }
            if let range = ranges[primitive], !range.contains(value) { add(.integerOutOfRange(type: primitive.rawValue), text) }
        case (.double, .number), (.single, .number), (.decimal, .number):
            break
        case (.dateTimeOffset, .string(let text)):
            if !DateTimeText.isValid(text) { add(Self.isPlaceholder(text) ? .placeholderValue : .malformedDateTime, text) }
        case (.string, .string), (.guid, .string), (.date, .string), (.timeOfDay, .string), (.duration, .string), (.binary, .string), (.stream, .string):
            break
        default:
            let expected: String
            switch primitive {
            case .boolean: expected = "boolean"
            case .int32, .int64, .int16, .byte, .sbyte: expected = "integer"
            case .double, .single, .decimal: expected = "number"
            case _ where primitive.isSpatial: expected = "object"
            default: expected = "string"
            }
            add(.wrongJSONType(expected: expected), shown(node))
        }
    }

    /// A value of the wrong JSON type as JSON writes it, so `"true"` (a string) reads apart from `true`.
    private func shown(_ node: JSONNode) -> String {
        if case .string(let text) = node.value { return JSONValue.quote(text) }
        return text(node)
    }

    private func text(_ node: JSONNode) -> String {
        switch node.value {
        case .string(let text), .number(let text): text
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        case .array: "[…]"
        case .object: "{…}"
        }
    }
}

/// RFC 3339 date-time text as Graph writes DateTimeOffset.
enum DateTimeText {
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func digits(_ start: Int, _ count: Int) -> Bool {
            start + count <= bytes.count && bytes[start..<(start + count)].allSatisfy { $0 >= 48 && $0 <= 57 }
        }
        guard bytes.count >= 20, digits(0, 4), bytes[4] == 45, digits(5, 2), bytes[7] == 45, digits(8, 2),
              bytes[10] == 84 || bytes[10] == 116, digits(11, 2), bytes[13] == 58, digits(14, 2), bytes[16] == 58, digits(17, 2) else { return false }
        var index = 19
        if bytes[index] == 46 {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            if index == start { return false }
        }
        guard index < bytes.count else { return false }
        if bytes[index] == 90 || bytes[index] == 122 { return index + 1 == bytes.count }
        guard bytes[index] == 43 || bytes[index] == 45 else { return false }
        return index + 6 == bytes.count && digits(index + 1, 2) && bytes[index + 3] == 58 && digits(index + 4, 2)
    }
}
