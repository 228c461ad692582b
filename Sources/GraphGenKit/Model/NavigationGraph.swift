/// What a walk of paths reads: each structured type's own links, calls and properties, and the API's roots.
public struct NavigationGraph: Sendable {
    public struct Node: Sendable {
        public struct Property: Sendable {
            public var name: String
            public var type: GraphType

            public init(name: String, type: GraphType) {
                self.name = name
                self.type = type
            }
        }

        public var name: String
        public var base: String?
        /// Declared on this type; a walk finds the inherited ones along `base`.
        public var navigation: [NavigationProperty]
        public var calls: [BoundCall]
        public var properties: [Property]
        /// A media entity: its content is at `…/{key}/$value`.
        public var hasStream: Bool

        public init(name: String, base: String?, navigation: [NavigationProperty], calls: [BoundCall], properties: [Property], hasStream: Bool) {
            self.name = name
            self.base = base
            self.navigation = navigation
            self.calls = calls
            self.properties = properties
            self.hasStream = hasStream
        }
    }

    public var namespace: String
    public var types: [Node]
    public var roots: [EntryPoint]
    private var typeIndex: NameIndex

    public init(namespace: String, types: [Node], roots: [EntryPoint]) {
        self.namespace = namespace
        self.types = types
        self.roots = roots
        typeIndex = NameIndex(types.map(\.name))
    }

    public func type(named name: String) -> Node? { typeIndex[name].map { types[$0] } }
}
