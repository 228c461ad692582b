/// Compares two models as a consumer of the generated package sees them: their public symbols judged as generate's
/// summary judges them (APIJudgement), with where each side declares them, and the changes that touch only
/// documentation, examples or what the service accepts (effect `none`).
public enum APIDiff {
    public static func compare(old: APIModel, new: APIModel) -> [APIChange] {
        let oldNames = TypeNames(model: old), newNames = TypeNames(model: new)
        var changes = APIJudgement.changes(old: APISurface.symbols(of: old, module: old.module, names: oldNames),
                                           new: APISurface.symbols(of: new, module: new.module, names: newNames))
        changes += notes(old, new, oldNames, newNames)
        // Breaking first, then by symbol; the locations make the order total, so output is the same on every run.
        func order(_ change: APIChange) -> (String, String, String, String) {
            ("\(2 - (APIChange.Effect.allCases.firstIndex(of: change.effect) ?? 0))", change.symbol, change.detail,
             "\(change.new?.description ?? "")\(change.old?.description ?? "")")
        }
        return changes.sorted { order($0) < order($1) }
    }

    /// What changed without changing a symbol: descriptions, a base type, nullability and read-only (properties are
    /// optional in Swift either way), an operation's documented status, permissions and summary.
    private static func notes(_ old: APIModel, _ new: APIModel, _ oldNames: TypeNames, _ newNames: TypeNames) -> [APIChange] {
        var notes: [APIChange] = []
        func note(_ symbol: String, _ detail: String, _ was: SourceLocation?, _ now: SourceLocation?) {
            notes.append(APIChange(kind: .changed, effect: .none, symbol: symbol, detail: detail, old: was, new: now))
        }
        let enumsBefore = Dictionary(old.enums.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for item in new.enums {
            guard let previous = enumsBefore[item.name] else { continue }
            let symbol = newNames.swift(item.name)
            if previous.description != item.description { note(symbol, "description changed", previous.source, item.source) }
            let oldMembers = Dictionary(previous.members.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            for (swiftCase, member) in zip(newNames.cases(of: item), item.members) {
                guard let was = oldMembers[member.name], was.description != member.description else { continue }
                note("\(symbol).\(swiftCase)", "description changed", was.source, member.source)
            }
        }
        let entitiesBefore = Dictionary(old.entities.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for entity in new.entities {
            guard let previous = entitiesBefore[entity.name] else { continue }
            let symbol = newNames.swift(entity.name)
            if previous.base != entity.base { note(symbol, "base \(previous.base ?? "none") → \(entity.base ?? "none")", previous.source, entity.source) }
            if previous.description != entity.description { note(symbol, "description changed", previous.source, entity.source) }
            let oldMembers = Dictionary(previous.members.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            for (member, property) in zip(newNames.members(of: entity), entity.members) {
                guard let was = oldMembers[property.name] else { continue }
                let place = "\(symbol).\(member)"
                if was.nullable != property.nullable { note(place, property.nullable ? "now nullable" : "no longer nullable", was.source, property.source) }
                if was.readOnly != property.readOnly { note(place, property.readOnly ? "now read-only" : "no longer read-only", was.source, property.source) }
                if was.description != property.description { note(place, "description changed", was.source, property.source) }
            }
        }
        func key(_ operation: ModelOperation) -> String { "\(operation.method) \(operation.path.shape)" }
        let operationsBefore = Dictionary(old.operations.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        for operation in new.operations {
            guard let previous = operationsBefore[key(operation)] else { continue }
            let symbol = "\(operation.method) \(operation.path)"
            let (was, now) = (previous.sources.first, operation.sources.first)
            if previous.status != operation.status {
                note(symbol, "documented status \(previous.status.map(String.init) ?? "none") → \(operation.status.map(String.init) ?? "none")", was, now)
            }
            let scopes = { (rows: [ModelPermission]) in rows.map { "\($0.type): \($0.scopes.joined(separator: ", "))" }.sorted() }
            if scopes(previous.permissions) != scopes(operation.permissions) { note(symbol, "permissions changed", was, now) }
            if previous.summary != operation.summary { note(symbol, "summary changed", was, now) }
        }
        return notes
    }
}
