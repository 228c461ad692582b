/// Building the schema from what the walk kept.
extension Importer {
    mutating func buildSchema(keptTypes: Set<TypeKey>, roots: [(entry: CSDLContainer.Entry, type: TypeKey)], unsupported: inout [Located<String>]) -> SchemaDocument {
        var schemaEnums: [SchemaEnum] = []
        for key in keptTypes.sorted() {
            guard let item = enums[key] else { continue }
            let members = item.members.map { member in
                SchemaEnumMember(name: member.name, value: member.value,
                                 description: Self.description(annotations(member.annotations, target: key.qualified + "/" + member.name)), location: member.location)
            }
            schemaEnums.append(SchemaEnum(name: localName(key), description: Self.description(annotations(item.annotations, target: key.qualified)),
                                          members: members, location: item.location, isFlags: item.isFlags))
        }
        var entities: [SchemaEntity] = []
        for key in keptTypes.sorted() {
            guard let type = structured[key] else { continue }
            var properties: [SchemaProperty] = []
            for property in type.properties {
                guard let (resolved, depth) = resolve(property.type, unsupported: &unsupported) else { continue }
                let propertyAnnotations = annotations(property.annotations, target: key.qualified + "/" + property.name)
                properties.append(SchemaProperty(
                    name: property.name, type: graphType(resolved, depth: depth), nullable: property.nullable,
                    readOnly: Self.isTrue(propertyAnnotations, "Computed") || Self.isTrue(propertyAnnotations, "Immutable"),
                    description: Self.description(propertyAnnotations), location: property.location))
            }
            let navigation = type.navigation.compactMap { nav -> NavigationProperty? in
                guard keptNavigation.contains(NavigationKey(owner: key, name: nav.name)) else { return nil }
                return schemaNavigation(nav, owner: key)
            }
            entities.append(SchemaEntity(
                name: localName(key), kind: type.kind == .entity ? .entity : .complex,
                base: type.baseType.map { Located(localName(TypeKey(qualified: qualify($0.value))), at: $0.location) },
                abstract: type.isAbstract, description: Self.description(annotations(type.annotations, target: key.qualified)),
                properties: properties, navigation: navigation, location: type.location, actions: actions(boundTo: key),
                isOpen: type.isOpen, hasStream: type.hasStream, key: type.key == ["id"] ? nil : type.key,
                alternateKeys: alternateKeys(of: type, key: key)))
        }
        let rootEntries = roots.map { root in
            let entryAnnotations = annotations(root.entry.annotations, target: containerName(of: root.entry) + "/" + root.entry.name)
            let operations = self.operations(collection: root.entry.kind == .entitySet, contained: true, restrictions: entryAnnotations)
            return EntryPoint(name: root.entry.name, navigation: [], location: root.entry.location, type: localName(root.type),
                              collection: root.entry.kind == .entitySet, operations: operations.map { Located($0, at: root.entry.location) },
                              description: Self.description(entryAnnotations))
        }
        let module = options.module ?? "GraphClient"
        return SchemaDocument(file: document.file, namespace: namespace, module: module, baseURL: options.baseURL,
                              apiVersion: options.apiVersion ?? "v1.0", enums: schemaEnums, entities: entities, root: rootEntries)
    }

    /// The kept type's bound actions and functions; one whose parameter or return type GraphGen cannot express is left out.
    mutating func actions(boundTo key: TypeKey) -> [BoundCall] {
        var result: [BoundCall] = []
        for (operation, toCollection, qualifier) in bound[key] ?? [] {
            var unsupported: [Located<String>] = []
            var parameters: [CallParameter] = []
            for parameter in operation.parameters.dropFirst() {
                guard let (resolved, depth) = resolve(parameter.type, unsupported: &unsupported) else { continue }
                parameters.append(CallParameter(name: parameter.name, type: graphType(resolved, depth: depth), nullable: parameter.nullable, location: parameter.location))
            }
            var returns: GraphType?
            if let text = operation.returnType, let (resolved, depth) = resolve(text, unsupported: &unsupported) {
                returns = graphType(resolved, depth: depth)
            }
            guard unsupported.isEmpty, parameters.count == operation.parameters.count - 1, (returns == nil) == (operation.returnType == nil) else {
                skippedOperations["with a parameter or return type GraphGen does not support (\(Set(unsupported.map(\.value)).sorted().joined(separator: ", ")))", default: []].append(operation.location)
                continue
            }
            result.append(BoundCall(
                name: operation.name, kind: operation.kind == .action ? .action : .function, boundToCollection: toCollection,
                parameters: parameters, returns: returns, description: nil, location: operation.location, namespace: qualifier,
                composable: operation.kind == .function && operation.isComposable))
        }
        return result
    }

    /// Operations from containment and the capability annotations on the navigation or on its target type.
    mutating func schemaNavigation(_ nav: CSDLNavigationProperty, owner: TypeKey) -> NavigationProperty? {
        var ignored: [Located<String>] = []
        guard let (resolved, depth) = resolve(nav.type, unsupported: &ignored), case .structured(let target) = resolved else { return nil }
        let collection = depth > 0
        let restrictions = annotations(nav.annotations, target: owner.qualified + "/" + nav.name) + (annotationsByTarget[target.qualified] ?? [])
        var operations = self.operations(collection: collection, contained: expands(nav, target: target) || (nav.containsTarget && collection), restrictions: restrictions)
        // A navigation the schema marks not contained refers to items of an entity set: `$ref` adds and removes them.
        if collection, !expands(nav, target: target) {
            for kind in [OperationKind.addReference, .removeReference] where !operations.contains(kind) { operations.append(kind) }
        }
        return NavigationProperty(
            name: nav.name, target: localName(target), collection: collection, contained: expands(nav, target: target),
            operations: operations.map { Located($0, at: nav.location) },
            description: Self.description(annotations(nav.annotations, target: owner.qualified + "/" + nav.name)), location: nav.location)
    }

    /// The qualified name of the container that declares `entry`, as annotation targets write it.
    func containerName(of entry: CSDLContainer.Entry) -> String {
        for schema in document.schemas {
            for container in schema.containers where container.entries.contains(where: { $0.location == entry.location }) {
                return schema.namespace + "." + container.name
            }
        }
        return namespace
    }

    /// The operations at a navigation or root: containment decides what may exist, capability annotations take away.
    func operations(collection: Bool, contained: Bool, restrictions: [CSDLAnnotation]) -> [OperationKind] {
        func allowed(_ term: String, _ property: String) -> Bool {
            !restrictions.contains { $0.shortTerm == term && $0.record[property] == "false" }
        }
        var operations: [OperationKind]
        switch (collection, contained) {
        case (true, true): operations = [.list, .get, .create, .update, .delete]
        case (false, true): operations = [.get, .update]
        case (true, false): operations = [.list, .get]
        case (false, false): operations = [.get]
        }
        if !allowed("ReadRestrictions", "Readable") { operations.removeAll { $0 == .list || $0 == .get } }
        if !allowed("InsertRestrictions", "Insertable") { operations.removeAll { $0 == .create } }
        if !allowed("UpdateRestrictions", "Updatable") { operations.removeAll { $0 == .update } }
        if !allowed("DeleteRestrictions", "Deletable") { operations.removeAll { $0 == .delete } }
        return operations
    }

    /// `Core.AlternateKeys` of one type: each key of one property of the type (`appId`); a key of several properties
    /// is counted as left out.
    mutating func alternateKeys(of type: CSDLStructuredType, key: TypeKey) -> [String] {
        var result: [String] = []
        for annotation in annotations(type.annotations, target: key.qualified) where annotation.shortTerm == "AlternateKeys" {
            for record in annotation.records {
                let names = (record.collections["Key"] ?? []).compactMap { $0.values["Name"] }
                guard names.count == 1, let name = names.first, type.properties.contains(where: { $0.name == name }), !result.contains(name) else {
                    compositeAlternateKeys.append(annotation.location)
                    continue
                }
                result.append(name)
            }
        }
        return result
    }

}
