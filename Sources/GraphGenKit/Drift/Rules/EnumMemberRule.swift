/// Enum members a page lists ("Possible values are: …" or a Members table) against the schema.
enum EnumMemberRule {
    static func check(_ context: DriftContext) -> [DriftFinding] {
        var findings: [DriftFinding] = []
        for page in context.pages {
            if let entity = context.entity(of: page) {
                for row in page.properties where !row.possibleValues.isEmpty {
                    guard let property = entity.properties.first(where: { $0.name == row.name }),
                          case .enumeration(let name) = property.type.element, let schemaEnum = context.model.enumeration(named: name) else { continue }
                    findings += compare(listed: row.possibleValues, schemaEnum: schemaEnum, where: "'\(row.name)'", at: row.location)
                }
            }
            if page.kind == .enumeration, let title = page.title?.value.split(separator: " ").first,
               let schemaEnum = context.model.enums.first(where: { $0.name.lowercased() == title.lowercased() }), let first = page.enumMembers.first {
                findings += compare(listed: page.enumMembers.map(\.name), schemaEnum: schemaEnum, where: "the Members table", at: first.location)
            }
        }
        return findings
    }

    /// OData's evolvable-enum sentinel: services declare it so clients keep members added later; pages leave it out.
    static let sentinel = "unknownFutureValue"

    private static func compare(listed: [String], schemaEnum: ModelEnum, where subject: String, at location: SourceLocation) -> [DriftFinding] {
        let schemaNames = schemaEnum.members.map(\.name)
        // Member names compare without letter case, as the service reads them.
        let listedLowercased = Set(listed.map { $0.lowercased() }), schemaLowercased = Set(schemaNames.map { $0.lowercased() })
        let missing = schemaNames.filter { !listedLowercased.contains($0.lowercased()) && $0 != sentinel }
        let extra = listed.filter { !schemaLowercased.contains($0.lowercased()) }
        var findings: [DriftFinding] = []
        if !missing.isEmpty {
            findings.append(DriftFinding(
                rule: .enumMemberMissing, message: "\(subject) lists \(listed.count) members of \(schemaEnum.name); the schema has \(schemaNames.count). Missing: \(missing.joined(separator: ", "))",
                location: location, related: schemaEnum.source, hint: "list every member the schema has, in its order"))
        }
        if !extra.isEmpty {
            findings.append(DriftFinding(
                rule: .enumMemberExtra, message: "\(subject) lists members the schema's \(schemaEnum.name) does not have: \(extra.joined(separator: ", "))",
                location: location, related: schemaEnum.source, hint: "add them to the schema if the service returns them, else remove them from the page"))
        }
        return findings
    }
}
