/// One type's documented example responses (`examples.swift`), which the stub transport answers with.
struct DocumentedExamplesContext: TemplateContext {
    struct Example: TemplateContext {
        var method: String
        /// The path and the source, as string literal content.
        var path: String
        var status: Int
        /// The name of one of the type's bodies, or `nil`.
        var body: String
        var source: String
        /// Why the example is answered differently from how the page shows it.
        var note: String?

        static let templateFields: [String: TemplateField<Self>] = [
            "method": .text { $0.method },
            "path": .text { $0.path },
            "status": .number { $0.status },
            "body": .text { $0.body },
            "source": .text { $0.source },
            "note": .optionalText { $0.note.map(SwiftText.commentLine) },
        ]
    }

    /// A body the type's examples answer with, declared once before the list however many answer with it.
    struct Body: TemplateContext {
        var name: String
        /// A raw multi-line string literal.
        var literal: String

        static let templateFields: [String: TemplateField<Self>] = [
            "name": .text { $0.name },
            "literal": .text { $0.literal },
        ]
    }

    var typeName: String
    var groupName: String
    var bodies: [Body]
    var examples: [Example]

    static let templateFields: [String: TemplateField<Self>] = [
        "typeName": .text { $0.typeName },
        "groupName": .text { $0.groupName },
        "bodies": .list { $0.bodies },
        "examples": .list { $0.examples },
    ]
}

/// The list of every type's examples (`examples-all.swift`).
struct DocumentedExamplesIndexContext: TemplateContext {
    struct Group: TemplateContext {
        var name: String

        static let templateFields: [String: TemplateField<Self>] = [
            "name": .text { $0.name },
        ]
    }

    var groups: [Group]
    /// The modules the file imports besides Foundation: in a split library, the core.
    var imports: [String] = []

    static let templateFields: [String: TemplateField<Self>] = [
        "groups": .list { $0.groups },
        "imports": .texts { $0.imports },
    ]
}
