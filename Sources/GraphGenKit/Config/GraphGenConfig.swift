import Foundation

/// graphgen.yaml: where the inputs and outputs are. Paths are relative to the config file's folder.
public struct GraphGenConfig: Sendable {
    public var schema: String?
    public var pages: [String] = []
    public var templates: String?
    public var output: String?
    public var module: String?
    public var accessLevel: AccessLevel?
    public var driftFailOn: DriftFailOn?
    public var driftFormat: DriftFormat?
    public var driftBaseline: String?
    public var driftDisabledRules: [DriftRuleID] = []
    public var runtime = RuntimeFeatures()
    /// How many modules hold the types' members (`generate --member-modules`).
    public var memberModules: Int?
    public var file: String?
    /// Where each top-level setting is written, for errors about its value.
    public var locations: [String: SourceLocation] = [:]

    public init() {}

    static let topKeys: Set<String> = ["schema", "pages", "templates", "output", "module", "accessLevel", "memberModules", "drift", "runtime"]
    static let driftKeys: Set<String> = ["failOn", "format", "baseline", "disabledRules"]

    public static func load(path: String, displayPath: String) throws -> GraphGenConfig {
        try decode(try InputFile.readText(path, displayPath: displayPath), path: path, displayPath: displayPath)
    }

    /// Reads config text; `path` is where it lives, for resolving the relative paths it names.
    public static func decode(_ text: String, path: String, displayPath: String) throws -> GraphGenConfig {
        var config = GraphGenConfig()
        config.file = path
        guard let root = try YAMLReader.parse(text, file: displayPath) else { return config }
        var diagnostics = DiagnosticCollector()
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ relative: String) -> String {
            relative.hasPrefix("/") ? relative : base.appendingPathComponent(relative).standardizedFileURL.path
        }
        func scalar(_ node: YAMLNode, _ key: String) -> String? {
            guard let text = node.scalar, !node.isNull else {
                diagnostics.add(.error("'\(key)' must be a string, found \(node.kindName)", at: node.location, rule: "config"))
                return nil
            }
            return text
        }
        func choice<Value: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ key: String, _ type: Value.Type) -> Value? where Value.RawValue == String {
            guard let text = scalar(node, key) else { return nil }
            guard let value = Value(rawValue: text) else {
                let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
                diagnostics.add(.error("'\(key)' is '\(text)'; expected one of: \(allowed)", at: node.location, rule: "config"))
                return nil
            }
            return value
        }
        func strings(_ node: YAMLNode, _ key: String) -> [String] {
            if let one = node.scalar { return [one] }
            guard let items = node.sequence else {
                diagnostics.add(.error("'\(key)' must be a string or a list of strings", at: node.location, rule: "config"))
                return []
            }
            return items.compactMap { scalar($0, key) }
        }
        func pathSetting(_ node: YAMLNode, _ key: String) -> String? {
            guard let text = scalar(node, key) else { return nil }
            if let problem = PathText.problem(text) {
                diagnostics.add(.error(problem, at: node.location, rule: "config"))
                return nil
            }
            return resolve(text)
        }
        guard let pairs = root.mapping else {
            throw DiagnosticError(.error("config must be a mapping, found \(root.kindName)", at: root.location, rule: "config"))
        }
        for pair in pairs {
            let key = pair.key.scalar ?? ""
            config.locations[key] = pair.value.location
            switch key {
            case "schema": config.schema = pathSetting(pair.value, key)
            case "pages":
                _ = strings(pair.value, key)
                config.pages = (pair.value.sequence ?? [pair.value]).filter { $0.scalar != nil && !$0.isNull }.compactMap { pathSetting($0, key) }
            case "templates": config.templates = pathSetting(pair.value, key)
            case "output": config.output = pathSetting(pair.value, key)
            case "module":
                config.module = scalar(pair.value, key)
                if let module = config.module, let problem = ModuleName.problem(module) {
                    diagnostics.add(.error(problem, at: pair.value.location, rule: "config"))
                }
            case "accessLevel": config.accessLevel = choice(pair.value, key, AccessLevel.self)
            case "memberModules":
                guard let text = scalar(pair.value, key) else { break }
                guard let count = Int(text), LibraryModules.allowedMembers.contains(count) else {
                    diagnostics.add(.error("'memberModules' is '\(text)'; expected a whole number from \(LibraryModules.allowedMembers.lowerBound) (one module) to \(LibraryModules.allowedMembers.upperBound)",
                                           at: pair.value.location, rule: "config"))
                    break
                }
                config.memberModules = count
            case "drift":
                for driftPair in pair.value.mapping ?? [] {
                    let driftKey = driftPair.key.scalar ?? ""
                    switch driftKey {
                    case "failOn": config.driftFailOn = choice(driftPair.value, driftKey, DriftFailOn.self)
                    case "format": config.driftFormat = choice(driftPair.value, driftKey, DriftFormat.self)
                    case "baseline": config.driftBaseline = pathSetting(driftPair.value, driftKey)
                    case "disabledRules":
                        let ids = strings(driftPair.value, driftKey)
                        config.driftDisabledRules = ids.compactMap(DriftRuleID.init(rawValue:))
                        for item in driftPair.value.sequence ?? [driftPair.value] {
                            guard let id = item.scalar, !item.isNull, DriftRuleID(rawValue: id) == nil else { continue }
                            diagnostics.add(.error("'\(id)' is not a drift rule id (`graphgen drift --list-rules` lists them)", at: item.location, rule: "config"))
                        }
                    default:
                        diagnostics.add(.error("unknown key 'drift.\(driftKey)' (expected one of: \(driftKeys.sorted().joined(separator: ", ")))", at: driftPair.key.location, rule: "config-unknown-key"))
                    }
                }
            case "runtime":
                guard let runtimePairs = pair.value.mapping else {
                    diagnostics.add(.error("'runtime' must be a mapping of features to true or false, found \(pair.value.kindName)", at: pair.value.location, rule: "config"))
                    continue
                }
                for runtimePair in runtimePairs {
                    let runtimeKey = runtimePair.key.scalar ?? ""
                    guard let feature = RuntimeFeatures.keys.first(where: { $0.name == runtimeKey })?.feature else {
                        let known = RuntimeFeatures.keys.map(\.name).joined(separator: ", ")
                        diagnostics.add(.error("unknown key 'runtime.\(runtimeKey)' (expected one of: \(known))", at: runtimePair.key.location, rule: "config-unknown-key"))
                        continue
                    }
                    switch runtimePair.value.isNull ? nil : runtimePair.value.scalar {
                    case "true": config.runtime[keyPath: feature] = true
                    case "false": config.runtime[keyPath: feature] = false
                    default: diagnostics.add(.error("'runtime.\(runtimeKey)' must be true or false", at: runtimePair.value.location, rule: "config"))
                    }
                }
            default:
                diagnostics.add(.error("unknown key '\(key)' (expected one of: \(topKeys.sorted().joined(separator: ", ")))", at: pair.key.location, rule: "config-unknown-key"))
            }
        }
        try diagnostics.throwIfErrors()
        return config
    }
}
