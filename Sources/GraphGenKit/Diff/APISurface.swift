/// The generated package's API as sorted lines (`property Item.count = Int64?`), written into the output as
/// `.graphgen-api`. The next `generate` compares the lines it would write with the ones there, so it can say what its
/// rewrite does to consumers without the previous inputs: a line gone or changed is breaking, a new line additive.
/// It judges what `APIDiff` judges breaking or additive; `graphgen diff` gives the details and locations.
public enum APISurface {
    public static let fileName = ".graphgen-api"

    public static func lines(of model: APIModel, module: String) -> [String] {
        lines(of: model, module: module, names: TypeNames(model: model))
    }

    static func lines(of model: APIModel, module: String, names: TypeNames) -> [String] {
        var lines = ["module = \(module)", "namespace = \(model.namespace)", "baseURL = \(model.baseURL)/\(model.apiVersion)"]
        for item in model.enums {
            let type = names.swift(item.name)
            lines.append("enum \(type) = \(item.name)")
            for (swiftCase, member) in zip(names.cases(of: item), item.members) {
                lines.append("case \(type).\(swiftCase) = \(member.value ?? member.name)")
            }
        }
        for entity in model.entities {
            let type = names.swift(entity.name)
            lines.append("type \(type) = \(entity.kind.rawValue) \(entity.name)")
            for conformance in names.protocols(conformedToBy: entity, in: model) {
                lines.append("conformance \(type).\(conformance) = protocol")
            }
            for (member, property) in zip(names.members(of: entity), entity.members) {
                lines.append("property \(type).\(member) = \(SwiftTypes.name(of: property.type, typeNames: names.byModelName))? \(property.type)")
            }
            for navigation in entity.navigation {
                let target = navigation.collection ? "Collection(\(navigation.target))" : navigation.target
                lines.append("navigation \(type).\(navigation.name) = \(target)\(navigation.contained ? "" : " not contained")")
            }
        }
        for operation in model.operations {
            lines.append("operation \(operation.method) \(operation.path.shape) = request \(operation.requestType ?? "-") response \(operation.responseType ?? "-")")
        }
        return Array(Set(lines)).sorted()
    }

    /// The surface file; `names` are the emitter's, so the names it lists are the ones the package declares.
    static func file(of model: APIModel, module: String, names: TypeNames) -> GeneratedFile {
        GeneratedFile(path: fileName, contents: lines(of: model, module: module, names: names).joined(separator: "\n") + "\n")
    }

    /// Breaking and additive counts from the previous surface to the new one.
    public static func effect(old: [String], new: [String]) -> (breaking: Int, additive: Int) {
        func entries(_ lines: [String]) -> [String: String] {
            var result: [String: String] = [:]
            for line in lines {
                guard let separator = line.range(of: " = ") else { continue }
                result[String(line[..<separator.lowerBound]), default: ""] += String(line[separator.upperBound...])
            }
            return result
        }
        // A member of a type that came or went is counted with its type, as `graphgen diff` counts it.
        func owner(_ key: String) -> String? {
            let parts = key.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let dot = parts[1].firstIndex(of: ".") else { return nil }
            let kind = parts[0] == "case" ? "enum" : parts[0] == "operation" ? nil : "type"
            return kind.map { "\($0) \(parts[1][..<dot])" }
        }
        let before = entries(old), after = entries(new)
        let removedOrChanged = before.filter { entry in
            after[entry.key] != entry.value && owner(entry.key).map { after[$0] != nil } ?? true
        }.count
        let added = after.keys.filter { key in before[key] == nil && owner(key).map { before[$0] != nil } ?? true }.count
        return (removedOrChanged, added)
    }
}
