import Foundation

struct StubQueryError: Error {
    let message: String
}

/// The OData query options the stub understands: `$top`, `$skip`, `$count`, `$select`, `$orderby` (one property) and
/// `$filter` with `eq`, `ne`, `gt`, `ge`, `lt`, `le`, `and`, `or`, `not` and parentheses on primitive and enum properties.
/// Anything else starting with `$` is a 400, so a client never mistakes an ignored option for an applied one.
struct StubQuery {
    var top: Int?
    var skip: Int?
    var count = false
    var select: [String]?
    var filter: StubFilter?

    init(_ options: [(name: String, value: String)], type: ModelEntity?, model: APIModel) throws(StubQueryError) {
        guard options.contains(where: { $0.name.hasPrefix("$") }) else { return }
        let properties = Dictionary((type?.properties ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func known(_ name: String) throws(StubQueryError) {
            if type != nil && properties[name] == nil {
                throw StubQueryError(message: "Could not find a property named '\(name)' on type '\(model.namespace).\(type?.name ?? "")'.")
            }
        }
        for (name, value) in options where name.hasPrefix("$") {
            switch name {
            case "$top", "$skip":
                guard let number = Int(value), number >= 0 else { throw StubQueryError(message: "\(name) must be a whole number ≥ 0; got '\(value)'.") }
                if name == "$top" { top = number } else { skip = number }
            case "$count":
                guard value == "true" || value == "false" else { throw StubQueryError(message: "$count must be true or false.") }
                count = value == "true"
            case "$select":
                let names = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                for name in names { try known(name) }
                select = names
            case "$filter":
                var parser = StubFilterParser(value)
                let parsed = try parser.parse()
                for name in parsed.propertyNames {
                    try known(name)
                    if let property = properties[name], case .entity = property.type.element { throw StubQueryError(message: "$filter compares primitive and enum properties only; '\(name)' is neither.") }
                    if let property = properties[name], case .complex = property.type.element { throw StubQueryError(message: "$filter compares primitive and enum properties only; '\(name)' is neither.") }
                }
                filter = parsed
            case "$orderby":
                let parts = value.split(separator: " ").map(String.init)
                guard let first = parts.first, parts.count <= 2, parts.count == 1 || ["asc", "desc"].contains(parts[1]) else {
                    throw StubQueryError(message: "$orderby takes one property, optionally followed by asc or desc.")
                }
                try known(first)
                order = (first, parts.count == 2 && parts[1] == "desc")
            default:
                throw StubQueryError(message: "The stub does not support the query option \(name).")
            }
        }
    }

    var order: (property: String, descending: Bool)?

    func selecting(_ item: JSONNode) -> JSONNode {
        guard let select, let members = item.members else { return item }
        return StubJSON.object(members.filter { select.contains($0.key) })
    }

    func ordered(_ items: [JSONNode]) -> [JSONNode] {
        guard let order else { return items }
        let sorted = items.enumerated().sorted { left, right in
            let comparison = StubFilter.compare(left.element[order.property], right.element[order.property])
            if comparison == 0 { return left.offset < right.offset }
            return order.descending ? comparison > 0 : comparison < 0
        }
        return sorted.map(\.element)
    }
}

indirect enum StubFilter {
    case comparison(property: String, operator: String, literal: JSONNode.Value)
    case and(StubFilter, StubFilter)
    case or(StubFilter, StubFilter)
    case not(StubFilter)

    var propertyNames: [String] {
        switch self {
        case .comparison(let property, _, _): [property]
        case .and(let left, let right), .or(let left, let right): left.propertyNames + right.propertyNames
        case .not(let inner): inner.propertyNames
        }
    }

    func matches(_ item: JSONNode) -> Bool {
        switch self {
        case .and(let left, let right): return left.matches(item) && right.matches(item)
        case .or(let left, let right): return left.matches(item) || right.matches(item)
        case .not(let inner): return !inner.matches(item)
        case .comparison(let property, let op, let literal):
            let value = item[property]
            if case .null = literal {
                let isNull = value == nil || value?.value == .null
                return op == "eq" ? isNull : op == "ne" ? !isNull : false
            }
            guard let value, value.value != .null else { return op == "ne" }
            let comparison = Self.compare(value, JSONNode(value: literal, location: value.location))
            switch op {
            case "eq": return comparison == 0
            case "ne": return comparison != 0
            case "gt": return comparison > 0
            case "ge": return comparison >= 0
            case "lt": return comparison < 0
            default: return comparison <= 0
            }
        }
    }

    /// Numbers by value, text and booleans as text; a missing value sorts first.
    static func compare(_ left: JSONNode?, _ right: JSONNode?) -> Int {
        func key(_ node: JSONNode?) -> (Double?, String) {
            switch node?.value {
            case .number(let text)?: (Double(text), text)
            case .string(let text)?: (nil, text)
            case .bool(let flag)?: (nil, flag ? "true" : "false")
            default: (nil, "")
            }
        }
        let (a, b) = (key(left), key(right))
        if let x = a.0, let y = b.0 { return x < y ? -1 : x > y ? 1 : 0 }
        return a.1 < b.1 ? -1 : a.1 > b.1 ? 1 : 0
    }
}

/// `name eq 'text' and (count gt 3 or not flag eq true)`: `or` binds loosest, then `and`, then `not`.
struct StubFilterParser {
    private var tokens: [String] = []
    private var position = 0
    private var problem: String?

    init(_ text: String) {
        var current = ""
        var inQuote = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if inQuote {
                current.append(character)
                if character == "'" {
                    if characters.first == "'" { characters.removeFirst(); continue }
                    inQuote = false
                    tokens.append(current)
                    current = ""
                }
            } else if character == "'" {
                if !current.isEmpty { tokens.append(current) }
                current = "'"
                inQuote = true
            } else if character == "(" || character == ")" {
                if !current.isEmpty { tokens.append(current) }
                tokens.append(String(character))
                current = ""
            } else if character == " " {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if inQuote { problem = "an unclosed quote in $filter" }
        if !current.isEmpty { tokens.append(current) }
    }

    mutating func parse() throws(StubQueryError) -> StubFilter {
        if let problem { throw StubQueryError(message: problem) }
        let filter = try disjunction(depth: 0)
        guard position == tokens.count else { throw StubQueryError(message: "Unexpected '\(tokens[position])' in $filter.") }
        return filter
    }

    private mutating func next() -> String? {
        guard position < tokens.count else { return nil }
        defer { position += 1 }
        return tokens[position]
    }

    private var peek: String? { position < tokens.count ? tokens[position] : nil }

    private mutating func disjunction(depth: Int) throws(StubQueryError) -> StubFilter {
        var left = try conjunction(depth: depth)
        while peek == "or" {
            position += 1
            left = .or(left, try conjunction(depth: depth))
        }
        return left
    }

    private mutating func conjunction(depth: Int) throws(StubQueryError) -> StubFilter {
        var left = try factor(depth: depth)
        while peek == "and" {
            position += 1
            left = .and(left, try factor(depth: depth))
        }
        return left
    }

    private mutating func factor(depth: Int) throws(StubQueryError) -> StubFilter {
        guard depth < 32 else { throw StubQueryError(message: "$filter nests too deeply.") }
        switch peek {
        case "(":
            position += 1
            let inner = try disjunction(depth: depth + 1)
            guard next() == ")" else { throw StubQueryError(message: "A '(' in $filter is never closed.") }
            return inner
        case "not":
            position += 1
            return .not(try factor(depth: depth + 1))
        default:
            guard let property = next(), property.first?.isLetter == true || property.first == "_" else {
                throw StubQueryError(message: "$filter expects a property name here.")
            }
            guard let op = next(), ["eq", "ne", "gt", "ge", "lt", "le"].contains(op) else {
                throw StubQueryError(message: "$filter supports eq, ne, gt, ge, lt and le after '\(property)'.")
            }
            guard let literal = next() else { throw StubQueryError(message: "$filter expects a value after '\(property) \(op)'.") }
            return .comparison(property: property, operator: op, literal: try Self.literal(literal))
        }
    }

    private static func literal(_ token: String) throws(StubQueryError) -> JSONNode.Value {
        if token.hasPrefix("'") && token.hasSuffix("'") && token.count >= 2 {
            return .string(String(token.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'"))
        }
        switch token {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default:
            guard Double(token) != nil else { throw StubQueryError(message: "'\(token)' is not a $filter value (quote text as 'text').") }
            return .number(token)
        }
    }
}
