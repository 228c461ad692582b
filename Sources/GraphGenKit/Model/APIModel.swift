/// The one intermediate model: schema types merged with what the pages document.
public struct APIModel: Sendable {
    public var namespace: String
    public var module: String
    public var baseURL: String
    public var apiVersion: String
    public var schemaFile: String
    public var enums: [ModelEnum] { didSet { enumIndex = NameIndex(enums.map(\.name)) } }
    public var entities: [ModelEntity] { didSet { entityIndex = NameIndex(entities.map(\.name)) } }
    public var operations: [ModelOperation]
    public var root: [EntryPoint] { navigation.graph.roots }
    /// Walks paths through the navigation graph.
    let navigation: NavigationWalker
    /// Warnings found while merging (paths the navigation graph does not have, and the like).
    public var diagnostics: [Diagnostic]
    /// What reading the pages came to: how many were read and which were left out, and why.
    public var pageReading = PageReadingSummary()

    private var entityIndex: NameIndex
    private var enumIndex: NameIndex

    /// `navigation` walks the graph the entities and roots come from; the merge builds it first, to find operations.
    init(
        namespace: String, module: String, baseURL: String, apiVersion: String, schemaFile: String, enums: [ModelEnum],
        entities: [ModelEntity], operations: [ModelOperation], navigation: NavigationWalker, diagnostics: [Diagnostic]
    ) {
        self.namespace = namespace
        self.module = module
        self.baseURL = baseURL
        self.apiVersion = apiVersion
        self.schemaFile = schemaFile
        self.enums = enums
        self.entities = entities
        self.operations = operations
        self.navigation = navigation
        self.diagnostics = diagnostics
        self.entityIndex = NameIndex(entities.map(\.name))
        self.enumIndex = NameIndex(enums.map(\.name))
    }

    public func entity(named name: String) -> ModelEntity? { entityIndex[name].map { entities[$0] } }
    public func enumeration(named name: String) -> ModelEnum? { enumIndex[name].map { enums[$0] } }

    /// True when `name` is `base` or derives from it, directly or through other types.
    public func type(_ name: String, derivesFrom base: String) -> Bool {
        var current: String? = name
        var seen: Set<String> = []
        while let type = current, seen.insert(type).inserted {
            if type == base { return true }
            current = entity(named: type)?.base
        }
        return false
    }

    /// The schema type an `@odata.type` value names (`#microsoft.graph.win32LobApp` → `win32LobApp`), if any.
    public func typeName(fromODataType text: String) -> String? {
        let bare = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard bare.hasPrefix(namespace + ".") else { return nil }
        let name = String(bare.dropFirst(namespace.count + 1))
        return entity(named: name) != nil ? name : nil
    }
}

public struct ModelEnum: Sendable {
    public var name: String
    public var description: String?
    public var members: [ModelEnumMember]
    public var source: SourceLocation
    /// A value names any number of members, comma-separated.
    public var isFlags = false
}

public struct ModelEnumMember: Sendable {
    public var name: String
    public var value: String?
    public var description: String?
    public var source: SourceLocation
}

public struct ModelEntity: Sendable {
    public var name: String
    public var kind: StructuredTypeKind
    public var base: String?
    public var abstract: Bool
    public var description: String?
    /// Inherited properties first, then the type's own, in schema order.
    public var properties: [ModelProperty]
    /// Navigation properties as members of the model, inherited first: a response fills one when the request expands
    /// it (`$expand=attachments`), and a request body may carry one (deep insert).
    public var navigationProperties: [ModelProperty] = []
    public var navigation: [NavigationProperty]
    public var source: SourceLocation
    /// Instances may hold members the type does not declare (drift does not report them).
    public var isOpen = false
    /// Its content is read and written at `…/{key}/$value`.
    public var hasStream = false
    /// Key property names other than the conventional `id`, from the type or its nearest base that declares them.
    public var key: [String]? = nil
    /// Properties that identify an item as well as its key (`applications(appId='…')`), from the type or its nearest
    /// base that declares them.
    public var alternateKeys: [String] = []

    /// Every member of a value of this type: its structural properties, then its navigation properties.
    public var members: [ModelProperty] { properties + navigationProperties }
}

public struct ModelProperty: Sendable {
    public var name: String
    public var type: GraphType
    public var nullable: Bool
    public var readOnly: Bool
    public var description: String?
    /// The base type that declares it, when inherited.
    public var inheritedFrom: String?
    public var source: SourceLocation
    /// A navigation property: its value is one entity or a collection of them, present when expanded.
    public var isNavigation = false
}

public struct ModelOperation: Sendable {
    public var kind: OperationKind?
    public var method: String
    public var path: PathTemplate
    public var parameters: [ModelPathParameter]
    /// The entity the path ends at.
    public var target: String?
    /// The navigation property the path ends in, and the entity or root declaring it.
    public var navigation: String?
    public var navigationOwner: String?
    public var requestType: String?
    public var responseType: String?
    public var status: Int?
    public var summary: String?
    public var permissions: [ModelPermission]
    /// Page request lines documenting this operation, and the schema declaration if any.
    public var sources: [SourceLocation]
    public var declaredInSchema: Bool
    /// False when the path is not a walk of the schema's navigation graph.
    public var pathIsNavigable: Bool
    public var examples: [ModelExample]
    /// Every response shown on the pages that document this operation, in page order: a page listing two paths
    /// shows one example for both.
    public var documentedResponses: [ModelExample.Response] = []
    /// The bound action or function an `.action` or `.function` operation calls.
    public var call: ModelCall? = nil

    /// The type the operation is about: its target, or the type declaring the action or function it calls.
    public var subjectType: String? { target ?? call?.declaringType }
}

/// A bound action or function, as an operation calls it.
public struct ModelCall: Sendable {
    public var name: String
    public var kind: CallKind
    /// The entity type that declares it (the path's type, or one of its bases).
    public var declaringType: String
    public var boundToCollection: Bool
    public var parameters: [CallParameter]
    public var returns: GraphType?
    public var description: String?
    /// The namespace it is declared in, when not the schema's (its segment is then qualified).
    public var namespace: String?
    /// A function whose single entity or complex result a path may go on from (OData's IsComposable).
    public var composableResult: String?

    /// The path segment that calls it.
    public var segment: String { NavigationWalker.callSegment(name: name, kind: kind, parameterNames: parameters.map(\.name), namespace: namespace) }

    /// One key per declared action or function (each overload its own), whichever path reaches it.
    public var key: String {
        let qualified = "\(declaringType)/\(boundToCollection ? "collection/" : "")\(namespace.map { $0 + "." } ?? "")\(name)"
        return kind == .function ? qualified + "(" + parameters.map(\.name).sorted().joined(separator: ",") + ")" : qualified
    }

    init(_ action: BoundCall, declaringType: String) {
        name = action.name
        kind = action.kind
        self.declaringType = declaringType
        boundToCollection = action.boundToCollection
        parameters = action.parameters
        returns = action.returns
        description = action.description
        namespace = action.namespace
        composableResult = NavigationWalker.composableResult(action)
    }
}

/// One row of an operation's permissions: a kind of caller and the scopes it needs, or why there are none.
public struct ModelPermission: Sendable, Hashable {
    /// `Delegated (work or school account)`, `Application`.
    public var type: String
    public var scopes: [String]
    /// Text the page holds where scopes belong (`TODO`), kept as written and never read as scopes.
    public var placeholder: String?
    public var notSupported: Bool
    public var location: SourceLocation
}

public struct ModelPathParameter: Sendable, Hashable {
    public var name: String
    /// The entity whose key this parameter is.
    public var keyOf: String
}
