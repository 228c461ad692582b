/// The YAML entity schema: the authority on types, enum members and navigation.
public struct SchemaDocument: Sendable {
    public var file: String
    public var namespace: String
    public var module: String
    public var baseURL: String
    public var apiVersion: String
    public var enums: [SchemaEnum] { didSet { enumIndex = NameIndex(enums.map(\.name)) } }
    public var entities: [SchemaEntity] { didSet { entityIndex = NameIndex(entities.map(\.name)) } }
    public var root: [EntryPoint]
    private var entityIndex: NameIndex
    private var enumIndex: NameIndex

    public init(file: String, namespace: String, module: String, baseURL: String, apiVersion: String, enums: [SchemaEnum], entities: [SchemaEntity], root: [EntryPoint]) {
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
    public var navigation: [NavigationProperty]
    public var location: SourceLocation
    /// Bound actions and functions, called at `…/{key}/name` (or `…/collection/name`).
    public var actions: [BoundCall] = []
    /// An open type: instances may hold members the type does not declare.
    public var isOpen = false
    /// A media entity: its content is read and written at `…/{key}/$value`.
    public var hasStream = false
    /// The key property names, when a type declares a key other than an inherited one (nil: inherited or `id`).
    public var key: [String]? = nil
    /// Properties that each identify an item as well as its key (`applications(appId='…')`), OData's alternate keys.
    public var alternateKeys: [String] = []
}

public struct SchemaProperty: Sendable {
    public var name: String
    public var type: GraphType
    public var nullable: Bool
    public var readOnly: Bool
    public var description: String?
    public var location: SourceLocation
}
