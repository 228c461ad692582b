/// The contexts of the files that declare the model's types: models, the derivation table, call parameters, enums.
struct TypeContextBuilder {
    let model: APIModel
    let names: TypeNames

    func model(_ entity: ModelEntity, part: DeclarationPart = .whole) -> ModelFileContext {
        // Inherited properties are declared once, on the base's protocol; a type declares its own (names are given
        // base first, so an inherited property has the same name in every type of a family).
        let own = zip(entity.members, names.members(of: entity)).filter { $0.0.inheritedFrom == nil }
        let baseProtocol = entity.base.flatMap { names.protocols[$0] }
        let ownProtocol = names.protocols[entity.name]
        return ModelFileContext(
            typeName: names.swift(entity.name),
            odataType: odataTypeName(entity.name),
            // The schema file without a line: a line number would change every type's file whenever an earlier one grows.
            docLines: DocLines.make(entity.description, extra: ["Declared in \(entity.source.file)."]),
            conformance: ownProtocol ?? baseProtocol ?? "GraphModel",
            familyProtocol: ownProtocol.map { ModelFileContext.FamilyProtocol(name: $0, refines: baseProtocol ?? "GraphModel") },
            properties: own.enumerated().map { index, pair in
                let (property, swiftName) = pair
                var extra: [String] = []
                if property.readOnly { extra.append("Read-only: the service sets it.") }
                if !property.nullable { extra.append("The service always returns it; it is optional here because requests may omit it.") }
                if property.isNavigation {
                    extra.append("Navigation: present when the request expands it (`$expand=\(property.name)`); a request body may carry it.")
                }
                return ModelFileContext.Property(
                    name: swiftName,
                    wireName: SwiftText.stringLiteralContent(property.name),
                    swiftType: SwiftTypes.name(of: property.type, typeNames: names.byModelName),
                    docLines: DocLines.make(property.description, extra: extra),
                    isLast: index == own.count - 1)
            },
            part: part)
    }

    /// Each derived type's `@odata.type` with its base's, in model order.
    func modelTypes() -> ModelTypesContext {
        ModelTypesContext(derivations: model.entities.compactMap { entity in
            guard let base = entity.base, model.entity(named: base) != nil else { return nil }
            return ModelTypesContext.Derivation(type: odataTypeName(entity.name), base: odataTypeName(base))
        })
    }

    private func odataTypeName(_ name: String) -> String {
        SwiftText.stringLiteralContent("#\(model.namespace).\(name)")
    }

    func parameters(_ call: ModelCall, typeName: String) -> ParametersFileContext {
        let bound = call.boundToCollection ? "a collection of \(call.declaringType)" : call.declaringType
        let swiftNames = SwiftNames.uniqueMemberNames(call.parameters.map(\.name), reserved: ["CodingKeys", "literalForms"])
        let literalForms = call.kind == .function ? call.parameters.compactMap { parameter -> (wireName: String, form: String)? in
            guard case .primitive(let primitive) = parameter.type, let form = Self.literalForm(primitive) else { return nil }
            return (SwiftText.stringLiteralContent(parameter.name), form)
        } : []
        return ParametersFileContext(
            typeName: typeName,
            isFunction: call.kind == .function,
            docLines: DocLines.make("The parameters of the \(call.kind.rawValue) `\(call.name)` bound to \(bound)."),
            parameters: zip(call.parameters, swiftNames).enumerated().map { index, pair in
                let (parameter, swiftName) = pair
                return ParametersFileContext.Parameter(
                    name: swiftName,
                    wireName: SwiftText.stringLiteralContent(parameter.name),
                    swiftType: SwiftTypes.name(of: parameter.type, typeNames: names.byModelName),
                    isLast: index == call.parameters.count - 1,
                    docLines: DocLines.make(parameter.nullable ? nil : "Required by the service."))
            },
            literalForms: literalForms)
    }

    /// How OData writes a primitive whose JSON form is a string, when not as a quoted string (the runtime's
    /// `ODataLiteralForm`): numbers and booleans are JSON numbers and booleans already.
    static func literalForm(_ primitive: GraphPrimitive) -> String? {
        switch primitive {
        case .date, .timeOfDay, .dateTimeOffset, .guid: "bare"
        case .duration: "duration"
        case .binary: "binary"
        default: nil
        }
    }

    func enumeration(_ item: ModelEnum) -> EnumFileContext {
        EnumFileContext(
            typeName: names.swift(item.name),
            isFlags: item.isFlags,
            docLines: DocLines.make(item.description, extra: ["Declared in \(item.source.file)."]),
            members: zip(item.members, names.cases(of: item)).map { member, caseName in
                EnumFileContext.Member(name: caseName, wireName: SwiftText.stringLiteralContent(member.name), docLines: DocLines.make(member.description))
            })
    }
}
