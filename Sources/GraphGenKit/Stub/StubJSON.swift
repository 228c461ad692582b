/// JSON values the stub builds for its responses (rendered with `JSONNode.compactText`).
enum StubJSON {
    private static let nowhere = SourceLocation(file: "", line: 1)

    static func object(_ members: [JSONNode.Member]) -> JSONNode { JSONNode(value: .object(members), location: nowhere) }
    static func string(_ text: String) -> JSONNode { JSONNode(value: .string(text), location: nowhere) }
    static func number(_ value: Int) -> JSONNode { JSONNode(value: .number(String(value)), location: nowhere) }
    static func array(_ items: [JSONNode]) -> JSONNode { JSONNode(value: .array(items), location: nowhere) }
    static func member(_ key: String, _ value: JSONNode) -> JSONNode.Member { JSONNode.Member(key: key, keyLocation: nowhere, value: value) }
}
