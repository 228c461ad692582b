/// The one judgement of what a change to the generated package does to its consumers, made on its public symbols:
/// a symbol gone or changed is breaking, a new symbol additive; a member of a type or enum that came or went is
/// counted with it. `graphgen diff` and generate's summary (from the API surface file) both judge this way.
enum APIJudgement {
    static func changes(old: [APISymbol], new: [APISymbol]) -> [APIChange] {
        let before = merged(old), after = merged(new)
        var changes: [APIChange] = []
        for (key, symbol) in before where after[key] == nil {
            if let owner = symbol.owner, before[owner] != nil, after[owner] == nil { continue }
            changes.append(APIChange(kind: .removed, effect: .breaking, symbol: symbol.display, detail: "\(symbol.noun) removed", old: symbol.location, new: nil))
        }
        for (key, symbol) in after {
            guard let previous = before[key] else {
                if let owner = symbol.owner, after[owner] != nil, before[owner] == nil { continue }
                let shown = symbol.kind == .property ? ": \(symbol.shown)" : ""
                changes.append(APIChange(kind: .added, effect: .additive, symbol: symbol.display, detail: "\(symbol.noun) added\(shown)", old: nil, new: symbol.location))
                continue
            }
            guard previous.signature != symbol.signature else { continue }
            let detail = previous.shown != symbol.shown ? "\(previous.shown) → \(symbol.shown)"
                : symbol.kind == .property ? "\(previous.signature) → \(symbol.signature) (same Swift type, different wire type)"
                : "\(previous.signature) → \(symbol.signature)"
            changes.append(APIChange(kind: .changed, effect: .breaking, symbol: symbol.display, detail: detail, old: previous.location, new: symbol.location))
        }
        return changes
    }

    /// Symbols by key; two declarations with one key (operations of one path shape) are compared together.
    private static func merged(_ symbols: [APISymbol]) -> [String: APISymbol] {
        var result: [String: APISymbol] = [:]
        for symbol in symbols {
            guard var existing = result[symbol.key] else {
                result[symbol.key] = symbol
                continue
            }
            guard existing.signature != symbol.signature else { continue }
            let signatures = Set(existing.signature.components(separatedBy: " | ")).union([symbol.signature]).sorted()
            existing.signature = signatures.joined(separator: " | ")
            existing.shown = existing.signature
            result[symbol.key] = existing
        }
        return result
    }
}
