/// What an operation does, whatever path it is at.
public enum OperationKind: String, Sendable, CaseIterable, Codable, Comparable {
    case list, get, create, update, delete, addReference, removeReference
    /// Calls of a bound action (POST) or function (GET), declared in the schema's `actions`.
    case action, function

    /// What a navigation property or root may declare in its `operations` list.
    public static let navigationKinds: [OperationKind] = [.list, .get, .create, .update, .delete, .addReference, .removeReference]

    public static func < (lhs: OperationKind, rhs: OperationKind) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
