/// Merges the schema (types, members, navigation) with pages (operations, permissions, descriptions, examples).
public enum ModelBuilder {
    /// - Parameter readingWarnings: what the page readers warned about; the model keeps them with its own.
    public static func build(schema: SchemaDocument, pages: [APIPage], readingWarnings: [Diagnostic] = []) -> APIModel {
        let pages = pages.sorted { $0.file < $1.file }
        var diagnostics = DiagnosticCollector()
        let walker = NavigationWalker(schema: schema)
        let descriptions = PageDescriptions(pages: pages)
        var operations = OperationMerger(walker: walker, pages: pages).merge(diagnostics: &diagnostics)
        var responsesByPage: [String: [ModelExample.Response]] = [:]
        for page in pages { responsesByPage[page.file, default: []] += page.examples.compactMap { $0.response.map(ModelExample.Response.init) } }
        for index in operations.indices {
            let pageFiles = Set(operations[index].sources.map(\.file)).subtracting([schema.file]).sorted()
            operations[index].documentedResponses = pageFiles.flatMap { responsesByPage[$0] ?? [] }
        }
        return APIModel(
            namespace: schema.namespace, module: schema.module, baseURL: schema.baseURL, apiVersion: schema.apiVersion,
            schemaFile: schema.file,
            enums: schema.enums.map { enumeration($0, descriptions: descriptions) }.sorted { $0.name < $1.name },
            entities: schema.entities.map { entity($0, schema: schema, descriptions: descriptions) }.sorted { $0.name < $1.name },
            operations: operations, navigation: walker, diagnostics: (diagnostics.sorted + readingWarnings).sorted())
    }

    private static func enumeration(_ schemaEnum: SchemaEnum, descriptions: PageDescriptions) -> ModelEnum {
        ModelEnum(
            name: schemaEnum.name,
            description: schemaEnum.description ?? descriptions.typeSummary[schemaEnum.name.lowercased()],
            members: schemaEnum.members.map { member in
                ModelEnumMember(
                    name: member.name, value: member.value,
                    description: member.description ?? descriptions.member[schemaEnum.name.lowercased()]?[member.name],
                    source: member.location)
            },
            source: schemaEnum.location, isFlags: schemaEnum.isFlags)
    }

    private static func entity(_ schemaEntity: SchemaEntity, schema: SchemaDocument, descriptions: PageDescriptions) -> ModelEntity {
        var chain: [SchemaEntity] = [schemaEntity]
        var seen: Set<String> = [schemaEntity.name]
        while let baseName = chain.last?.base?.value, !seen.contains(baseName), let base = schema.entity(named: baseName) {
            chain.append(base)
            seen.insert(baseName)
        }
        var properties: [ModelProperty] = []
        var navigationProperties: [ModelProperty] = []
        for declaring in chain.reversed() {
            for nav in declaring.navigation {
                navigationProperties.append(ModelProperty(
                    name: nav.name, type: nav.collection ? .collection(.entity(nav.target)) : .entity(nav.target), nullable: true, readOnly: false,
                    description: nav.description ?? descriptions.relationship[schemaEntity.name.lowercased()]?[nav.name]
                        ?? descriptions.relationship[declaring.name.lowercased()]?[nav.name], inheritedFrom: declaring.name == schemaEntity.name ? nil : declaring.name,
                    source: nav.location, isNavigation: true))
            }
            for property in declaring.properties {
                let described = property.description ?? descriptions.property[schemaEntity.name.lowercased()]?[property.name]
                    ?? descriptions.property[declaring.name.lowercased()]?[property.name]
                properties.append(ModelProperty(
                    name: property.name, type: property.type, nullable: property.nullable, readOnly: property.readOnly,
                    description: described, inheritedFrom: declaring.name == schemaEntity.name ? nil : declaring.name,
                    source: property.location))
            }
        }
        return ModelEntity(
            name: schemaEntity.name, kind: schemaEntity.kind, base: schemaEntity.base?.value, abstract: schemaEntity.abstract,
            description: schemaEntity.description ?? descriptions.typeSummary[schemaEntity.name.lowercased()],
            properties: properties, navigationProperties: navigationProperties, navigation: schemaEntity.navigation, source: schemaEntity.location,
            isOpen: chain.contains(where: \.isOpen), hasStream: chain.contains(where: \.hasStream), key: chain.lazy.compactMap(\.key).first,
            alternateKeys: chain.lazy.map(\.alternateKeys).first { !$0.isEmpty } ?? [])
    }
}

/// Descriptions the pages give, for what the schema leaves undescribed; the first page in path order wins.
private struct PageDescriptions {
    var typeSummary: [String: String] = [:]
    var property: [String: [String: String]] = [:]
    var relationship: [String: [String: String]] = [:]
    var member: [String: [String: String]] = [:]

    init(pages: [APIPage]) {
        for page in pages {
            guard let typeName = Self.subject(of: page) else { continue }
            if page.kind != .operation, let summary = page.summary?.text, typeSummary[typeName] == nil {
                typeSummary[typeName] = summary
            }
            for row in page.properties where !row.description.isEmpty {
                property[typeName, default: [:]][row.name] = property[typeName]?[row.name] ?? row.description
            }
            for row in page.relationships where !row.description.isEmpty {
                relationship[typeName, default: [:]][row.name] = relationship[typeName]?[row.name] ?? row.description
            }
            for row in page.enumMembers where !row.description.isEmpty {
                member[typeName, default: [:]][row.name] = member[typeName]?[row.name] ?? row.description
            }
        }
    }

    /// The type a page is about, lowercased: "userAppInstallStatus resource type", "Create mobileAppInstallStatus".
    static func subject(of page: APIPage) -> String? {
        if page.kind == .operation { return page.requestBodyType?.value.lowercased() ?? page.response?.typeName?.lowercased() }
        guard let title = page.title?.value else { return nil }
        return title.split(separator: " ").first.map { $0.lowercased() }
    }
}
