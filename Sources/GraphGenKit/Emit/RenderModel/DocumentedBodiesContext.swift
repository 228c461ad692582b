/// One type's documented bodies for the generated tests (`tests/DocumentedBodies.swift`), each declared once.
struct DocumentedBodiesContext: TemplateContext {
    struct Body: TemplateContext {
        var name: String
        /// The page and line it comes from.
        var source: String
        /// A raw multi-line string literal.
        var literal: String

        static let templateFields: [String: TemplateField<Self>] = [
            "name": .text { $0.name },
            "source": .text { SwiftText.commentLine($0.source) },
            "literal": .text { $0.literal },
        ]
    }

    var typeName: String
    var bodies: [Body]

    static let templateFields: [String: TemplateField<Self>] = [
        "typeName": .text { $0.typeName },
        "bodies": .list { $0.bodies },
    ]
}
