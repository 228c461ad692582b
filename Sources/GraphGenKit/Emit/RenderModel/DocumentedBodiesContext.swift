/// One type's documented bodies (`bodies.swift`), each declared once: in the library when the stub transport answers
/// with it, else in the tests.
struct DocumentedBodiesContext: TemplateContext {
    struct Body: TemplateContext {
        var name: String
        /// The page and line it comes from.
        var source: String
        /// A raw multi-line string literal.
        var literal: String

        static let templateFields: [String: TemplateField<Self>] = [
            "name": .text { $0.name },
            "source": .text { $0.source },
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
