/// One model type (`model.swift`).
struct ModelFileContext: TemplateContext {
    struct Property: TemplateContext {
        var name: String
        /// The JSON member name, as string literal content.
        var wireName: String
        var swiftType: String
        var docLines: [String]
        var isLast: Bool

        static let templateFields: [String: TemplateField<Self>] = [
            "name": .text { $0.name },
            "wireName": .text { $0.wireName },
            "swiftType": .text { $0.swiftType },
            "docLines": .texts { $0.docLines.flatMap(SwiftText.commentLines) },
            "isLast": .flag { $0.isLast },
        ]
    }

    /// The protocol a type with derived types declares, which they all conform to.
    struct FamilyProtocol: TemplateContext {
        var name: String
        /// The base type's protocol, or `GraphModel`.
        var refines: String

        static let templateFields: [String: TemplateField<Self>] = [
            "name": .text { $0.name },
            "refines": .text { $0.refines },
        ]
    }

    var typeName: String
    /// `#namespace.name`, as string literal content.
    var odataType: String
    var docLines: [String]
    /// The type's own protocol, else its base's, else `GraphModel`.
    var conformance: String
    var familyProtocol: FamilyProtocol?
    /// The properties the type declares itself; inherited ones come with the base's protocol.
    var properties: [Property]
    var part: DeclarationPart = .whole

    static let templateFields: [String: TemplateField<Self>] = [
        "declaresType": .flag { $0.part.declaresType },
        "declaresFamily": .flag { $0.part.declaresFamily },
        "definesMembers": .flag { $0.part.definesMembers && !$0.properties.isEmpty },
        "typeName": .text { $0.typeName },
        "odataType": .text { $0.odataType },
        "docLines": .texts { $0.docLines.flatMap(SwiftText.commentLines) },
        "conformance": .text { $0.conformance },
        "familyProtocol": .optional { $0.familyProtocol },
        "properties": .list { $0.properties },
        "hasProperties": .flag { !$0.properties.isEmpty },
    ]
}

/// The table of derived types (`model-types.swift`).
struct ModelTypesContext: TemplateContext {
    struct Derivation: TemplateContext {
        /// The derived type's and its base's `@odata.type`, as string literal content.
        var type: String
        var base: String

        static let templateFields: [String: TemplateField<Self>] = [
            "type": .text { $0.type },
            "base": .text { $0.base },
        ]
    }

    var derivations: [Derivation]

    static let templateFields: [String: TemplateField<Self>] = [
        "derivations": .list { $0.derivations },
    ]
}
