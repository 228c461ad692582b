/// One model type (`model.swift`).
struct ModelFileContext: TemplateContext {
    struct Property: TemplateContext {
        var name: String
        /// The JSON member name, as string literal content.
        var wireName: String
        var swiftType: String
        var docLines: [String]

        static let templateFields: [String: TemplateField<Self>] = [
            "name": .text { $0.name },
            "wireName": .text { $0.wireName },
            "swiftType": .text { $0.swiftType },
            "docLines": .texts { $0.docLines },
        ]
    }

    var typeName: String
    /// `#namespace.name`, as string literal content.
    var odataType: String
    var docLines: [String]
    var properties: [Property]

    static let templateFields: [String: TemplateField<Self>] = [
        "typeName": .text { $0.typeName },
        "odataType": .text { $0.odataType },
        "docLines": .texts { $0.docLines },
        "properties": .list { $0.properties },
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
