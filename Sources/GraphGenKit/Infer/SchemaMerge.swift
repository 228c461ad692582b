/// What pages imply for an existing schema: additions it could take, and conflicts a person must decide.
public enum SchemaMerge {
    public struct Report: Sendable {
        public var additions: [String] = []
        public var conflicts: [String] = []
        public var notes: [String] = []

        public var text: String {
            var lines: [String] = []
            lines += additions.map { "add: \($0)" }
            lines += conflicts.map { "conflict: \($0)" }
            lines += notes.map { "note: \($0)" }
            if lines.isEmpty { lines = ["the schema already has everything the pages describe"] }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    public static func compare(inferred: SchemaDocument, existing: SchemaDocument) -> Report {
        var report = Report()
        for item in inferred.enums {
            guard let current = existing.enumeration(named: item.name) else {
                report.additions.append("enum \(item.name) with members \(item.members.map(\.name).joined(separator: ", "))")
                continue
            }
            let known = Set(current.members.map(\.name))
            let new = item.members.map(\.name).filter { !known.contains($0) }
            if !new.isEmpty { report.additions.append("members of \(item.name) (\(existing.file):\(current.location.line)): \(new.joined(separator: ", "))") }
            let unlisted = current.members.map(\.name).filter { name in !item.members.contains { $0.name == name } }
            if !unlisted.isEmpty { report.notes.append("pages do not list \(unlisted.count) members of \(item.name) the schema has (older pages?)") }
        }
        for entity in inferred.entities where entity.name != "entity" {
            guard let current = existing.entity(named: entity.name) else {
                report.additions.append("entity \(entity.name) with properties \(entity.properties.map(\.name).joined(separator: ", "))")
                continue
            }
            let currentProperties = allProperties(of: current, in: existing)
            for property in entity.properties {
                guard let match = currentProperties.first(where: { $0.name == property.name }) else {
                    report.additions.append("property \(entity.name).\(property.name): \(property.type)")
                    continue
                }
                if match.type != property.type {
                    report.conflicts.append("\(entity.name).\(property.name) is \(match.type) in the schema (\(existing.file):\(match.location.line)) but \(property.type) on the pages")
                }
            }
            for nav in entity.navigation {
                compareNavigation(nav, owner: entity.name, current: current.navigation, file: existing.file, into: &report)
            }
        }
        for root in inferred.root {
            guard let current = existing.root.first(where: { $0.name == root.name }) else {
                report.additions.append("root \(root.name)")
                continue
            }
            for nav in root.navigation {
                compareNavigation(nav, owner: root.name, current: current.navigation, file: existing.file, into: &report)
            }
        }
        return report
    }

    private static func compareNavigation(_ nav: SchemaNavigation, owner: String, current: [SchemaNavigation], file: String, into report: inout Report) {
        guard let match = current.first(where: { $0.name == nav.name }) else {
            report.additions.append("navigation \(owner).\(nav.name) → \(nav.target)")
            return
        }
        if match.target != nav.target {
            report.conflicts.append("\(owner).\(nav.name) targets \(match.target) in the schema (\(file):\(match.location.line)) but \(nav.target) on the pages")
        }
        let declared = Set(match.operations.map(\.value))
        let missing = nav.operations.map(\.value).filter { !declared.contains($0) }
        if !missing.isEmpty {
            report.additions.append("operations on \(owner).\(nav.name) (\(file):\(match.location.line)): \(missing.map(\.rawValue).joined(separator: ", "))")
        }
    }

    private static func allProperties(of entity: SchemaEntity, in schema: SchemaDocument) -> [SchemaProperty] {
        var result = entity.properties
        var seen: Set<String> = [entity.name]
        var base = entity.base?.value
        while let name = base, !seen.contains(name), let parent = schema.entity(named: name) {
            seen.insert(name)
            result += parent.properties
            base = parent.base?.value
        }
        return result
    }
}
