/// The parameters of one bound action or function (`parameters.swift`).
struct ParametersFileContext: TemplateContext {
    struct Parameter: TemplateContext {
        var name: String
        /// The parameter's JSON name, as string literal content.
        var wireName: String
        var swiftType: String
        var isLast: Bool
        var docLines: [String]

        static let templateFields: [String: TemplateField<Self>] = [
            "name": .text { $0.name },
            "wireName": .text { $0.wireName },
            "swiftType": .text { $0.swiftType },
            "isLast": .flag { $0.isLast },
            "docLines": .texts { $0.docLines.flatMap(SwiftText.commentLines) },
        ]
    }

    var typeName: String
    var isFunction: Bool
    var docLines: [String]
    var parameters: [Parameter]
    /// A function's parameters whose OData literal is not a quoted string, by wire name (literal content) and
    /// form: `bare` (dates, times, GUIDs), `duration`, `binary`.
    var literalForms: [(wireName: String, form: String)] = []

    static let templateFields: [String: TemplateField<Self>] = [
        "typeName": .text { $0.typeName },
        "isFunction": .flag { $0.isFunction },
        "docLines": .texts { $0.docLines.flatMap(SwiftText.commentLines) },
        "parameters": .list { $0.parameters },
        "literalForms": .optionalText { context in
            context.literalForms.isEmpty ? nil : context.literalForms.map { "\"\($0.wireName)\": .\($0.form)" }.joined(separator: ", ")
        },
    ]
}
