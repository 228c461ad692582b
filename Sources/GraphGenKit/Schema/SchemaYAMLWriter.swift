/// Writes a schema in the YAML format `SchemaDecoder` reads, deterministically: one flow mapping per property,
/// member and navigation, defaults left out, text quoted only where YAML needs it.
public enum SchemaYAMLWriter {
    public static func render(_ schema: SchemaDocument, header: [String] = []) -> String {
        var lines = header.map { "# " + $0 }
        lines += [
            "namespace: \(scalar(schema.namespace))",
            "module: \(scalar(schema.module))",
            "baseURL: \(scalar(schema.baseURL))",
            "apiVersion: \(scalar(schema.apiVersion))",
        ]
        if !schema.root.isEmpty {
            lines += ["", "root:"]
            for root in schema.root {
                lines.append("  - name: \(scalar(root.name))")
                if let type = root.type {
                    lines.append("    type: \(scalar(type))")
                    if root.collection { lines.append("    collection: true") }
                    lines.append("    operations: [\(root.operations.map(\.value.rawValue).joined(separator: ", "))]")
                    if let description = root.description { lines.append("    description: \(quoted(description))") }
                }
                lines += navigation(root.navigation, indent: "    ")
            }
        }
        if !schema.enums.isEmpty {
            lines += ["", "enums:"]
            for item in schema.enums {
                lines.append("  - name: \(scalar(item.name))")
                if item.isFlags { lines.append("    flags: true") }
                if let description = item.description { lines.append("    description: \(quoted(description))") }
                lines.append(item.members.isEmpty ? "    members: []" : "    members:")
                for member in item.members {
                    var fields = ["name: \(scalar(member.name))"]
                    if let value = member.value { fields.append("value: \(quoted(value))") }
                    if let description = member.description { fields.append("description: \(quoted(description))") }
                    lines.append("      - { \(fields.joined(separator: ", ")) }")
                }
            }
        }
        for kind in [SchemaEntity.Kind.entity, .complex] {
            let types = schema.entities.filter { $0.kind == kind }
            guard !types.isEmpty else { continue }
            lines += ["", kind == .entity ? "entities:" : "complexTypes:"]
            for type in types { lines += entity(type) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func entity(_ type: SchemaEntity) -> [String] {
        var lines = ["  - name: \(scalar(type.name))"]
        if let base = type.base { lines.append("    base: \(scalar(base.value))") }
        if type.abstract { lines.append("    abstract: true") }
        if type.isOpen { lines.append("    open: true") }
        if type.hasStream { lines.append("    hasStream: true") }
        if let key = type.key { lines.append("    key: [\(key.map(scalar).joined(separator: ", "))]") }
        if !type.alternateKeys.isEmpty { lines.append("    alternateKeys: [\(type.alternateKeys.map(scalar).joined(separator: ", "))]") }
        if let description = type.description { lines.append("    description: \(quoted(description))") }
        if !type.properties.isEmpty {
            lines.append("    properties:")
            for property in type.properties {
                var fields = ["name: \(scalar(property.name))", "type: \(scalar(property.type.description))"]
                if !property.nullable { fields.append("nullable: false") }
                if property.readOnly { fields.append("readOnly: true") }
                if let description = property.description { fields.append("description: \(quoted(description))") }
                lines.append("      - { \(fields.joined(separator: ", ")) }")
            }
        }
        lines += navigation(type.navigation, indent: "    ")
        if !type.actions.isEmpty {
            lines.append("    actions:")
            for action in type.actions {
                lines.append(actionLine(
                    name: action.name, kind: action.kind, boundToCollection: action.boundToCollection,
                    parameters: action.parameters.map { ($0.name, $0.type.description, $0.nullable) },
                    returns: action.returns?.description, description: action.description, namespace: action.namespace, composable: action.composable))
            }
        }
        return lines
    }

    /// One entry of an entity's `actions:` list; types as the schema spells them.
    static func actionLine(name: String, kind: BoundCall.Kind, boundToCollection: Bool, parameters: [(name: String, type: String, nullable: Bool)],
                           returns: String?, description: String?, namespace: String? = nil, composable: Bool = false) -> String {
        var fields = ["name: \(scalar(name))"]
        if let namespace { fields.append("namespace: \(scalar(namespace))") }
        if kind == .function { fields.append("kind: function") }
        if composable { fields.append("composable: true") }
        if boundToCollection { fields.append("bound: collection") }
        if !parameters.isEmpty {
            let written = parameters.map { "{ name: \(scalar($0.name)), type: \(scalar($0.type))\($0.nullable ? "" : ", nullable: false") }" }
            fields.append("parameters: [\(written.joined(separator: ", "))]")
        }
        if let returns { fields.append("returns: \(scalar(returns))") }
        if let description { fields.append("description: \(quoted(description))") }
        return "      - { \(fields.joined(separator: ", ")) }"
    }

    private static func navigation(_ navigation: [NavigationProperty], indent: String) -> [String] {
        guard !navigation.isEmpty else { return [] }
        var lines = [indent + "navigation:"]
        for nav in navigation {
            var fields = ["name: \(scalar(nav.name))", "target: \(scalar(nav.target))"]
            if !nav.collection { fields.append("collection: false") }
            if !nav.contained { fields.append("contained: false") }
            fields.append("operations: [\(nav.operations.map(\.value.rawValue).joined(separator: ", "))]")
            if let description = nav.description { fields.append("description: \(quoted(description))") }
            lines.append(indent + "  - { \(fields.joined(separator: ", ")) }")
        }
        return lines
    }

    private static let plainWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]

    /// Plain when the text is a name YAML reads back as the same string, else double-quoted.
    static func scalar(_ text: String) -> String {
        let allowed = text.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || "_.-()".unicodeScalars.contains(scalar)
        }
        guard allowed, let first = text.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) || first == "_",
              !plainWords.contains(text.lowercased()) else { return quoted(text) }
        return text
    }

    /// A double-quoted YAML scalar: JSON's escapes, plus the characters YAML does not allow unescaped
    /// (DEL, C1 controls other than NEL, the byte-order mark, U+FFFE/U+FFFF) and the line separators.
    static func quoted(_ text: String) -> String {
        QuotedText.quoted(text) { scalar in
            scalar.value == 0x7F || ((0x80...0x9F).contains(scalar.value) && scalar.value != 0x85) || [0xFEFF, 0xFFFE, 0xFFFF, 0x2028, 0x2029].contains(scalar.value)
        }
    }
}
