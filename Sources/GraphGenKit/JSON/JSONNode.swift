/// A JSON value that keeps member order, number text and where each value starts.
public struct JSONNode: Sendable, Hashable {
    public indirect enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        /// The number exactly as written, so `9` and `9.0` stay distinct.
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([Member])
    }

    public struct Member: Sendable, Hashable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: JSONNode
    }

    public var value: Value
    public var location: SourceLocation

    public var members: [Member]? {
        if case .object(let members) = value { return members }
        return nil
    }

    public var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    public subscript(key: String) -> JSONNode? {
        members?.first { $0.key == key }?.value
    }

    /// `{"value": {…}}` (OData annotations aside): one object in the member a collection response uses.
    public var objectWrappedInValue: Member? {
        guard let content = members?.filter({ !$0.key.hasPrefix("@odata.") }), content.count == 1,
              let only = content.first, only.key == "value", only.value.members != nil else { return nil }
        return only
    }

    /// The JSON type's name, as messages use it.
    public var typeName: String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
