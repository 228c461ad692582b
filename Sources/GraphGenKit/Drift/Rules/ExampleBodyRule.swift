/// Example bodies against the schema: unknown members, wrong JSON types, enum values, placeholders,
/// date-times and `@odata.type`, in bodies and in the annotations before them.
enum ExampleBodyRule {
    static func check(_ context: DriftContext) -> [DriftFinding] {
        var findings: [DriftFinding] = []
        let model = context.model
        for operation in model.operations {
            for example in operation.examples {
                if let request = example.request, let body = request.body, let entity = requestEntity(operation) {
                    findings += conformance(body, entity: entity, context: context)
                }
                if let call = operation.call, call.kind == .action, let body = example.request?.body {
                    findings += describe(context.conformance.check(body, parameters: call.parameters, owner: call.name), context: context, call: call)
                }
                guard let response = example.response else { continue }
                if let body = response.body, let (entity, isCollection) = responseEntity(operation, context: context) {
                    if isCollection, case .array(let items)? = body["value"]?.value {
                        for item in items { findings += conformance(item, entity: entity, context: context) }
                    } else if !isCollection, let wrapped = collectionWrapper(body, entity: entity, context: context) {
                        findings.append(DriftFinding(
                            rule: .exampleValueWrapper, message: "the response example wraps one \(entity) in 'value', the shape of a collection response; the operation returns the \(entity) itself",
                            location: wrapped.keyLocation, related: context.model.entity(named: entity)?.source,
                            hint: "put the \(entity)'s members at the top level of the body"))
                        findings += conformance(wrapped.value, entity: entity, context: context)
                    } else if !isCollection {
                        findings += conformance(body, entity: entity, context: context)
                    }
                }
                // `Edm.Stream` (or another primitive) over a response without a JSON body documents binary content.
                if let odataType = response.odataType, let target = operation.target,
                   !(odataType.value.hasPrefix("Edm.") && response.body == nil) {
                    let written = odataType.value
                    let expected = "\(model.namespace).\(target)"
                    // A response of a base type may be documented as one of its derived types; a list's as a
                    // collection of them (`Collection(microsoft.graph.driveItem)`).
                    let (element, depth) = TypeSpelling.parse(written)
                    let depths = operation.kind == .list ? 0...1 : 0...0
                    let named = depths.contains(depth) ? model.typeName(fromODataType: element) : nil
                    if !(named.map { model.type($0, derivesFrom: target) } ?? false) {
                        findings.append(DriftFinding(
                            rule: .exampleODataType, message: "the response annotation names @odata.type '\(written)'; the schema's type is '\(expected)'",
                            location: odataType.location, related: model.entity(named: target)?.source, hint: "write \"@odata.type\": \"\(expected)\""))
                    }
                }
            }
        }
        return findings
    }

    private static func requestEntity(_ operation: ModelOperation) -> String? {
        switch operation.kind {
        case .create?, .update?: operation.target
        default: nil
        }
    }

    private static func responseEntity(_ operation: ModelOperation, context: DriftContext) -> (String, Bool)? {
        switch operation.call?.returns {
        case .entity(let name)?, .complex(let name)?: return (name, false)
        case .collection(.entity(let name))?, .collection(.complex(let name))?: return (name, true)
        default: break
        }
        guard let target = operation.target else { return nil }
        switch operation.kind {
        case .create?, .update?, .get?: return (target, false)
        case .list?: return (target, true)
        default: return nil
        }
    }

    /// `{"value": {…}}` for one entity whose type has no `value` property: the collection shape around a single object.
    private static func collectionWrapper(_ body: JSONNode, entity: String, context: DriftContext) -> JSONNode.Member? {
        guard context.model.entity(named: entity)?.properties.contains(where: { $0.name == "value" }) != true else { return nil }
        return body.objectWrappedInValue
    }

    private static func conformance(_ body: JSONNode, entity: String, context: DriftContext) -> [DriftFinding] {
        describe(context.conformance.check(body, entity: entity), context: context)
    }

    /// - Parameter call: the action whose parameters the body's top-level members are.
    private static func describe(_ findings: [ExampleFinding], context: DriftContext, call: ModelCall? = nil) -> [DriftFinding] {
        findings.map { finding in
            // Messages name the type the holding object was checked as: a nested or derived type, not the outer one.
            let entity = finding.ownerType
            let schemaEntity = context.model.entity(named: entity)
            let name = finding.path.joined(separator: ".")
            let written = finding.path.last?.lowercased()
            let parameter = call.flatMap { call in finding.path.count == 1 ? call.parameters.first { $0.name.lowercased() == written } : nil }
            let property = schemaEntity?.properties.first { $0.name.lowercased() == written }
            let declared = parameter.map { "\($0.type)" } ?? property.map { "\($0.type)" } ?? "?"
            let related = parameter?.location ?? property?.source ?? schemaEntity?.source
            switch finding.kind {
            case .unknownProperty where call != nil && finding.path.count == 1:
                return DriftFinding(rule: .exampleUnknownProperty, message: "the example has '\(name)', which is not a parameter of the action \(call?.name ?? "")",
                                    location: finding.location, related: nil, hint: "remove it from the example or add the parameter to the schema")
            case .unknownProperty:
                return DriftFinding(rule: .exampleUnknownProperty, message: "the example has '\(name)', which the schema's \(entity) does not declare",
                                    location: finding.location, related: schemaEntity?.source, hint: "remove it from the example or add it to the schema")
            case .wrongJSONType(let expected) where finding.value.hasPrefix("\"") && ExampleConformance.isPlaceholder(String(finding.value.dropFirst().dropLast())):
                return DriftFinding(rule: .examplePlaceholder, message: "'\(name)' is the placeholder \(finding.value); the schema types it \(declared), which needs a JSON \(expected)",
                                    location: finding.location, related: related, hint: "write a real \(declared) value")
            case .wrongJSONType(let expected):
                return DriftFinding(rule: .exampleWrongType, message: "'\(name)' is \(finding.value) in the example; the schema types it \(declared), which needs a JSON \(expected)",
                                    location: finding.location, related: related, hint: "write a JSON \(expected)")
            case .notEnumMember(let enumName):
                return DriftFinding(rule: .exampleEnumValue, message: "'\(name)' is \"\(finding.value)\", which is not a member of \(enumName)",
                                    location: finding.location, related: context.model.enumeration(named: enumName)?.source, hint: "use a member of \(enumName)")
            case .enumMemberCase(let enumName):
                return DriftFinding(rule: .exampleEnumCase, message: "'\(name)' is \"\(finding.value)\", a member of \(enumName) in other letter case",
                                    location: finding.location, related: context.model.enumeration(named: enumName)?.source, hint: "spell the member as \(enumName) does")
            case .placeholderValue:
                return DriftFinding(rule: .examplePlaceholder, message: "'\(name)' is the placeholder \"\(finding.value)\" where the schema expects a \(declared) value",
                                    location: finding.location, related: related, hint: "write a real \(declared) value")
            case .malformedDateTime:
                return DriftFinding(rule: .exampleDateTime, message: "'\(name)' is \"\(finding.value)\", which is not an RFC 3339 DateTimeOffset",
                                    location: finding.location, related: related, hint: "write a date-time such as 2024-01-31T12:00:00Z")
            case .integerOutOfRange(let type):
                return DriftFinding(rule: .exampleIntegerRange, message: "'\(name)' is \(finding.value), which does not fit \(type)",
                                    location: finding.location, related: related, hint: "use a value within \(type)'s range")
            case .odataTypeMismatch(let expected):
                return DriftFinding(rule: .exampleODataType, message: "the example's @odata.type is '\(finding.value)', which is neither the schema's type '\(expected)' nor a type derived from it",
                                    location: finding.location, related: schemaEntity?.source, hint: "write \"@odata.type\": \"\(expected)\" or the derived type the value is")
            case .memberCase(let declaredName):
                return DriftFinding(rule: .exampleMemberCase, message: "the example spells '\(declaredName)' as '\(finding.value)'; the schema's spelling is '\(declaredName)'",
                                    location: finding.location, related: related, hint: "write '\(declaredName)'")
            case .odataTypeMissingHash:
                return DriftFinding(rule: .exampleODataType, message: "the example's @odata.type '\(finding.value)' lacks the leading '#' OData writes",
                                    location: finding.location, related: schemaEntity?.source, hint: "write \"@odata.type\": \"#\(finding.value)\"")
            }
        }
    }
}
