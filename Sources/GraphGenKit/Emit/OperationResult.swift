/// What an operation's sending method returns: decided once, for the builder that declares it and the request test
/// that calls it.
enum OperationResult: Equatable {
    case nothing
    case entity(String)
    /// No status is documented: the service may answer with the entity or with 204 No Content.
    case optionalEntity(String)
    case collection(of: String)
    /// A primitive or enum, which OData answers as `{"value": …}`.
    case value(String)

    init(_ operation: ModelOperation, names: TypeNames) {
        if let call = operation.call {
            guard let returns = call.returns else { self = .nothing; return }
            let swiftType = SwiftTypes.name(of: returns.element, typeNames: names.byModelName)
            switch returns {
            case .collection: self = .collection(of: swiftType)
            case .entity, .complex: self = .entity(swiftType)
            case .primitive, .enumeration: self = .value(swiftType)
            }
            return
        }
        let target = operation.target.map(names.swift) ?? "JSONValue"
        switch (operation.kind, operation.status) {
        case (.list?, _): self = .collection(of: target)
        case (.create?, 204?), (.update?, 204?): self = .nothing
        case (.get?, _), (.create?, _?), (.update?, _?): self = .entity(target)
        case (.create?, nil), (.update?, nil): self = .optionalEntity(target)
        default: self = .nothing
        }
    }
}
