/// Plans the stub transport's documented examples: each documented response once per operation, grouped by the type
/// the operation is about, with each body declared once per group.
struct DocumentedExamplesPlanner {
    let model: APIModel
    let names: TypeNames

    /// Example responses for the stub transport. A page's example answers every operation the page documents
    /// (a page listing two paths shows one example for both); operations that answer without a body
    /// (delete, `$ref`) and have no example get their documented status.
    func contexts() -> [DocumentedExamplesContext] {
        var entries: [(location: SourceLocation, typeName: String, body: String?, example: DocumentedExamplesContext.Example)] = []
        var seen: Set<String> = []
        func add(_ operation: ModelOperation, status: Int, body: String?, source: String, at location: SourceLocation, note: String? = nil) {
            let method = operation.method, path = operation.path
            guard seen.insert("\(method) \(path) \(source)").inserted else { return }
            entries.append((location, operation.subjectType.map(names.swift) ?? "Untyped", body, DocumentedExamplesContext.Example(
                method: method,
                path: SwiftText.stringLiteralContent(path.description),
                status: status,
                body: "nil",
                source: SwiftText.stringLiteralContent(source),
                note: note)))
        }
        let singleEntity: Set<OperationKind> = [.get, .create, .update]
        for operation in model.operations where operation.pathIsNavigable {
            let responses = operation.documentedResponses
            for response in responses {
                // A page that wraps one entity in `value` shows the collection shape; the service answers the entity.
                if let kind = operation.kind, singleEntity.contains(kind), let wrapped = response.body?.objectWrappedInValue {
                    add(operation, status: response.statusCode, body: wrapped.value.compactText, source: response.location.fileAndLine, at: response.location,
                        note: "The page wraps this single entity in `value`; it is answered unwrapped, as the service does.")
                } else {
                    add(operation, status: response.statusCode, body: response.bodyText, source: response.location.fileAndLine, at: response.location)
                }
            }
            let bodiless: Set<OperationKind> = [.delete, .addReference, .removeReference]
            if responses.isEmpty, let kind = operation.kind, bodiless.contains(kind), let source = operation.sources.first {
                add(operation, status: operation.status ?? 204, body: nil,
                    source: source.file == model.schemaFile ? source.file : source.fileAndLine, at: source)
            }
        }
        let sorted = entries.sorted { $0.location < $1.location }
        let groups = Dictionary(grouping: sorted, by: \.typeName)
        return groups.keys.sorted().map { typeName in
            let group = groups[typeName] ?? []
            // Bodies are declared before the list, each once: a create and an update page often show the same one.
            var bodies: [DocumentedExamplesContext.Body] = []
            var nameOfBody: [String: String] = [:]
            let examples = group.map { entry -> DocumentedExamplesContext.Example in
                var example = entry.example
                guard let body = entry.body else { return example }
                if let name = nameOfBody[body] {
                    example.body = name
                } else {
                    let name = "body\(bodies.count + 1)"
                    bodies.append(.init(name: name, literal: SwiftText.rawMultilineLiteral(body, indent: 8)))
                    nameOfBody[body] = name
                    example.body = name
                }
                return example
            }
            return DocumentedExamplesContext(typeName: typeName, groupName: "examplesOf" + typeName, bodies: bodies, examples: examples)
        }
    }
}
