/// Prints the model for people (text) and tools (JSON); the same model gives the same bytes.
public enum ModelDump {
    public static func json(_ model: APIModel) -> String {
        JSONValue.object([
            ("namespace", .string(model.namespace)),
            ("module", .string(model.module)),
            ("baseURL", .string(model.baseURL)),
            ("apiVersion", .string(model.apiVersion)),
            ("enums", .array(model.enums.map { item in
                .object([
                    ("name", .string(item.name)),
                    ("description", .optional(item.description)),
                    ("flags", .bool(item.isFlags)),
                    ("members", .array(item.members.map { .string($0.name) })),
                    ("source", .string(item.source.fileAndLine)),
                ])
            })),
            ("entities", .array(model.entities.map { entity in
                .object([
                    ("name", .string(entity.name)),
                    ("kind", .string(entity.kind.rawValue)),
                    ("base", .optional(entity.base)),
                    ("abstract", .bool(entity.abstract)),
                    ("open", .bool(entity.isOpen)),
                    ("hasStream", .bool(entity.hasStream)),
                    ("key", entity.key.map { .array($0.map(JSONValue.string)) } ?? .null),
                    ("description", .optional(entity.description)),
                    ("properties", .array(entity.properties.map { property in
                        .object([
                            ("name", .string(property.name)),
                            ("type", .string(property.type.description)),
                            ("nullable", .bool(property.nullable)),
                            ("readOnly", .bool(property.readOnly)),
                            ("inheritedFrom", .optional(property.inheritedFrom)),
                            ("description", .optional(property.description)),
                            ("source", .string(property.source.fileAndLine)),
                        ])
                    })),
                    ("navigation", .array(entity.navigation.map { nav in
                        .object([
                            ("name", .string(nav.name)),
                            ("target", .string(nav.target)),
                            ("collection", .bool(nav.collection)),
                            ("operations", .array(nav.operations.map { .string($0.value.rawValue) })),
                        ])
                    })),
                    ("source", .string(entity.source.fileAndLine)),
                ])
            })),
            ("operations", .array(model.operations.map(operation))),
            ("diagnostics", .array(model.diagnostics.map { .string($0.description) })),
        ]).rendered()
    }

    private static func operation(_ operation: ModelOperation) -> JSONValue {
        .object([
            ("kind", .optional(operation.kind?.rawValue)),
            ("method", .string(operation.method)),
            ("path", .string(operation.path.description)),
            ("parameters", .array(operation.parameters.map { .object([("name", .string($0.name)), ("keyOf", .string($0.keyOf))]) })),
            ("requestType", .optional(operation.requestType)),
            ("responseType", .optional(operation.responseType)),
            ("status", operation.status.map(JSONValue.int) ?? .null),
            ("summary", .optional(operation.summary)),
            ("permissions", .array(operation.permissions.map { row in
                .object([
                    ("type", .string(row.type)),
                    ("scopes", .array(row.scopes.map(JSONValue.string))),
                    ("placeholder", .optional(row.placeholder)),
                    ("notSupported", .bool(row.notSupported)),
                ])
            })),
            ("declaredInSchema", .bool(operation.declaredInSchema)),
            ("pathIsNavigable", .bool(operation.pathIsNavigable)),
            ("examples", .int(operation.examples.count)),
            ("sources", .array(operation.sources.map { .string($0.fileAndLine) })),
        ])
    }

    public static func text(_ model: APIModel) -> String {
        var lines: [String] = ["namespace \(model.namespace) module \(model.module) base \(model.baseURL)/\(model.apiVersion)"]
        for item in model.enums {
            lines.append("enum \(item.name) (\(item.members.count) members\(item.isFlags ? ", flags" : "")) \(item.source.fileAndLine)")
            lines.append("  " + item.members.map(\.name).joined(separator: ", "))
        }
        for entity in model.entities {
            let base = entity.base.map { " : \($0)" } ?? ""
            let facets = [entity.abstract ? "abstract" : nil, entity.isOpen ? "open" : nil, entity.hasStream ? "hasStream" : nil,
                          entity.key.map { "key " + $0.joined(separator: ", ") }].compactMap { $0 }
            lines.append("\(entity.kind.rawValue) \(entity.name)\(base)\(facets.isEmpty ? "" : " (" + facets.joined(separator: ", ") + ")") \(entity.source.fileAndLine)")
            for property in entity.properties {
                let flags = [property.nullable ? "?" : "", property.readOnly ? " readOnly" : "", property.inheritedFrom.map { " from \($0)" } ?? ""].joined()
                lines.append("  \(property.name): \(property.type)\(flags)")
            }
            for nav in entity.navigation {
                lines.append("  -> \(nav.name): \(nav.collection ? "Collection(\(nav.target))" : nav.target) [\(nav.operations.map(\.value.rawValue).joined(separator: ", "))]")
            }
        }
        for operation in model.operations {
            let types = "\(operation.requestType ?? "-") -> \(operation.responseType ?? "-") \(operation.status.map(String.init) ?? "-")"
            lines.append("\(operation.method) \(operation.path) \(operation.kind?.rawValue ?? "?") \(types)")
            if let call = operation.call {
                let parameters = call.parameters.map { "\($0.name): \($0.type)\($0.nullable ? "?" : "")" }.joined(separator: ", ")
                lines.append("  calls \(call.declaringType).\(call.name)(\(parameters))\(call.boundToCollection ? " on the collection" : "")")
            }
            lines.append("  sources: " + operation.sources.map(\.fileAndLine).joined(separator: ", "))
        }
        for diagnostic in model.diagnostics { lines.append(diagnostic.description) }
        return lines.joined(separator: "\n") + "\n"
    }
}
