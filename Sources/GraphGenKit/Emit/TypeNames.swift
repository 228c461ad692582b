/// Swift names for the model's types, members and enum cases, decided once.
struct TypeNames {
    let byModelName: [String: String]
    /// Per bound action or function (`ModelCall.key`): its member on a builder, its builder type and, when it has
    /// parameters, their struct.
    let calls: [String: (member: String, builder: String, parameters: String?)]
    /// Per entity with derived types: the protocol that declares its properties once for itself and every type
    /// derived from it (`MobileAppProtocol`).
    let protocols: [String: String]
    /// Member names per entity (`members(of:)`) and enum, worked out once: the planners ask for them per example and request.
    private let memberNames: [String: [String]]
    private let caseNames: [String: [String]]
    /// Members every model has (GraphModel's, and Hashable's `hashValue`), which a property must not hide.
    /// The one `@odata.type` rule for create bodies: a create into a collection whose type has derived types names the
    /// type it creates (the service must learn which one); any other create body is sent as the caller gave it.
    func createNamesType(_ target: String?) -> Bool {
        target.map { protocols[$0] != nil } ?? false
    }

    static let memberReserved: Set<String> = RuntimeNames.modelMembers.union(RuntimeNames.modelStaticMembers)
    /// Members every enumeration has (GraphEnum's and GraphFlags').
    static let caseReserved: Set<String> = RuntimeNames.enumMembers

    init(model: APIModel) {
        var map: [String: String] = [:]
        // Reserved names are taken from the start, so a family protocol never hides one (`IteratorProtocol`).
        var allocator = NameAllocator(reserved: SwiftNames.reservedTypeNames)
        for name in (model.enums.map(\.name) + model.entities.map(\.name)).sorted() {
            map[name] = allocator.unique(SwiftNames.typeName(name))
        }
        byModelName = map
        // Call types come after every model and builder name, so a clash renames the call type, never a model.
        for name in RequestBuilderPlanner.navigationBuilderNames(model) { _ = allocator.unique(name) }
        var calls: [String: (String, String, String?)] = [:]
        let overloads = Self.overloadNames(model.operations.compactMap(\.call))
        for operation in model.operations {
            guard let call = operation.call, calls[call.key] == nil else { continue }
            let member = overloads[call.key] ?? call.name
            let stem = SwiftNames.typeName(call.declaringType) + (call.boundToCollection ? "Collection" : "") + SwiftNames.typeName(member)
            let builder = allocator.unique(stem + (call.kind == .action ? "Action" : "Function") + "RequestBuilder")
            calls[call.key] = (member, builder, call.parameters.isEmpty ? nil : allocator.unique(stem + "Parameters"))
        }
        self.calls = calls
        let bases = Set(model.entities.compactMap { entity in entity.base.flatMap { model.entity(named: $0) != nil ? $0 : nil } })
        var protocols: [String: String] = [:]
        for entity in model.entities where bases.contains(entity.name) && protocols[entity.name] == nil {
            protocols[entity.name] = allocator.unique((map[entity.name] ?? SwiftNames.typeName(entity.name)) + "Protocol")
        }
        self.protocols = protocols
        memberNames = Dictionary(model.entities.map { ($0.name, Self.computeMembers(of: $0)) }, uniquingKeysWith: { first, _ in first })
        caseNames = Dictionary(model.enums.map { ($0.name, Self.computeCases(of: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    func swift(_ name: String) -> String { byModelName[name] ?? SwiftNames.typeName(name) }

    /// Names for a function's overloads after the first: the name with its parameters (`rangeWithAddress`,
    /// `imageWithWidthAndHeight`). The overload without parameters, else the one with the fewest (then by name), keeps
    /// the plain name.
    private static func overloadNames(_ calls: [ModelCall]) -> [String: String] {
        var groups: [String: [ModelCall]] = [:]
        for call in calls {
            let group = "\(call.declaringType)/\(call.boundToCollection)/\(call.namespace ?? "")/\(call.name)"
            if groups[group]?.contains(where: { $0.key == call.key }) != true { groups[group, default: []].append(call) }
        }
        var names: [String: String] = [:]
        for group in groups.values where group.count > 1 {
            let ordered = group.sorted { ($0.parameters.count, $0.key) < ($1.parameters.count, $1.key) }
            for call in ordered.dropFirst() {
                names[call.key] = call.name + "With" + call.parameters.map { SwiftNames.typeName($0.name) }.joined(separator: "And")
            }
        }
        return names
    }

    /// The family protocols a model conforms to: its own (when it has derived types), then each base's, nearest
    /// first.
    func protocols(conformedToBy entity: ModelEntity, in model: APIModel) -> [String] {
        var result: [String] = []
        var current: ModelEntity? = entity
        var seen: Set<String> = []
        while let type = current, seen.insert(type.name).inserted {
            if let name = protocols[type.name] { result.append(name) }
            current = type.base.flatMap { model.entity(named: $0) }
        }
        return result
    }

    /// Swift names of `entity.members`: structural properties first, so navigation never renames one.
    func members(of entity: ModelEntity) -> [String] {
        memberNames[entity.name] ?? Self.computeMembers(of: entity)
    }

    /// Swift names of `entity.properties`.
    func properties(of entity: ModelEntity) -> [String] {
        Array(members(of: entity).prefix(entity.properties.count))
    }

    func cases(of item: ModelEnum) -> [String] {
        caseNames[item.name] ?? Self.computeCases(of: item)
    }

    private static func computeMembers(of entity: ModelEntity) -> [String] {
        SwiftNames.uniqueMemberNames(entity.members.map(\.name), reserved: memberReserved)
    }

    private static func computeCases(of item: ModelEnum) -> [String] {
        SwiftNames.uniqueMemberNames(item.members.map(\.name), reserved: caseReserved)
    }
}
