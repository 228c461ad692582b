/// Compact JSON for stub responses, from parsed nodes (member order and number text kept as received).
enum StubJSON {
    static func render(_ node: JSONNode) -> String {
        var out = ""
        write(node, into: &out)
        return out
    }

    static func render(members: [JSONNode.Member]) -> String {
        render(object(members))
    }

    static func write(_ node: JSONNode, into out: inout String) {
        switch node.value {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): out += QuotedText.quoted(text)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                out += QuotedText.quoted(member.key) + ":"
                write(member.value, into: &out)
            }
            out += "}"
        }
    }

    private static let nowhere = SourceLocation(file: "", line: 1)

    static func object(_ members: [JSONNode.Member]) -> JSONNode { JSONNode(value: .object(members), location: nowhere) }
    static func string(_ text: String) -> JSONNode { JSONNode(value: .string(text), location: nowhere) }
    static func number(_ value: Int) -> JSONNode { JSONNode(value: .number(String(value)), location: nowhere) }
    static func array(_ items: [JSONNode]) -> JSONNode { JSONNode(value: .array(items), location: nowhere) }
    static func member(_ key: String, _ value: JSONNode) -> JSONNode.Member { JSONNode.Member(key: key, keyLocation: nowhere, value: value) }
}
