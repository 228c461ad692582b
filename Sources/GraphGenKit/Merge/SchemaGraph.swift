extension NavigationGraph {
    /// The schema's types, calls and roots, as walks read them.
    public init(schema: SchemaDocument) {
        self.init(
            namespace: schema.namespace,
            types: schema.entities.map { entity in
                Node(
                    name: entity.name, base: entity.base?.value, navigation: entity.navigation, calls: entity.actions,
                    properties: entity.properties.map { Node.Property(name: $0.name, type: $0.type) }, hasStream: entity.hasStream)
            },
            roots: schema.root)
    }
}

extension NavigationWalker {
    init(schema: SchemaDocument) {
        self.init(graph: NavigationGraph(schema: schema))
    }
}
