/// Property tables against the schema: missing, extra, different type, and rows listed twice. Each table is read as
/// what it is: a resource page's table lists the type's properties; a create or update page's request-body table a
/// subset (what a client may send: a member the type lacks is a finding, one left out is not); an action's or
/// function's table its parameters, which are not the type's properties at all.
enum PropertyTableRule {
    static func check(_ context: DriftContext) -> [DriftFinding] {
        var findings: [DriftFinding] = []
        let callPages = Set(context.model.operations.filter { $0.call != nil }.flatMap { $0.sources.map(\.file) })
        for page in context.pages where !page.properties.isEmpty && !callPages.contains(page.file) {
            guard let entity = context.entity(of: page) else { continue }
            // A table can hold hundreds of thousands of rows: rows are remembered by index, not copied.
            var seen: [String: Int] = [:]
            seen.reserveCapacity(page.properties.count)
            let declared = Dictionary(entity.properties.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            let declaredByLowercased = Dictionary(entity.properties.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
            for (index, row) in page.properties.enumerated() {
                if let firstIndex = seen[row.name] {
                    let first = page.properties[firstIndex]
                    findings.append(DriftFinding(
                        rule: .propertyDuplicate, message: "the property table lists '\(row.name)' twice (\(first.type) and \(row.type))",
                        location: row.location, related: first.location, hint: "keep one row for '\(row.name)'"))
                    continue
                }
                seen[row.name] = index
                // The service reads member names in any letter case: a case-only difference is a note of its own.
                if declared[row.name] == nil, let property = declaredByLowercased[row.name.lowercased()] {
                    seen[property.name] = index
                    findings.append(DriftFinding(
                        rule: .propertyCase, message: "the page spells '\(property.name)' as '\(row.name)'",
                        location: row.location, related: property.source, hint: "spell it '\(property.name)' as the schema does"))
                    continue
                }
                guard let property = declared[row.name] else {
                    findings.append(DriftFinding(
                        rule: .propertyExtra, message: "the page lists '\(row.name)' (\(row.type)), which the schema's \(entity.name) does not have",
                        location: row.location, related: entity.source, hint: "add '\(row.name)' to the schema or remove the row"))
                    continue
                }
                if !PageTypeText.matches(row.type, property.type, namespace: context.model.namespace) {
                    findings.append(DriftFinding(
                        rule: .propertyType, message: "the page types '\(row.name)' as '\(row.type)', the schema as '\(property.type)'",
                        location: row.typeLocation, related: property.source, hint: "write the schema's type '\(property.type)' in the Type column"))
                }
            }
            // Only a resource page's table is the whole type; a request-body table lists what that request sends.
            guard page.kind == .resource else { continue }
            for property in entity.properties where seen[property.name] == nil {
                let table = page.properties.first?.location ?? page.title?.location ?? SourceLocation(file: page.file, line: 1)
                findings.append(DriftFinding(
                    rule: .propertyMissing, message: "the property table of \(entity.name) has no row for '\(property.name)', which the schema declares as \(property.type)",
                    location: table, related: property.source, hint: "add a row for '\(property.name)' or remove it from the schema"))
            }
        }
        return findings
    }
}

/// How pages spell types: `String`, `resultantAppState`, `String collection`, `Collection(String)`.
enum PageTypeText {
    static func matches(_ text: String, _ type: GraphType, namespace: String) -> Bool {
        normalize(text, namespace: namespace) == canonical(type)
    }

    /// Qualified names (`microsoft.graph.x`, or the schema's namespace) compare as their short name.
    static func normalize(_ text: String, namespace: String = "microsoft.graph") -> String {
        var value = text.trimmed
        var collection = false
        if value.lowercased().hasSuffix(" collection") {
            value = String(value.dropLast(" collection".count)).trimmed
            collection = true
        }
        let parsed = TypeSpelling.parse(value)
        var name = parsed.name
        for prefix in [namespace + ".", "microsoft.graph."] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
            break
        }
        if let primitive = GraphPrimitive(name: name) { name = primitive.rawValue }
        let depth = parsed.collectionDepth + (collection ? 1 : 0)
        return String(repeating: "Collection(", count: depth) + name.lowercased() + String(repeating: ")", count: depth)
    }

    static func canonical(_ type: GraphType) -> String {
        switch type {
        case .collection(let element): "Collection(\(canonical(element)))"
        case .primitive(let primitive): primitive.rawValue.lowercased()
        case .enumeration(let name), .entity(let name), .complex(let name): name.lowercased()
        }
    }
}
