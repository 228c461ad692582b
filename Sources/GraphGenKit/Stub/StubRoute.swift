/// An operation of the model as the stub matches it: literal segments must be equal, a `{key}` takes any segment.
struct StubRoute {
    let operation: ModelOperation
    private let literals: [String?]
    /// Positions of `{key}` segments.
    let parameterIndices: [Int]

    init?(_ operation: ModelOperation) {
        guard operation.kind != nil else { return nil }
        self.operation = operation
        let literals: [String?] = operation.path.segments.map { segment in
            if case .literal(let text) = segment { return text }
            return nil
        }
        self.literals = literals
        parameterIndices = literals.indices.filter { literals[$0] == nil }
    }

    var length: Int { literals.count }

    func matches(_ segments: [String]) -> Bool {
        guard segments.count == literals.count else { return false }
        for (literal, segment) in zip(literals, segments) where literal != nil && literal != segment { return false }
        return true
    }

    /// The position of the key that names the item this operation works on (`…/items/{id}`), if it ends in one.
    var itemKeyIndex: Int? {
        switch operation.kind {
        case .get?, .update?, .delete?:
            return literals.last.flatMap { $0 } == nil && !literals.isEmpty ? literals.count - 1 : nil
        default:
            return nil
        }
    }

    /// The collection path and key of the item `segments` names.
    func itemAddress(_ segments: [String]) -> (collection: [String], id: String)? {
        guard let index = itemKeyIndex, index < segments.count else { return nil }
        return (Array(segments[..<index]), segments[index])
    }
}
