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
        merge(inferred: inferred, existing: existing).report
    }

    /// The report, and the existing schema with every addition applied (conflicts are left as the schema has them).
    public static func merge(inferred: SchemaDocument, existing: SchemaDocument) -> (report: Report, merged: SchemaDocument) {
        var report = Report()
        var merged = existing
        var enums = existing.enums
        for item in inferred.enums {
            guard let index = enums.firstIndex(where: { $0.name == item.name }) else {
                report.additions.append("enum \(item.name) with members \(item.members.map(\.name).joined(separator: ", "))")
                enums.append(item)
                continue
            }
            let current = enums[index]
            let known = Set(current.members.map(\.name))
            let new = item.members.filter { !known.contains($0.name) }
            if !new.isEmpty {
                report.additions.append("members of \(item.name) (\(existing.file):\(current.location.line)): \(new.map(\.name).joined(separator: ", "))")
                enums[index].members += new
            }
            let unlisted = current.members.map(\.name).filter { name in !item.members.contains { $0.name == name } }
            if !unlisted.isEmpty { report.notes.append("pages do not list \(unlisted.count) members of \(item.name) the schema has (older pages?)") }
        }
        var types = existing.entities
        for entity in inferred.entities {
            guard let index = types.firstIndex(where: { $0.name == entity.name }) else {
                // The inferred key base `entity` is added silently when a new type needs it and the schema lacks it.
                if entity.name != "entity" {
                    let kind = entity.kind == .complex ? "complex type" : "entity"
                    report.additions.append("\(kind) \(entity.name) with properties \(entity.properties.map(\.name).joined(separator: ", "))")
                }
                types.append(entity)
                continue
            }
            guard entity.name != "entity" else { continue }
            let current = types[index]
            let currentProperties = allProperties(of: current, in: existing)
            for property in entity.properties {
                guard let match = currentProperties.first(where: { $0.name == property.name }) else {
                    report.additions.append("property \(entity.name).\(property.name): \(property.type)")
                    types[index].properties.append(property)
                    continue
                }
                if match.type != property.type {
                    report.conflicts.append("\(entity.name).\(property.name) is \(match.type) in the schema (\(existing.file):\(match.location.line)) but \(property.type) on the pages")
                }
            }
            if let base = entity.base?.value, base != "entity", current.base?.value != base {
                report.conflicts.append("\(entity.name) derives from \(current.base?.value ?? "nothing") in the schema (\(existing.file):\(current.location.line)) but from \(base) on the pages")
            }
            for nav in entity.navigation {
                mergeNavigation(nav, owner: entity.name, into: &types[index].navigation, file: existing.file, report: &report)
            }
        }
        // Unused new types (the key base when nothing new derives from it) are dropped again.
        let needed = Set(types.compactMap(\.base?.value))
        types.removeAll { $0.name == "entity" && existing.entity(named: "entity") == nil && !needed.contains("entity") }
        var roots = existing.root
        for root in inferred.root {
            guard let index = roots.firstIndex(where: { $0.name == root.name }) else {
                report.additions.append("root \(root.name)")
                roots.append(root)
                continue
            }
            for nav in root.navigation {
                mergeNavigation(nav, owner: root.name, into: &roots[index].navigation, file: existing.file, report: &report)
            }
        }
        merged.enums = enums
        merged.entities = types
        merged.root = roots
        return (report, merged)
    }

    private static func mergeNavigation(_ nav: NavigationProperty, owner: String, into current: inout [NavigationProperty], file: String, report: inout Report) {
        guard let index = current.firstIndex(where: { $0.name == nav.name }) else {
            report.additions.append("navigation \(owner).\(nav.name) → \(nav.target)")
            current.append(nav)
            return
        }
        let match = current[index]
        if match.target != nav.target {
            report.conflicts.append("\(owner).\(nav.name) targets \(match.target) in the schema (\(file):\(match.location.line)) but \(nav.target) on the pages")
        }
        let declared = Set(match.operations.map(\.value))
        let missing = nav.operations.filter { !declared.contains($0.value) }
        if !missing.isEmpty {
            report.additions.append("operations on \(owner).\(nav.name) (\(file):\(match.location.line)): \(missing.map(\.value.rawValue).joined(separator: ", "))")
            current[index].operations += missing
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
