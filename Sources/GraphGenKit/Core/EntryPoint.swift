/// An entry point of the API. Untyped (`deviceAppManagement` with its navigation listed inline), or typed: a
/// singleton (`me` of type `user`) or, with `collection`, an entity set (`users`, addressed `/users/{userId}`).
public struct EntryPoint: Sendable {
    public var name: String
    public var navigation: [NavigationProperty]
    public var location: SourceLocation
    /// The entity type of a typed root.
    public var type: String?
    public var collection: Bool
    public var operations: [Located<OperationKind>]
    public var description: String?

    public init(name: String, navigation: [NavigationProperty], location: SourceLocation, type: String? = nil, collection: Bool = false,
                operations: [Located<OperationKind>] = [], description: String? = nil) {
        self.name = name
        self.navigation = navigation
        self.location = location
        self.type = type
        self.collection = collection
        self.operations = operations
        self.description = description
    }

    /// The owner name of a typed root's navigation: the service root, which has no type.
    public static let serviceRoot = ""

    /// A typed root as a navigation property of the service root; nil for an untyped root.
    public var asNavigation: NavigationProperty? {
        type.map { NavigationProperty(name: name, target: $0, collection: collection, contained: true, operations: operations, description: description, location: location) }
    }
}
