/// One request builder (`builder.swift`): the navigations below it, its key lookup, and its operations.
struct BuilderFileContext: TemplateContext {
    /// A property leading to the builder one path segment further; or, for a composable function with parameters, a
    /// method taking them, whose arguments are written into the segment (`range(address='A1:B2')`).
    struct Navigation: TemplateContext {
        var property: String
        var segment: String
        var builderType: String
        /// The composable function's parameters struct, and its name as the segment writes it.
        var parametersType: String? = nil
        var callName: String? = nil
        /// Set by the builder: false for a first member that follows the opening line directly.
        var separated = true

        static let templateFields: [String: TemplateField<Self>] = [
            "separated": .flag { $0.separated },
            "property": .text { $0.property },
            "segment": .text { SwiftText.stringLiteralContent($0.segment) },
            "builderType": .text { $0.builderType },
            "parametersType": .optionalText { $0.parametersType },
            "callName": .optionalText { $0.callName.map(SwiftText.stringLiteralContent) },
        ]
    }

    /// A collection's `byXId(_:)`, leading to its item builder.
    struct Key: TemplateContext {
        var method: String
        var parameter: String
        var builderType: String
        /// The property of an alternate key (`appId`), whose value is written in quotes when it is text.
        var alternateKey: String? = nil
        var quoted = false
        /// Set by the builder: false for a first member that follows the opening line directly.
        var separated = true

        static let templateFields: [String: TemplateField<Self>] = [
            "separated": .flag { $0.separated },
            "method": .text { $0.method },
            "parameter": .text { $0.parameter },
            "builderType": .text { $0.builderType },
            "alternateKey": .optionalText { $0.alternateKey.map(SwiftText.stringLiteralContent) },
            "quoted": .text { $0.quoted ? "true" : "false" },
        ]
    }

    /// One operation's two methods (`postRequest` and `post`): what they take, send and return.
    struct Operation: TemplateContext {
        var docLines: [String]
        /// The sending method's name (the HTTP verb, lowercased); the stub's is `requestName`.
        var name: String
        var requestName: String
        var httpMethod: String
        /// The body's type, for create and update.
        var bodyType: String?
        /// Adds a reference (`$ref`): takes a `ReferenceCreate`.
        var isReference = false
        /// The item type, for a list (which takes a `ListQuery`).
        var listElement: String?
        /// The item type of what takes a `ListQuery` and pages: a list, or a function answering a collection of models
        /// (`delta()`).
        var queryElement: String?
        /// An action's or function's parameters struct.
        var parametersType: String?
        /// A create body names its type (`@odata.type`) when the value does not.
        var encodesCreate = false
        var encodesBody = false
        var encodesParameters = false
        var hasBody = false
        /// A function's parameters go in the query, as aliases.
        var functionAliases = false
        var discardable = false
        var result: OperationResult
        /// The runtime protocol whose extension declares the sending method, when the operation has its usual shape;
        /// otherwise the builder declares it.
        var sender: String?
        /// Set by the builder: false for a first member that follows the opening line directly.
        var separated = true

        static let templateFields: [String: TemplateField<Self>] = [
            "separated": .flag { $0.separated },
            "docLines": .texts { $0.docLines.flatMap(SwiftText.commentLines) },
            "name": .text { $0.name },
            "requestName": .text { $0.requestName },
            "httpMethod": .text { $0.httpMethod },
            "bodyType": .optionalText { $0.bodyType },
            "isReference": .flag { $0.isReference },
            "listElement": .optionalText { $0.listElement },
            "queryElement": .optionalText { $0.queryElement },
            "parametersType": .optionalText { $0.parametersType },
            "encodesCreate": .flag { $0.encodesCreate },
            "encodesBody": .flag { $0.encodesBody },
            "encodesParameters": .flag { $0.encodesParameters },
            "hasBody": .flag { $0.hasBody },
            "functionAliases": .flag { $0.functionAliases },
            "discardable": .flag { $0.discardable },
            "sender": .optionalText { $0.sender },
            "returnsNothing": .flag { $0.result == .nothing },
            "returnsEntity": .optionalText { if case .entity(let type) = $0.result { type } else { nil } },
            "returnsOptional": .optionalText { if case .optionalEntity(let type) = $0.result { type } else { nil } },
            "returnsCollection": .optionalText { if case .collection(let element) = $0.result { element } else { nil } },
            "returnsValue": .optionalText { if case .value(let type) = $0.result { type } else { nil } },
        ]
    }

    var typeName: String
    var docLines: [String]
    var navigations: [Navigation]
    var keys: [Key]
    var operations: [Operation]
    /// The runtime protocols that send this builder's operations, and the entity type they share.
    var conformances: [String] = []
    var entity: String?
    /// The items (or the one item) this builder reaches have derived entity types: `cast(to:)` reads them as one,
    /// constrained to the family protocol of `castTarget` (a model name).
    var cast: Cast?
    /// Not a builder but an extension of the runtime's `TypeCastItemRequestBuilder` where its model satisfies this
    /// constraint (`: MobileLobAppProtocol`, ` == User`), offering what `castOf` (a model name) declares.
    var castExtension: String? = nil
    var castOf: String? = nil
    var part: DeclarationPart = .whole

    /// The same builder, rendering only one part of it.
    func part(_ part: DeclarationPart) -> Self {
        var copy = self
        copy.part = part
        return copy
    }

    struct Cast {
        var target: String
        var family: String
        var ofCollection: Bool
    }

    /// The member sections, in the template's order.
    private enum MemberSection: Int {
        case navigations, keys, cast, operations
    }

    /// Whether a line stands between the opening line and a section's first member: the stored properties, the `Model`
    /// line, or an earlier section's members. A blank line separates members; none follows the opening line.
    private func hasLinesBefore(_ section: MemberSection) -> Bool {
        if castExtension == nil && (part.declaresType || entity != nil) { return true }
        return [!navigations.isEmpty, !keys.isEmpty, cast != nil].prefix(section.rawValue).contains(true)
    }

    private static func marking<Item>(_ items: [Item], separated: Bool, _ flag: WritableKeyPath<Item, Bool>) -> [Item] {
        guard !separated, var first = items.first else { return items }
        first[keyPath: flag] = false
        return [first] + items.dropFirst()
    }

    static let templateFields: [String: TemplateField<Self>] = [
        "typeName": .text { $0.typeName },
        "conformances": .texts { $0.conformances },
        "entity": .optionalText { $0.entity },
        "docLines": .texts { $0.docLines.flatMap(SwiftText.commentLines) },
        "navigations": .list { marking($0.navigations, separated: $0.hasLinesBefore(.navigations), \.separated) },
        "keys": .list { marking($0.keys, separated: $0.hasLinesBefore(.keys), \.separated) },
        "castSeparated": .flag { $0.hasLinesBefore(.cast) },
        "operations": .list { marking($0.operations, separated: $0.hasLinesBefore(.operations), \.separated) },
        "collectionCastFamily": .optionalText { $0.cast.flatMap { $0.ofCollection ? $0.family : nil } },
        "itemCastFamily": .optionalText { $0.cast.flatMap { $0.ofCollection ? nil : $0.family } },
        "castExtension": .optionalText { $0.castExtension },
        "declares": .flag { $0.part.declaresType },
        "definesMembers": .flag { $0.part.definesMembers },
        "isSplit": .flag { $0.part.isSplit },
        "conformanceList": .optionalText { $0.conformances.isEmpty ? nil : $0.conformances.joined(separator: ", ") },
    ]
}

/// The client's root properties (`client.swift`).
struct ClientRootsContext: TemplateContext {
    var roots: [BuilderFileContext.Navigation]
    /// The modules the file imports besides Foundation: in a split library, those declaring the runtime and builders.
    var imports: [String] = []

    static let templateFields: [String: TemplateField<Self>] = [
        "roots": .list { $0.roots },
        "imports": .texts { $0.imports },
    ]
}
