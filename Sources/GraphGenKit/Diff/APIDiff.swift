/// One difference between two models, judged by what it does to code that uses the generated Swift package.
public struct APIChange: Sendable, Equatable {
    public enum Kind: String, Sendable { case added, removed, changed }

    /// What a consumer of the generated package sees: `breaking` can stop their build or change what goes on the
    /// wire, `additive` adds API, `none` changes only documentation, examples or permissions.
    public enum Effect: String, Sendable, Comparable, CaseIterable {
        case none, additive, breaking
        private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
        public static func < (lhs: Effect, rhs: Effect) -> Bool { lhs.rank < rhs.rank }
    }

    public var kind: Kind
    public var effect: Effect
    /// The Swift symbol (`MobileAppInstallStatus.errorCode`) or operation (`GET /users/{userId}`) it touches.
    public var symbol: String
    /// What changed, for people: `Int32? → Int64?`, `property removed`.
    public var detail: String
    public var old: SourceLocation?
    public var new: SourceLocation?
}

/// The release a set of changes calls for under semantic versioning.
public enum VersionBump: String, Sendable {
    case none, patch, minor, major

    public init(_ changes: [APIChange]) {
        switch changes.map(\.effect).max() {
        case nil: self = .none
        case .none?: self = .patch
        case .additive?: self = .minor
        case .breaking?: self = .major
        }
    }
}

/// Compares two models as a consumer of the generated package sees them: types, members and enum cases by their
/// Swift names and types, operations by method and path shape.
public enum APIDiff {
    public static func compare(old: APIModel, new: APIModel) -> [APIChange] {
        var changes: [APIChange] = []
        let oldNames = TypeNames(model: old), newNames = TypeNames(model: new)
        let schemaOld = SourceLocation(file: old.schemaFile, line: 1), schemaNew = SourceLocation(file: new.schemaFile, line: 1)
        if old.module != new.module {
            changes.append(APIChange(kind: .changed, effect: .breaking, symbol: "module \(new.module)", detail: "module \(old.module) → \(new.module)", old: schemaOld, new: schemaNew))
        }
        if old.namespace != new.namespace {
            changes.append(APIChange(kind: .changed, effect: .breaking, symbol: "namespace", detail: "\(old.namespace) → \(new.namespace) (every @odata.type changes)", old: schemaOld, new: schemaNew))
        }
        if old.baseURL + "/" + old.apiVersion != new.baseURL + "/" + new.apiVersion {
            changes.append(APIChange(kind: .changed, effect: .breaking, symbol: "GraphClient.defaultBaseURL",
                                     detail: "\(old.baseURL)/\(old.apiVersion) → \(new.baseURL)/\(new.apiVersion)", old: schemaOld, new: schemaNew))
        }
        changes += compareEnums(old, new, oldNames, newNames)
        changes += compareEntities(old, new, oldNames, newNames)
        changes += compareOperations(old, new)
        // Breaking first, then by symbol; the locations make the order total, so output is the same on every run.
        func order(_ change: APIChange) -> (String, String, String, String) {
            ("\(2 - (APIChange.Effect.allCases.firstIndex(of: change.effect) ?? 0))", change.symbol, change.detail,
             "\(change.new?.description ?? "")\(change.old?.description ?? "")")
        }
        return changes.sorted { order($0) < order($1) }
    }

    private static func compareEnums(_ old: APIModel, _ new: APIModel, _ oldNames: TypeNames, _ newNames: TypeNames) -> [APIChange] {
        var changes: [APIChange] = []
        let before = Dictionary(old.enums.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.enums.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for (name, item) in before where after[name] == nil {
            changes.append(APIChange(kind: .removed, effect: .breaking, symbol: oldNames.swift(name), detail: "enum removed", old: item.source, new: nil))
        }
        for (name, item) in after {
            guard let previous = before[name] else {
                changes.append(APIChange(kind: .added, effect: .additive, symbol: newNames.swift(name), detail: "enum added", old: nil, new: item.source))
                continue
            }
            let symbol = newNames.swift(name)
            let oldCases = Dictionary(zip(previous.members.map(\.name), zip(oldNames.cases(of: previous), previous.members)), uniquingKeysWith: { first, _ in first })
            let newCases = Dictionary(zip(item.members.map(\.name), zip(newNames.cases(of: item), item.members)), uniquingKeysWith: { first, _ in first })
            for (member, (swiftCase, located)) in oldCases where newCases[member] == nil {
                changes.append(APIChange(kind: .removed, effect: .breaking, symbol: "\(symbol).\(swiftCase)", detail: "enum case removed", old: located.source, new: nil))
            }
            for (member, (swiftCase, located)) in newCases {
                guard let (oldCase, previousMember) = oldCases[member] else {
                    // Generated enums keep unknown values, so a new case decodes everywhere; a consumer's exhaustive
                    // `switch` without `default` needs one more branch.
                    changes.append(APIChange(kind: .added, effect: .additive, symbol: "\(symbol).\(swiftCase)", detail: "enum case added", old: nil, new: located.source))
                    continue
                }
                if previousMember.value != located.value {
                    changes.append(APIChange(kind: .changed, effect: .breaking, symbol: "\(symbol).\(swiftCase)",
                                             detail: "value \(previousMember.value ?? "none") → \(located.value ?? "none")", old: previousMember.source, new: located.source))
                } else if oldCase != swiftCase {
                    changes.append(APIChange(kind: .changed, effect: .breaking, symbol: "\(symbol).\(swiftCase)", detail: "Swift case \(oldCase) → \(swiftCase)", old: previousMember.source, new: located.source))
                } else if previousMember.description != located.description {
                    changes.append(APIChange(kind: .changed, effect: .none, symbol: "\(symbol).\(swiftCase)", detail: "description changed", old: previousMember.source, new: located.source))
                }
            }
            if previous.description != item.description {
                changes.append(APIChange(kind: .changed, effect: .none, symbol: symbol, detail: "description changed", old: previous.source, new: item.source))
            }
        }
        return changes
    }

    private static func compareEntities(_ old: APIModel, _ new: APIModel, _ oldNames: TypeNames, _ newNames: TypeNames) -> [APIChange] {
        var changes: [APIChange] = []
        let before = Dictionary(old.entities.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.entities.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for (name, entity) in before where after[name] == nil {
            changes.append(APIChange(kind: .removed, effect: .breaking, symbol: oldNames.swift(name), detail: "\(entity.kind.rawValue) type removed", old: entity.source, new: nil))
        }
        for (name, entity) in after {
            let symbol = newNames.swift(name)
            guard let previous = before[name] else {
                changes.append(APIChange(kind: .added, effect: .additive, symbol: symbol, detail: "\(entity.kind.rawValue) type added", old: nil, new: entity.source))
                continue
            }
            if previous.kind != entity.kind {
                changes.append(APIChange(kind: .changed, effect: .breaking, symbol: symbol, detail: "\(previous.kind.rawValue) type → \(entity.kind.rawValue) type", old: previous.source, new: entity.source))
            }
            // A type conforms to its family's protocols (its own when it has derived types, and each base's):
            // losing one breaks code written against it; the members themselves show up as property changes.
            let oldProtocols = oldNames.protocols(conformedToBy: previous, in: old)
            let newProtocols = newNames.protocols(conformedToBy: entity, in: new)
            if previous.base != entity.base || oldProtocols != newProtocols {
                let lost = Set(oldProtocols).subtracting(newProtocols), gained = Set(newProtocols).subtracting(oldProtocols)
                let detail = ([previous.base != entity.base ? "base \(previous.base ?? "none") → \(entity.base ?? "none")" : nil,
                               lost.isEmpty ? nil : "no longer conforms to \(lost.sorted().joined(separator: ", "))",
                               gained.isEmpty ? nil : "now conforms to \(gained.sorted().joined(separator: ", "))"] as [String?])
                    .compactMap { $0 }.joined(separator: "; ")
                changes.append(APIChange(kind: .changed, effect: !lost.isEmpty ? .breaking : !gained.isEmpty ? .additive : .none, symbol: symbol,
                                         detail: detail, old: previous.source, new: entity.source))
            }
            if previous.description != entity.description {
                changes.append(APIChange(kind: .changed, effect: .none, symbol: symbol, detail: "description changed", old: previous.source, new: entity.source))
            }
            changes += compareProperties(previous, entity, symbol: symbol, oldNames, newNames)
            changes += compareNavigation(previous, entity, symbol: symbol)
        }
        return changes
    }

    private static func compareProperties(_ previous: ModelEntity, _ entity: ModelEntity, symbol: String, _ oldNames: TypeNames, _ newNames: TypeNames) -> [APIChange] {
        var changes: [APIChange] = []
        let oldMembers = Dictionary(zip(previous.members.map(\.name), zip(oldNames.members(of: previous), previous.members)), uniquingKeysWith: { first, _ in first })
        let newMembers = Dictionary(zip(entity.members.map(\.name), zip(newNames.members(of: entity), entity.members)), uniquingKeysWith: { first, _ in first })
        func kind(_ property: ModelProperty) -> String { property.isNavigation ? "navigation property" : "property" }
        for (name, (member, property)) in oldMembers where newMembers[name] == nil {
            changes.append(APIChange(kind: .removed, effect: .breaking, symbol: "\(symbol).\(member)", detail: "\(kind(property)) removed", old: property.source, new: nil))
        }
        for (name, (member, property)) in newMembers {
            guard let (oldMember, oldProperty) = oldMembers[name] else {
                // Every generated property is optional with a default in the initialiser, so adding one is additive.
                changes.append(APIChange(kind: .added, effect: .additive, symbol: "\(symbol).\(member)",
                                         detail: "\(kind(property)) added: \(SwiftTypes.name(of: property.type, typeNames: newNames.byModelName))?", old: nil, new: property.source))
                continue
            }
            let oldType = SwiftTypes.name(of: oldProperty.type, typeNames: oldNames.byModelName)
            let newType = SwiftTypes.name(of: property.type, typeNames: newNames.byModelName)
            let place = "\(symbol).\(member)"
            if oldMember != member {
                changes.append(APIChange(kind: .changed, effect: .breaking, symbol: place, detail: "Swift name \(oldMember) → \(member)", old: oldProperty.source, new: property.source))
            }
            if oldType != newType {
                changes.append(APIChange(kind: .changed, effect: .breaking, symbol: place, detail: "\(oldType)? → \(newType)?", old: oldProperty.source, new: property.source))
            } else if oldProperty.type != property.type {
                changes.append(APIChange(kind: .changed, effect: .breaking, symbol: place, detail: "type \(oldProperty.type) → \(property.type) (same Swift type, different wire type)", old: oldProperty.source, new: property.source))
            }
            // Properties are optional in Swift either way; nullability and read-only change only what the service accepts.
            if oldProperty.nullable != property.nullable {
                changes.append(APIChange(kind: .changed, effect: .none, symbol: place, detail: property.nullable ? "now nullable" : "no longer nullable", old: oldProperty.source, new: property.source))
            }
            if oldProperty.readOnly != property.readOnly {
                changes.append(APIChange(kind: .changed, effect: .none, symbol: place, detail: property.readOnly ? "now read-only" : "no longer read-only", old: oldProperty.source, new: property.source))
            }
            if oldProperty.description != property.description {
                changes.append(APIChange(kind: .changed, effect: .none, symbol: place, detail: "description changed", old: oldProperty.source, new: property.source))
            }
        }
        return changes
    }

    private static func compareNavigation(_ previous: ModelEntity, _ entity: ModelEntity, symbol: String) -> [APIChange] {
        var changes: [APIChange] = []
        let before = Dictionary(previous.navigation.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(entity.navigation.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for (name, navigation) in before where after[name] == nil {
            changes.append(APIChange(kind: .removed, effect: .breaking, symbol: "\(symbol) → \(name)", detail: "navigation removed", old: navigation.location, new: nil))
        }
        for (name, navigation) in after {
            guard let old = before[name] else {
                changes.append(APIChange(kind: .added, effect: .additive, symbol: "\(symbol) → \(name)", detail: "navigation added", old: nil, new: navigation.location))
                continue
            }
            if old.target != navigation.target || old.collection != navigation.collection || old.contained != navigation.contained {
                let shape = { (item: SchemaNavigation) in "\(item.collection ? "Collection(\(item.target))" : item.target)\(item.contained ? "" : ", not contained")" }
                changes.append(APIChange(kind: .changed, effect: .breaking, symbol: "\(symbol) → \(name)", detail: "\(shape(old)) → \(shape(navigation))", old: old.location, new: navigation.location))
            }
        }
        return changes
    }

    private static func compareOperations(_ old: APIModel, _ new: APIModel) -> [APIChange] {
        var changes: [APIChange] = []
        func key(_ operation: ModelOperation) -> String { "\(operation.method) \(operation.path.shape)" }
        let before = Dictionary(old.operations.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.operations.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        for (name, operation) in before where after[name] == nil {
            changes.append(APIChange(kind: .removed, effect: .breaking, symbol: "\(operation.method) \(operation.path)", detail: "operation removed", old: operation.sources.first, new: nil))
        }
        for (name, operation) in after {
            let symbol = "\(operation.method) \(operation.path)"
            guard let previous = before[name] else {
                changes.append(APIChange(kind: .added, effect: .additive, symbol: symbol, detail: "operation added", old: nil, new: operation.sources.first))
                continue
            }
            let (was, now) = (previous.sources.first, operation.sources.first)
            if previous.requestType != operation.requestType {
                changes.append(APIChange(kind: .changed, effect: .breaking, symbol: symbol, detail: "request body \(previous.requestType ?? "none") → \(operation.requestType ?? "none")", old: was, new: now))
            }
            if previous.responseType != operation.responseType {
                changes.append(APIChange(kind: .changed, effect: .breaking, symbol: symbol, detail: "response \(previous.responseType ?? "none") → \(operation.responseType ?? "none")", old: was, new: now))
            }
            if previous.status != operation.status {
                changes.append(APIChange(kind: .changed, effect: .none, symbol: symbol, detail: "documented status \(previous.status.map(String.init) ?? "none") → \(operation.status.map(String.init) ?? "none")", old: was, new: now))
            }
            let scopes = { (rows: [PermissionRow]) in rows.map { "\($0.type): \($0.scopes.joined(separator: ", "))" }.sorted() }
            if scopes(previous.permissions) != scopes(operation.permissions) {
                changes.append(APIChange(kind: .changed, effect: .none, symbol: symbol, detail: "permissions changed", old: was, new: now))
            }
            if previous.summary != operation.summary {
                changes.append(APIChange(kind: .changed, effect: .none, symbol: symbol, detail: "summary changed", old: was, new: now))
            }
        }
        return changes
    }
}
