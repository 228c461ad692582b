/// Positions by name, first wins; lookups stay constant-time however large the schema.
struct NameIndex: Sendable {
    private var positions: [String: Int] = [:]

    init(_ names: [String]) {
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
    }

    subscript(name: String) -> Int? { positions[name] }
}
