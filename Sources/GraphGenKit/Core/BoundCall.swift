/// A bound OData action (POST, parameters in a JSON body) or function (GET, parameters in the path).
public struct BoundCall: Sendable {
    public typealias Kind = CallKind

    public var name: String
    public var kind: Kind
    /// Bound to a collection of the entity (`…/mobileApps/name`) rather than to one (`…/mobileApps/{id}/name`).
    public var boundToCollection: Bool
    public var parameters: [CallParameter]
    public var returns: GraphType?
    public var description: String?
    public var location: SourceLocation
    /// The namespace the call is declared in, when it is not the schema's: the call is then written qualified
    /// (`…/microsoft.graph.identityGovernance.activate`), as OData requires outside the default namespace.
    public var namespace: String?
    /// A function whose result may be addressed further (`…/range(address='A1')/format`), as OData's IsComposable.
    public var composable: Bool

    /// What tells it apart from the other calls of its type: a function may be overloaded by its parameter names
    /// (`range()`, `range(address)`), an action only by what it is bound to.
    public var signature: String {
        let qualified = (boundToCollection ? "collection " : "") + (namespace.map { $0 + "." } ?? "") + name
        guard kind == .function else { return qualified }
        return qualified + "(" + parameters.map(\.name).sorted().joined(separator: ",") + ")"
    }

    public init(name: String, kind: Kind, boundToCollection: Bool, parameters: [CallParameter], returns: GraphType?, description: String?, location: SourceLocation,
                namespace: String? = nil, composable: Bool = false) {
        self.namespace = namespace
        self.composable = composable
        self.name = name
        self.kind = kind
        self.boundToCollection = boundToCollection
        self.parameters = parameters
        self.returns = returns
        self.description = description
        self.location = location
    }
}

public struct CallParameter: Sendable {
    public var name: String
    public var type: GraphType
    public var nullable: Bool
    public var location: SourceLocation

    public init(name: String, type: GraphType, nullable: Bool, location: SourceLocation) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.location = location
    }
}
