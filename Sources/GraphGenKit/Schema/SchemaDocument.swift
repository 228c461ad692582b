/// The YAML entity schema: the authority on types, enum members and navigation.
public struct SchemaDocument: Sendable {
    public var file: String
    public var namespace: String
    public var module: String
    public var baseURL: String
    public var apiVersion: String
    public var enums: [SchemaEnum] { didSet { enumIndex = NameIndex(enums.map(\.name)) } }
    public var entities: [SchemaEntity] { didSet { entityIndex = NameIndex(entities.map(\.name)) } }
    public var root: [SchemaSingleton]
    private var entityIndex: NameIndex
    private var enumIndex: NameIndex

    public init(file: String, namespace: String, module: String, baseURL: String, apiVersion: String, enums: [SchemaEnum], entities: [SchemaEntity], root: [SchemaSingleton]) {
        self.file = file
        self.namespace = namespace
        self.module = module
        self.baseURL = baseURL
        self.apiVersion = apiVersion
        self.enums = enums
        self.entities = entities
        self.root = root
        self.entityIndex = NameIndex(entities.map(\.name))
        self.enumIndex = NameIndex(enums.map(\.name))
    }

    public func entity(named name: String) -> SchemaEntity? { entityIndex[name].map { entities[$0] } }
    public func enumeration(named name: String) -> SchemaEnum? { enumIndex[name].map { enums[$0] } }
}

public struct SchemaEnum: Sendable {
    public var name: String
    public var description: String?
    public var members: [SchemaEnumMember]
    public var location: SourceLocation
    /// A flags enum: a value names any number of members, comma-separated (`x86,x64`).
    public var isFlags = false
}

public struct SchemaEnumMember: Sendable {
    public var name: String
    public var value: String?
    public var description: String?
    public var location: SourceLocation
}

public struct SchemaEntity: Sendable {
    public typealias Kind = StructuredTypeKind

    public var name: String
    public var kind: Kind
    public var base: Located<String>?
    public var abstract: Bool
    public var description: String?
    public var properties: [SchemaProperty]
    public var navigation: [SchemaNavigation]
    public var location: SourceLocation
    /// Bound actions and functions, called at `…/{key}/name` (or `…/collection/name`).
    public var actions: [SchemaAction] = []
    /// An open type: instances may hold members the type does not declare.
    public var isOpen = false
    /// A media entity: its content is read and written at `…/{key}/$value`.
    public var hasStream = false
    /// The key property names, when a type declares a key other than an inherited one (nil: inherited or `id`).
    public var key: [String]? = nil
    /// Properties that each identify an item as well as its key (`applications(appId='…')`), OData's alternate keys.
    public var alternateKeys: [String] = []
}

/// A bound OData action (POST, parameters in a JSON body) or function (GET, parameters in the path).
public struct SchemaAction: Sendable {
    public typealias Kind = CallKind

    public var name: String
    public var kind: Kind
    /// Bound to a collection of the entity (`…/mobileApps/name`) rather than to one (`…/mobileApps/{id}/name`).
    public var boundToCollection: Bool
    public var parameters: [SchemaParameter]
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

    public init(name: String, kind: Kind, boundToCollection: Bool, parameters: [SchemaParameter], returns: GraphType?, description: String?, location: SourceLocation,
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

public struct SchemaParameter: Sendable {
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

public struct SchemaProperty: Sendable {
    public var name: String
    public var type: GraphType
    public var nullable: Bool
    public var readOnly: Bool
    public var description: String?
    public var location: SourceLocation
}

public struct SchemaNavigation: Sendable {
    public var name: String
    public var target: String
    public var collection: Bool
    public var contained: Bool
    public var operations: [Located<OperationKind>]
    public var description: String?
    public var location: SourceLocation
}

/// An entry point of the API. Untyped (`deviceAppManagement` with its navigation listed inline), or typed: a
/// singleton (`me` of type `user`) or, with `collection`, an entity set (`users`, addressed `/users/{userId}`).
public struct SchemaSingleton: Sendable {
    public var name: String
    public var navigation: [SchemaNavigation]
    public var location: SourceLocation
    /// The entity type of a typed root.
    public var type: String?
    public var collection: Bool
    public var operations: [Located<OperationKind>]
    public var description: String?

    public init(name: String, navigation: [SchemaNavigation], location: SourceLocation, type: String? = nil, collection: Bool = false,
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
    public var asNavigation: SchemaNavigation? {
        type.map { SchemaNavigation(name: name, target: $0, collection: collection, contained: true, operations: operations, description: description, location: location) }
    }
}
