/// Type names: qualifying, naming relative to the container's namespace, resolving, checking base types.
extension Importer {
    /// `graph.user` → `microsoft.graph.user`; also for targets such as `graph.user/displayName`.
    func qualify(_ name: String) -> String {
        let head = name.split(separator: "/", maxSplits: 1).first.map(String.init) ?? name
        let rest = name.dropFirst(head.count)
        guard let dot = head.lastIndex(of: ".") else { return name }
        let prefix = String(head[..<dot])
        return (aliases[prefix] ?? prefix) + head[dot...] + rest
    }

    /// The schema's name for a qualified type: bare in the container's namespace, else relative to it.
    func localName(_ key: TypeKey) -> String {
        key.qualified.hasPrefix(namespace + ".") ? String(key.qualified.dropFirst(namespace.count + 1)) : key.qualified
    }

    /// Each `BaseType` names a structured type of its own kind, and no chain of them comes back to where it started:
    /// said at the CSDL line, before the import builds a schema that the schema reader would refuse.
    func checkBaseTypes(_ collector: inout DiagnosticCollector) {
        for key in structured.keys.sorted(by: { $0.qualified < $1.qualified }) {
            guard let type = structured[key], let base = type.baseType else { continue }
            let baseKey = TypeKey(qualified: qualify(base.value))
            guard let baseType = structured[baseKey] else {
                collector.add(.error("\(type.name)'s BaseType '\(base.value)' is no EntityType or ComplexType of this document", at: base.location, rule: "csdl-unknown-type"))
                continue
            }
            if baseType.kind != type.kind {
                collector.add(.error("\(type.name) is a\(type.kind == .entity ? "n EntityType" : " ComplexType") but its BaseType '\(base.value)' is a\(baseType.kind == .entity ? "n EntityType" : " ComplexType")", at: base.location, rule: "csdl-base-type"))
            }
            var seen: Set<TypeKey> = [key]
            var current: TypeKey? = baseKey
            while let next = current, let declared = structured[next] {
                guard seen.insert(next).inserted else {
                    if next == key {
                        let names = ([key] + chain(from: baseKey, to: key)).map { localName($0) }
                        collector.add(.error("the BaseType chain \(names.joined(separator: " → ")) comes back to \(type.name)", at: base.location, rule: "csdl-base-type"))
                    }
                    break
                }
                current = declared.baseType.map { TypeKey(qualified: qualify($0.value)) }
            }
        }
    }

    func chain(from start: TypeKey, to end: TypeKey) -> [TypeKey] {
        var keys: [TypeKey] = []
        var current: TypeKey? = start
        while let next = current, keys.count <= structured.count {
            keys.append(next)
            if next == end { break }
            current = structured[next]?.baseType.map { TypeKey(qualified: qualify($0.value)) }
        }
        return keys
    }

    enum Resolved {
        case primitive(GraphPrimitive)
        case structured(TypeKey)
        case enumeration(TypeKey)
    }

    /// Resolves `Collection(graph.x)`, `Edm.String`, `self.alert`; nil (with a diagnostic) for what cannot be resolved.
    mutating func resolve(_ text: Located<String>, unsupported: inout [Located<String>]) -> (Resolved, depth: Int)? {
        let parsed = TypeSpelling.parse(text.value)
        if parsed.name.hasPrefix("Edm.") {
            guard let primitive = GraphPrimitive(name: parsed.name) else {
                unsupported.append(Located(parsed.name, at: text.location))
                return nil
            }
            return (.primitive(primitive), parsed.collectionDepth)
        }
        let key = TypeKey(qualified: qualify(parsed.name))
        if structured[key] != nil { return (.structured(key), parsed.collectionDepth) }
        if enums[key] != nil { return (.enumeration(key), parsed.collectionDepth) }
        diagnostics.add(.error("unknown type '\(parsed.name)' (no EntityType, ComplexType or EnumType of that name, and not an Edm primitive)", at: text.location, rule: "csdl-unknown-type"))
        return nil
    }

    func annotations(_ inline: [CSDLAnnotation], target: String) -> [CSDLAnnotation] {
        inline + (annotationsByTarget[target] ?? [])
    }

    static func description(_ annotations: [CSDLAnnotation]) -> String? {
        let text = annotations.first { $0.shortTerm == "Description" }?.value ?? annotations.first { $0.shortTerm == "LongDescription" }?.value
        return text.map { $0.trimmed }.flatMap { $0.isEmpty ? nil : $0 }
    }

    static func isTrue(_ annotations: [CSDLAnnotation], _ term: String) -> Bool {
        annotations.contains { $0.shortTerm == term && ($0.value ?? "true") == "true" }
    }


    func graphType(_ resolved: Resolved, depth: Int) -> GraphType {
        var type: GraphType
        switch resolved {
        case .primitive(let primitive): type = .primitive(primitive)
        case .enumeration(let key): type = .enumeration(localName(key))
        case .structured(let key): type = structured[key]?.kind == .complex ? .complex(localName(key)) : .entity(localName(key))
        }
        for _ in 0..<depth { type = .collection(type) }
        return type
    }

}
