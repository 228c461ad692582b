/// The generated package's public symbols (APISymbol), written into the output as `.graphgen-api`, one sorted line
/// each. The next `generate` reads the lines back and judges them against the ones it would write (APIJudgement), so
/// it can say what its rewrite does to consumers without the previous inputs; `graphgen diff` judges the same symbols
/// of two models and adds the locations and what changed only in documentation.
public enum APISurface {
    public static let fileName = ".graphgen-api"

    public static func lines(of model: APIModel, module: String) -> [String] {
        lines(of: model, module: module, names: TypeNames(model: model))
    }

    static func lines(of model: APIModel, module: String, names: TypeNames) -> [String] {
        Array(Set(symbols(of: model, module: module, names: names).map(\.line))).sorted()
    }

    /// Every public symbol the package declares for `model`, with where the inputs declare it.
    static func symbols(of model: APIModel, module: String, names: TypeNames) -> [APISymbol] {
        let schema = SourceLocation(file: model.schemaFile, line: 1)
        var symbols = [
            APISymbol(.module, "", module, display: "module", at: schema),
            APISymbol(.namespace, "", model.namespace, display: "namespace", at: schema),
            APISymbol(.baseURL, "", "\(model.baseURL)/\(model.apiVersion)", display: "GraphClient.defaultBaseURL", at: schema),
        ]
        for item in model.enums {
            let type = names.swift(item.name)
            symbols.append(APISymbol(.enumeration, type, item.name, at: item.source))
            for (swiftCase, member) in zip(names.cases(of: item), item.members) {
                let value = member.value ?? member.name
                symbols.append(APISymbol(.enumCase, "\(type).\(swiftCase)", value, noun: "enum case", shown: "value \(value)", at: member.source))
            }
        }
        for entity in model.entities {
            let type = names.swift(entity.name)
            symbols.append(APISymbol(.type, type, "\(entity.kind.rawValue) \(entity.name)", noun: "\(entity.kind.rawValue) type",
                                     shown: "\(entity.kind.rawValue) type", at: entity.source))
            for conformance in names.protocols(conformedToBy: entity, in: model) {
                symbols.append(APISymbol(.conformance, "\(type).\(conformance)", "protocol", display: "\(type): \(conformance)", at: entity.source))
            }
            for (member, property) in zip(names.members(of: entity), entity.members) {
                let swiftType = SwiftTypes.name(of: property.type, typeNames: names.byModelName) + "?"
                symbols.append(APISymbol(.property, "\(type).\(member)", "\(swiftType) \(property.type)",
                                         noun: property.isNavigation ? "navigation property" : "property", shown: swiftType, at: property.source))
            }
            for navigation in entity.navigation {
                let target = navigation.collection ? "Collection(\(navigation.target))" : navigation.target
                symbols.append(APISymbol(.navigation, "\(type).\(navigation.name)", target + (navigation.contained ? "" : " not contained"),
                                         display: "\(type) → \(navigation.name)", at: navigation.location))
            }
        }
        for operation in model.operations {
            symbols.append(APISymbol(.operation, "\(operation.method) \(operation.path.shape)",
                                     "request \(operation.requestType ?? "-") response \(operation.responseType ?? "-")",
                                     display: "\(operation.method) \(operation.path)", at: operation.sources.first))
        }
        return symbols
    }

    /// The surface file; `names` are the emitter's, so the names it lists are the ones the package declares.
    static func file(of model: APIModel, module: String, names: TypeNames) -> GeneratedFile {
        GeneratedFile(path: fileName, contents: lines(of: model, module: module, names: names).joined(separator: "\n") + "\n")
    }

    /// Breaking and additive counts from the previous surface to the new one.
    public static func effect(old: [String], new: [String]) -> (breaking: Int, additive: Int) {
        let changes = APIJudgement.changes(old: old.compactMap(APISymbol.init(line:)), new: new.compactMap(APISymbol.init(line:)))
        return (changes.filter { $0.effect == .breaking }.count, changes.filter { $0.effect == .additive }.count)
    }
}
