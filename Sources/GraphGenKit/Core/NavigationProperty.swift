/// A navigation property: a named link from a type (or a root) to one entity or a collection of them.
public struct NavigationProperty: Sendable {
    public var name: String
    public var target: String
    public var collection: Bool
    public var contained: Bool
    public var operations: [Located<OperationKind>]
    public var description: String?
    public var location: SourceLocation
}
