import Foundation

/// Reads an EDMX document's element tree into a `CSDLDocument`; a missing required attribute is a located error,
/// and elements GraphGen does not read are kept as `unread` so the import can count them.
public enum CSDLDecoder {
    public static func read(path: String, displayPath: String) throws -> CSDLDocument {
        let data = try InputFile.readData(path, displayPath: displayPath)
        return try decode(data, file: displayPath)
    }

    public static func decode(_ data: Data, file: String) throws -> CSDLDocument {
        let root = try XMLReader.parse(data, file: file)
        var decoding = Decoding()
        let document = decoding.document(root, file: file)
        try decoding.diagnostics.throwIfErrors()
        return document
    }
}

private struct Decoding {
    var diagnostics = DiagnosticCollector()

    mutating func required(_ element: XMLElementNode, _ attribute: String) -> String {
        guard let value = element[attribute], !value.isEmpty else {
            diagnostics.add(.error("<\(element.localName)> has no \(attribute) attribute", at: element.location, rule: "csdl-shape"))
            return ""
        }
        return value
    }

    mutating func requiredType(_ element: XMLElementNode, _ attribute: String = "Type") -> Located<String> {
        Located(required(element, attribute), at: element.location)
    }

    func flag(_ element: XMLElementNode, _ attribute: String, default value: Bool) -> Bool {
        guard let text = element[attribute] else { return value }
        return text == "true" || text == "1"
    }

    mutating func document(_ root: XMLElementNode, file: String) -> CSDLDocument {
        guard root.localName == "Edmx" else {
            diagnostics.add(.error("the root element is <\(root.name)>, not <edmx:Edmx>: this is not OData CSDL metadata", at: root.location, rule: "csdl-shape"))
            return CSDLDocument(file: file, schemas: [])
        }
        var schemas: [CSDLSchema] = []
        for services in root.children where services.localName == "DataServices" {
            for element in services.children where element.localName == "Schema" {
                schemas.append(schema(element))
            }
        }
        if schemas.isEmpty {
            diagnostics.add(.error("the document declares no <Schema> under <edmx:DataServices>", at: root.location, rule: "csdl-shape"))
        }
        var warnings: [Diagnostic] = []
        if let version = root["Version"], !["4.0", "4.01"].contains(version) {
            warnings.append(.warning("the metadata declares EDMX version \(version); GraphGen reads OData v4 (4.0 and 4.01)", at: root.location, rule: "csdl-namespace"))
        }
        warnings += Self.namespaceWarnings(root, expected: Self.edmxNamespace)
        for services in root.children where services.localName == "DataServices" {
            for element in services.children where element.localName == "Schema" {
                warnings += Self.namespaceWarnings(element, expected: Self.edmNamespace)
            }
        }
        return CSDLDocument(file: file, schemas: schemas, warnings: warnings)
    }

    static let edmxNamespace = "http://docs.oasis-open.org/odata/ns/edmx"
    static let edmNamespace = "http://docs.oasis-open.org/odata/ns/edm"

    /// The reader goes by local names, so an element of another XML namespace would be read as if it were OData's:
    /// said, once per element that declares the namespace its prefix (or its default) resolves to.
    static func namespaceWarnings(_ element: XMLElementNode, expected: String) -> [Diagnostic] {
        let prefix = element.name.split(separator: ":", maxSplits: 1).count == 2 ? String(element.name.split(separator: ":")[0]) : nil
        let declaration = prefix.map { "xmlns:" + $0 } ?? "xmlns"
        guard let declared = element[declaration], declared != expected else { return [] }
        return [.warning("<\(element.name)> is in the XML namespace '\(declared)', not OData v4's '\(expected)'; it is read as OData v4", at: element.location, rule: "csdl-namespace")]
    }

    mutating func schema(_ element: XMLElementNode) -> CSDLSchema {
        var schema = CSDLSchema(namespace: required(element, "Namespace"), alias: element["Alias"], location: element.location)
        for child in element.children {
            switch child.localName {
            case "EnumType": schema.enumTypes.append(enumType(child))
            case "EntityType": schema.structuredTypes.append(structuredType(child, kind: .entity))
            case "ComplexType": schema.structuredTypes.append(structuredType(child, kind: .complex))
            case "Action": schema.operations.append(operation(child, kind: .action))
            case "Function": schema.operations.append(operation(child, kind: .function))
            case "EntityContainer": schema.containers.append(container(child))
            case "Annotations":
                schema.externalAnnotations.append(CSDLAnnotationBlock(target: required(child, "Target"), annotations: annotations(child), location: child.location))
            default:
                schema.unread.append(CSDLUnread(element: child.localName, name: child["Name"], location: child.location))
            }
        }
        return schema
    }

    func annotations(_ element: XMLElementNode) -> [CSDLAnnotation] {
        element.children.filter { $0.localName == "Annotation" }.map { annotation in
            let valueAttributes = ["String", "Bool", "EnumMember", "Int", "Path"]
            var record: [String: String] = [:]
            for child in annotation.children where child.localName == "Record" {
                for value in child.children where value.localName == "PropertyValue" {
                    guard let property = value["Property"] else { continue }
                    record[property] = valueAttributes.lazy.compactMap { value[$0] }.first
                }
            }
            let records = annotation.children.filter { $0.localName == "Collection" }.flatMap(Self.records)
            return CSDLAnnotation(term: annotation["Term"] ?? "", value: valueAttributes.lazy.compactMap { annotation[$0] }.first,
                                  record: record, records: records, location: annotation.location)
        }
    }

    /// The `Record`s of a `Collection`, each with its property values and nested collections (as deep as the XML
    /// reader allows).
    static func records(_ collection: XMLElementNode) -> [CSDLRecord] {
        let valueAttributes = ["String", "Bool", "EnumMember", "Int", "Path", "PropertyPath"]
        return collection.children.filter { $0.localName == "Record" }.map { record in
            var result = CSDLRecord(values: [:], collections: [:])
            for value in record.children where value.localName == "PropertyValue" {
                guard let property = value["Property"] else { continue }
                if let text = valueAttributes.lazy.compactMap({ value[$0] }).first { result.values[property] = text }
                let nested = value.children.filter { $0.localName == "Collection" }.flatMap(records)
                if !nested.isEmpty { result.collections[property] = nested }
            }
            return result
        }
    }

    mutating func enumType(_ element: XMLElementNode) -> CSDLEnumType {
        let members = element.children.filter { $0.localName == "Member" }.map { member in
            CSDLEnumType.Member(name: required(member, "Name"), value: member["Value"], annotations: annotations(member), location: member.location)
        }
        return CSDLEnumType(name: required(element, "Name"), isFlags: flag(element, "IsFlags", default: false), members: members,
                            annotations: annotations(element), location: element.location)
    }

    mutating func structuredType(_ element: XMLElementNode, kind: CSDLStructuredType.Kind) -> CSDLStructuredType {
        var properties: [CSDLProperty] = []
        var navigation: [CSDLNavigationProperty] = []
        var key: [String]?
        for child in element.children {
            switch child.localName {
            case "Property":
                properties.append(CSDLProperty(name: required(child, "Name"), type: requiredType(child), nullable: flag(child, "Nullable", default: true),
                                               annotations: annotations(child), location: child.location))
            case "NavigationProperty":
                navigation.append(CSDLNavigationProperty(name: required(child, "Name"), type: requiredType(child), nullable: flag(child, "Nullable", default: true),
                                                         containsTarget: flag(child, "ContainsTarget", default: false), annotations: annotations(child), location: child.location))
            case "Key":
                key = child.children.filter { $0.localName == "PropertyRef" }.map { required($0, "Name") }
            default:
                break
            }
        }
        return CSDLStructuredType(
            kind: kind, name: required(element, "Name"), baseType: element["BaseType"].map { Located($0, at: element.location) },
            isAbstract: flag(element, "Abstract", default: false), isOpen: flag(element, "OpenType", default: false),
            hasStream: flag(element, "HasStream", default: false), key: key, properties: properties, navigation: navigation,
            annotations: annotations(element), location: element.location)
    }

    mutating func operation(_ element: XMLElementNode, kind: CSDLOperation.Kind) -> CSDLOperation {
        let parameters = element.children.filter { $0.localName == "Parameter" }.map { parameter in
            CSDLOperation.Parameter(name: required(parameter, "Name"), type: requiredType(parameter), nullable: flag(parameter, "Nullable", default: true), location: parameter.location)
        }
        let returnType = element.children.first { $0.localName == "ReturnType" }.map { requiredType($0) }
        return CSDLOperation(kind: kind, name: required(element, "Name"), isBound: flag(element, "IsBound", default: false),
                             isComposable: flag(element, "IsComposable", default: false), parameters: parameters, returnType: returnType, location: element.location)
    }

    mutating func container(_ element: XMLElementNode) -> CSDLContainer {
        var entries: [CSDLContainer.Entry] = []
        var unread: [CSDLUnread] = []
        for child in element.children {
            let kind: CSDLContainer.Entry.Kind
            switch child.localName {
            case "EntitySet": kind = .entitySet
            case "Singleton": kind = .singleton
            default:
                unread.append(CSDLUnread(element: child.localName, name: child["Name"], location: child.location))
                continue
            }
            let bindings = child.children.filter { $0.localName == "NavigationPropertyBinding" }.map { (path: $0["Path"] ?? "", target: $0["Target"] ?? "") }
            entries.append(CSDLContainer.Entry(kind: kind, name: required(child, "Name"), type: requiredType(child, kind == .entitySet ? "EntityType" : "Type"),
                                               bindings: bindings, annotations: annotations(child), location: child.location))
        }
        return CSDLContainer(name: required(element, "Name"), entries: entries, unread: unread, location: element.location)
    }
}
