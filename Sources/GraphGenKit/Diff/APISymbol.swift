/// One public symbol of the generated package as a consumer sees it: what is compared (`signature`) and where the
/// inputs declare it. The API surface file holds one line per symbol (`property Item.count = Int64? Int64`).
public struct APISymbol: Sendable {
    public enum Kind: String, Sendable {
        case module, namespace, baseURL, enumeration = "enum", enumCase = "case", type, conformance, property, navigation, operation
    }

    public var kind: Kind
    /// `Item.count`, `Color.red`, `GET /items/{}`; empty for the package's settings (module, namespace, base URL).
    public var name: String
    /// What code written against the symbol depends on: a change to it breaks that code.
    public var signature: String
    /// How a change names it (`Item → parts` for navigation, `GET /items/{itemId}` for an operation).
    public var display: String
    /// What it is, in a change's detail (`navigation property`, `enum case`, `entity type`).
    public var noun: String
    /// How a change's detail shows the signature (`Int64?` for a property, whose signature also names the wire type).
    public var shown: String
    public var location: SourceLocation?

    init(_ kind: Kind, _ name: String, _ signature: String, display: String? = nil, noun: String? = nil, shown: String? = nil, at location: SourceLocation?) {
        self.kind = kind
        self.name = name
        self.signature = signature
        self.display = display ?? name
        self.noun = noun ?? kind.rawValue
        self.shown = shown ?? signature
        self.location = location
    }

    /// `property Item.count`: what the symbol is matched by across two surfaces.
    var key: String { name.isEmpty ? kind.rawValue : kind.rawValue + " " + name }

    /// Its line in the API surface file.
    var line: String { key + " = " + signature }

    /// The type or enum a member belongs to: a member of one that came or went is counted with it.
    var owner: String? {
        guard let dot = name.firstIndex(of: ".") else { return nil }
        switch kind {
        case .enumCase: return Kind.enumeration.rawValue + " " + name[..<dot]
        case .property, .conformance, .navigation: return Kind.type.rawValue + " " + name[..<dot]
        default: return nil
        }
    }

    /// A line of an API surface file read back; nil for a line that is not one.
    init?(line: String) {
        guard let separator = line.range(of: " = ") else { return nil }
        let key = line[..<separator.lowerBound]
        let parts = key.split(separator: " ", maxSplits: 1)
        guard let first = parts.first, let kind = Kind(rawValue: String(first)) else { return nil }
        self.init(kind, parts.count == 2 ? String(parts[1]) : "", String(line[separator.upperBound...]), at: nil)
    }
}
