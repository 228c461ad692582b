/// Writes API changes as compiler-style text, JSON (schemas/formats/api-diff.schema.json) or Markdown for a pull request.
public enum APIDiffReport {
    public enum Format: String, CaseIterable, Sendable { case text, json, markdown }

    public static func render(_ changes: [APIChange], format: Format) -> String {
        switch format {
        case .text: text(changes)
        case .json: json(changes).rendered()
        case .markdown: markdown(changes)
        }
    }

    /// `1 breaking, 3 additive, 2 other: major` — also the line `generate` ends with.
    public static func summary(_ changes: [APIChange]) -> String {
        let count = { (effect: APIChange.Effect) in changes.filter { $0.effect == effect }.count }
        return "\(count(.breaking)) breaking, \(count(.additive)) additive, \(count(.none)) other: \(VersionBump(changes).rawValue) version change"
    }

    static func text(_ changes: [APIChange]) -> String {
        var out = ""
        for change in changes {
            let place = (change.new ?? change.old).map { "\($0): " } ?? ""
            out += "\(place)\(change.effect.rawValue): \(change.symbol): \(change.detail) [\(change.kind.rawValue)]\n"
            if change.new != nil, let old = change.old { out += "\(old): note: was here\n" }
        }
        return out + summary(changes) + "\n"
    }

    static func json(_ changes: [APIChange]) -> JSONValue {
        func location(_ location: SourceLocation?) -> JSONValue {
            guard let location else { return .null }
            return .object([("file", .string(location.file)), ("line", .int(location.line)), ("column", .int(location.column))])
        }
        let count = { (effect: APIChange.Effect) in JSONValue.int(changes.filter { $0.effect == effect }.count) }
        return .object([
            ("version", .int(1)),
            ("bump", .string(VersionBump(changes).rawValue)),
            ("counts", .object([("breaking", count(.breaking)), ("additive", count(.additive)), ("none", count(.none))])),
            ("changes", .array(changes.map { change in
                .object([
                    ("kind", .string(change.kind.rawValue)), ("effect", .string(change.effect.rawValue)),
                    ("symbol", .string(change.symbol)), ("detail", .string(change.detail)),
                    ("old", location(change.old)), ("new", location(change.new)),
                ])
            })),
        ])
    }

    static func markdown(_ changes: [APIChange]) -> String {
        var out = "**API: \(summary(changes)).**\n"
        let sections: [(String, APIChange.Effect)] = [("Breaking", .breaking), ("Additive", .additive), ("Other (documentation, permissions, wire details)", .none)]
        for (title, effect) in sections {
            let items = changes.filter { $0.effect == effect }
            guard !items.isEmpty else { continue }
            out += "\n### \(title)\n\n"
            for change in items {
                let places = [change.new.map { "`\($0)`" }, change.old.map { "was `\($0)`" }].compactMap { $0 }.joined(separator: ", ")
                out += "- `\(change.symbol)`: \(markdownText(change.detail)) (\(places))\n"
            }
        }
        return out
    }

    /// Detail text carries type names such as `[String]?`; brackets and stars would read as Markdown.
    private static func markdownText(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>|#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
