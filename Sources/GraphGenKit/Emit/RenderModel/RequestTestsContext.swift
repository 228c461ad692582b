/// One type's request tests (`tests/RequestTests.swift`): each documented request built through the builders, then
/// sent to a loopback server that answers with the documented response.
struct RequestTestsContext: TestCaseGroup {
    struct Test: TemplateContext {
        var functionName: String
        var title: String
        var source: String
        /// The expressions the test reads the request and response bodies through (`DocumentedBody.name`); empty when
        /// the page shows none.
        var body: String
        var response: String
        /// The builder expression after `client`, such as `.users.byUserId("a")`.
        var builderChain: String
        /// Sent through the typed methods; otherwise as the page wrote it, through the builder's path.
        var typed: Bool
        var verb: String
        /// The type the typed methods take, decoded from `argumentJSON` (string literal content) or else the body.
        var argumentType: String?
        var argumentJSON: String?
        /// What the typed call returns, compared with the documented response decoded the same way.
        var result: ResultDecoding?
        var hasRequestBody: Bool
        var httpMethod: String
        /// The path the server sees, decoded and as sent (nil when the same); string literal content.
        var expectedPath: String
        var expectedRawPath: String?
        var status: Int
        /// A function's alias query, string literal content.
        var expectedQuery: String?
        /// The `@odata.type` the client adds to a create body that does not name its type (`TypeNames.createNamesType`).
        var namedType: String? = nil

        static let templateFields: [String: TemplateField<Self>] = [
            "functionName": .text { $0.functionName },
            "title": .text { SwiftText.commentLine($0.title) },
            "source": .text { SwiftText.commentLine($0.source) },
            "body": .text { $0.body },
            "response": .text { $0.response },
            "builderChain": .text { $0.builderChain },
            "typed": .flag { $0.typed },
            "verb": .text { $0.verb },
            "argumentType": .optionalText { $0.argumentType },
            "argumentJSON": .optionalText { $0.argumentJSON },
            "result": .optional { $0.result },
            "hasRequestBody": .flag { $0.hasRequestBody },
            "hasResponseBody": .flag { !$0.response.isEmpty },
            "httpMethod": .text { $0.httpMethod },
            "expectedPath": .text { $0.expectedPath },
            "expectedRawPath": .optionalText { $0.expectedRawPath },
            "status": .number { $0.status },
            "expectedQuery": .optionalText { $0.expectedQuery },
            "namedType": .optionalText { $0.namedType },
        ]
    }

    /// How the documented response decodes: exactly one is set.
    struct ResultDecoding: TemplateContext {
        var entity: String?
        var collectionOf: String?
        var valueOf: String?

        /// Nil when the call returns nothing.
        init?(_ result: OperationResult) {
            switch result {
            case .nothing: return nil
            case .entity(let type), .optionalEntity(let type): entity = type
            case .collection(let element): collectionOf = element
            case .value(let type): valueOf = type
            }
        }

        static let templateFields: [String: TemplateField<Self>] = [
            "entity": .optionalText { $0.entity },
            "collectionOf": .optionalText { $0.collectionOf },
            "valueOf": .optionalText { $0.valueOf },
        ]
    }

    var typeName: String
    /// The test case class these tests extend, one its shared file declares (set by `TestCaseLayout`).
    var className: String
    var tests: [Test]

    static let templateFields: [String: TemplateField<Self>] = [
        "typeName": .text { $0.typeName },
        "className": .text { $0.className },
        "tests": .list { $0.tests },
    ]
}
