/// One enumeration (`enum.swift`).
struct EnumFileContext: TemplateContext {
    struct Member: TemplateContext {
        var name: String
        /// The member's wire text, as string literal content.
        var wireName: String
        var docLines: [String]

        static let templateFields: [String: TemplateField<Self>] = [
            "name": .text { $0.name },
            "wireName": .text { $0.wireName },
            "docLines": .texts { $0.docLines.flatMap(SwiftText.commentLines) },
        ]
    }

    var typeName: String
    var isFlags: Bool
    var docLines: [String]
    var members: [Member]

    static let templateFields: [String: TemplateField<Self>] = [
        "typeName": .text { $0.typeName },
        "isFlags": .flag { $0.isFlags },
        "docLines": .texts { $0.docLines.flatMap(SwiftText.commentLines) },
        "members": .list { $0.members },
    ]
}
