import Foundation

/// Turns every documented example body into a generated test: a round trip, with assertions of what the model
/// reads from it where the schema contradicts the example or the example names a derived type.
struct ExampleTestPlanner {
    typealias Assertion = ExampleTestsContext.Assertion

    let model: APIModel
    let names: TypeNames
    /// Built once: it indexes every type's properties.
    private let conformance: ExampleConformance

    /// `conformance` is the model's index, when the caller has made one for other planners too.
    init(model: APIModel, names: TypeNames, conformance: ExampleConformance? = nil) {
        self.model = model
        self.names = names
        self.conformance = conformance ?? ExampleConformance(model: model)
    }

    private struct Body {
        var node: JSONNode
        var text: String
        var role: String
        var example: Int
        var operation: ModelOperation
        var location: SourceLocation
        var annotationName: String?
    }

    /// The tests by type; their bodies go in `bodies`, which the request tests share.
    func groups(bodies table: inout DocumentedBodyTable) -> [ExampleTestsContext] {
        let bodies = bodies()
        let targets = Parallel.map(bodies, decodeTarget)
        // The same text decoded as the same type checks the same things (a create page and an update page often show
        // one body): it gets one test, which names every place it is documented.
        var firstOfBody: [String: Int] = [:]
        var repeats: [Int: [Int]] = [:]
        var distinct: [Int] = []
        for (index, body) in bodies.enumerated() {
            let key = [targets[index].modelType ?? "", targets[index].swiftType, body.text].joined(separator: "\u{0}")
            if let first = firstOfBody[key] {
                repeats[first, default: []].append(index)
            } else {
                firstOfBody[key] = index
                distinct.append(index)
            }
        }
        // Planning is independent per body and runs on every core; names are given out in body order.
        let tests = Parallel.map(distinct) { plan(bodies[$0], modelType: targets[$0].modelType, swiftType: targets[$0].swiftType) }
        var byType: [String: [ExampleTestsContext.Test]] = [:]
        var functionNames = NameAllocator()
        for (position, index) in distinct.enumerated() {
            let body = bodies[index]
            var test = tests[position]
            test.functionName = functionNames.unique(functionName(for: body), separator: "_")
            test.body = table.reference(body.text, at: body.location, typeName: targets[index].group)
            test.alsoDocumented = (repeats[index] ?? []).map { bodies[$0].location.fileAndLine }
            byType[targets[index].group, default: []].append(test)
        }
        return byType.keys.sorted().map { key in
            ExampleTestsContext(typeName: key, className: "", tests: byType[key] ?? [])
        }
    }

    private func bodies() -> [Body] {
        var result: [Body] = []
        for operation in model.operations {
            for example in operation.examples {
                if let request = example.request, let node = request.body, let text = request.bodyText {
                    result.append(Body(node: node, text: text, role: "request", example: example.index, operation: operation, location: request.location, annotationName: example.name))
                }
                if let response = example.response, let node = response.body, let text = response.bodyText {
                    result.append(Body(node: node, text: text, role: "response", example: example.index, operation: operation, location: response.location, annotationName: example.name))
                }
            }
        }
        return result.sorted { $0.location < $1.location }
    }

    /// The model type the body should decode into, its Swift spelling, and the test group it goes in.
    private func decodeTarget(for body: Body) -> (modelType: String?, swiftType: String, group: String) {
        if let call = body.operation.call { return callTarget(for: body, call: call) }
        let typeName = body.role == "request" ? body.operation.requestType : body.operation.responseType
        guard let typeName else { return (nil, "JSONValue", "Untyped") }
        let parsed = TypeSpelling.parse(typeName)
        guard let entity = model.entity(named: parsed.name) else { return (nil, "JSONValue", "Untyped") }
        let swift = names.swift(entity.name)
        if parsed.collectionDepth > 0 { return (parsed.collectionDepth == 1 ? entity.name : nil, "CollectionResponse<\(swift)>", swift) }
        return (entity.name, swift, swift)
    }

    /// An action's request body decodes as its parameters struct when it uses only declared parameters, each as its
    /// type allows; a call's response as its return type.
    private func callTarget(for body: Body, call: ModelCall) -> (modelType: String?, swiftType: String, group: String) {
        let group = names.swift(call.declaringType)
        if body.role == "request" {
            guard let parameters = names.calls[call.key]?.parameters,
                  !conformance.check(body.node, parameters: call.parameters, owner: call.name).contains(where: Self.losesData) else {
                return (nil, "JSONValue", group)
            }
            return (nil, parameters, group)
        }
        guard let returns = call.returns else { return (nil, "JSONValue", group) }
        let swift = SwiftTypes.name(of: returns.element, typeNames: names.byModelName)
        switch returns {
        case .entity(let name), .complex(let name): return (name, swift, group)
        case .collection(.entity(let name)), .collection(.complex(let name)): return (name, "CollectionResponse<\(swift)>", group)
        case .collection: return (nil, "CollectionResponse<\(swift)>", group)
        case .primitive, .enumeration: return (nil, "ValueResponse<\(swift)>", group)
        }
    }

    /// A finding that makes a parameters struct's decode → encode round trip fail: a value of the wrong type, or a
    /// member it has no place for (models keep every member).
    static func losesData(_ finding: ExampleFinding) -> Bool {
        guard !finding.breaksDecoding else { return true }
        switch finding.kind {
        // Decoding drops a top-level member it does not know, or knows only in other letter case.
        case .unknownProperty, .memberCase: return finding.path.count == 1
        default: return false
        }
    }

    private func functionName(for body: Body) -> String {
        "test_\(Self.fileStem(body.location.file))_example\(body.example)_\(body.role)"
    }

    /// A page's file name without folder or extension, as identifier characters.
    static func fileStem(_ path: String) -> String {
        let file = ((path as NSString).deletingPathExtension as NSString).lastPathComponent
        // Most names are ASCII: their bytes are mapped without a Unicode property lookup per character.
        if file.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: file.utf8.map { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) ? byte : UInt8(ascii: "_")
            }, as: UTF8.self)
        }
        return String(file.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// A test without its function name, which is given out in body order once every body is planned.
    private func plan(_ body: Body, modelType: String?, swiftType: String) -> ExampleTestsContext.Test {
        ExampleTestsContext.Test(
            functionName: "",
            title: "\(body.operation.method) \(body.operation.path) — example \(body.example) \(body.role)" + (body.annotationName.map { " (\($0))" } ?? ""),
            source: body.location.fileAndLine,
            body: "",
            swiftType: swiftType,
            assertions: assertions(body, modelType: modelType, swiftType: swiftType))
    }

    private func assertions(_ body: Body, modelType: String?, swiftType: String) -> [Assertion] {
        guard let modelType, let entity = model.entity(named: modelType) else { return [.touchesValue] }
        if swiftType.hasPrefix("CollectionResponse<") {
            // A list's items may each be a different derived type.
            guard case .array(let items)? = body.node["value"]?.value else { return [.touchesValue] }
            var result: [Assertion] = []
            for (index, item) in items.enumerated() where item.members != nil {
                if conformance.check(item, entity: modelType).contains(where: \.breaksDecoding) { return [.touchesValue] }
                result += derivedAssertions(for: item, declared: modelType, accessor: "value.value[\(index)]", label: "item\(index)")
            }
            return result.isEmpty ? [.touchesValue] : result
        }
        let findings = conformance.check(body.node, entity: modelType)
        let result = assertions(for: body.node, entity: entity, findings: findings)
            + derivedAssertions(for: body.node, declared: modelType, accessor: "value", label: "derived")
        return result.isEmpty ? [.touchesValue] : result
    }

    /// A value whose `@odata.type` names a type derived from the one it decodes as: `derived(as:)` gives the derived
    /// type, whose properties read the members the base does not declare.
    private func derivedAssertions(for node: JSONNode, declared: String, accessor: String, label: String) -> [Assertion] {
        guard let odataType = node["@odata.type"]?.string, let base = model.entity(named: declared) else { return [] }
        let declaredByBase = Set(base.properties.map(\.name))
        let own = (node.members ?? []).filter { !declaredByBase.contains($0.key) && !$0.key.hasPrefix("@") && $0.value.value != .null }
        guard let derivedName = model.typeName(fromODataType: odataType) else {
            // A type this schema does not know: its members are kept all the same.
            return own.map { .keepsMember(.init(accessor: accessor, key: SwiftText.stringLiteralContent($0.key))) }
        }
        guard derivedName != declared, model.type(derivedName, derivesFrom: declared), let derived = model.entity(named: derivedName) else { return [] }
        let swiftNames = Dictionary(zip(derived.properties.map(\.name), names.properties(of: derived)), uniquingKeysWith: { first, _ in first })
        // A type of the same family that the value is not is refused.
        let other = model.entities.first { $0.name != derivedName && $0.name != declared && model.type($0.name, derivesFrom: declared)
                                           && !model.type(derivedName, derivesFrom: $0.name) }
        return [.derived(.init(accessor: accessor, label: label, typeName: names.swift(derivedName), properties: own.compactMap { swiftNames[$0.key] },
                               refused: other.map { names.swift($0.name) }))]
    }

    /// What the model keeps of values the schema contradicts, and that valid date-times parse.
    private func assertions(for node: JSONNode, entity: ModelEntity, findings: [ExampleFinding]) -> [Assertion] {
        let swiftNames = Dictionary(zip(entity.properties.map(\.name), names.properties(of: entity)), uniquingKeysWith: { first, _ in first })
        var result: [Assertion] = []
        for finding in findings where finding.path.count == 1 {
            let key = finding.path[0]
            if finding.breaksDecoding, let swift = swiftNames[key] {
                result.append(.readsNothing(.init(property: swift, key: SwiftText.stringLiteralContent(key))))
                continue
            }
            switch finding.kind {
            case .odataTypeMismatch:
                result.append(.odataTypeIs(.init(text: SwiftText.stringLiteralContent(finding.value))))
            case .unknownProperty, .memberCase:
                // Decoding matches member names exactly: a member spelled with other letter case is kept as unknown.
                result.append(.keepsMember(.init(accessor: "value", key: SwiftText.stringLiteralContent(key))))
            case .notEnumMember, .enumMemberCase, .placeholderValue, .malformedDateTime:
                guard let property = entity.properties.first(where: { $0.name == key }), let swift = swiftNames[key] else { continue }
                switch property.type {
                case .enumeration(let name):
                    result.append(.enumKeepsText(.init(property: swift, text: SwiftText.stringLiteralContent(finding.value), enumType: names.swift(name))))
                case .primitive(.dateTimeOffset):
                    result.append(.dateTimeKept(.init(property: swift, text: SwiftText.stringLiteralContent(finding.value), parses: false)))
                default: break
                }
            default:
                break
            }
        }
        for member in node.members ?? [] {
            guard let property = entity.properties.first(where: { $0.name == member.key }), property.type == .primitive(.dateTimeOffset),
                  let text = member.value.string, DateTimeText.isValid(text), let swift = swiftNames[member.key] else { continue }
            result.append(.dateTimeKept(.init(property: swift, text: SwiftText.stringLiteralContent(text), parses: true)))
        }
        // An expanded navigation property (`$expand=manager`) reads as its typed member.
        let memberNames = Dictionary(zip(entity.members.map(\.name), names.members(of: entity)), uniquingKeysWith: { first, _ in first })
        for member in node.members ?? [] {
            guard let navigation = entity.navigationProperties.first(where: { $0.name == member.key }), let swift = memberNames[member.key] else { continue }
            switch (navigation.type, member.value.value) {
            case (.collection, .array(let items)) where items.allSatisfy({ $0.members != nil }):
                result.append(.expanded(.init(property: swift, count: items.count)))
            case (.entity, .object):
                result.append(.expanded(.init(property: swift, count: nil)))
            default: break
            }
        }
        // A flags value naming several members reads as those members.
        for member in node.members ?? [] {
            guard let property = entity.properties.first(where: { $0.name == member.key }), case .enumeration(let name) = property.type,
                  let item = model.enumeration(named: name), item.isFlags, let text = member.value.string, text.contains(","),
                  let swift = swiftNames[member.key] else { continue }
            let cases = names.cases(of: item)
            let named = text.split(separator: ",").map { part in item.members.firstIndex { $0.name == part.trimmed }.map { cases[$0] } }
            guard named.allSatisfy({ $0 != nil }) else { continue }
            let members = named.compactMap { $0 }
            result.append(.flagsMembers(.init(property: swift, members: members.enumerated().map { .init(name: $1, isLast: $0 == members.count - 1) })))
        }
        return result
    }
}
