/// The URLs the generated client can send a request to, as path templates (`/users/{}/messages/$count`, a key or
/// call argument written `{}`), found by walking the request builders the planner makes from the client's roots.
/// For comparing the client's reach with another client's, and for a test that keeps each kind from regressing.
public struct ClientURLs {
    private let builders: [String: BuilderFileContext]
    private let roots: [BuilderFileContext.Navigation]
    /// For each builder with `cast(to:)`: the cast segments it takes, each to the runtime builder it gives.
    private let casts: [String: [(segment: String, builderType: String)]]

    public init(_ model: APIModel) {
        let planner = RequestBuilderPlanner(model: model, names: TypeNames(model: model))
        let plan = planner.builders()
        var builders = Dictionary(plan.builders.map { ($0.typeName, $0) }, uniquingKeysWith: { first, _ in first })
        roots = plan.roots
        // An item cast to a type offers what the cast extensions of that type and its bases declare.
        let extensions = Dictionary(plan.builders.compactMap { builder in builder.castOf.map { ($0, builder.navigations) } }, uniquingKeysWith: { first, _ in first })
        func castBuilder(_ type: String) -> String {
            let name = "\(RuntimeNames.Builder.typeCastItem.rawValue)<\(type)>"
            guard builders[name] == nil else { return name }
            var navigations: [BuilderFileContext.Navigation] = []
            var current: String? = type
            var seen: Set<String> = []
            while let name = current, seen.insert(name).inserted {
                navigations += extensions[name] ?? []
                current = model.entity(named: name)?.base
            }
            builders[name] = BuilderFileContext(typeName: name, docLines: [], navigations: navigations, keys: [], operations: [])
            return name
        }
        var casts: [String: [(segment: String, builderType: String)]] = [:]
        for builder in plan.builders {
            guard let cast = builder.cast else { continue }
            casts[builder.typeName] = ([cast.target] + planner.derivedTypes(of: cast.target)).map {
                ("\(model.namespace).\($0)", cast.ofCollection ? RuntimeNames.Builder.typeCastCollection.rawValue : castBuilder($0))
            }
        }
        self.builders = builders
        self.casts = casts
    }

    /// Whether an expression of the client reaches `template` and can send a request there.
    public func reaches(_ template: String) -> Bool {
        var segments = template.split(separator: "/", omittingEmptySubsequences: true).map(String.init)[...]
        guard let written = segments.popFirst() else { return false }
        // An alternate key is written on its collection's segment: `applications(appId={})`.
        let (first, alternateKey) = Self.alternateKey(written, known: roots.contains { Self.template($0.segment) == written })
        guard let root = roots.first(where: { Self.template($0.segment) == first }) else { return false }
        var current = root.builderType
        if let alternateKey {
            guard let key = builders[current]?.keys.first(where: { $0.alternateKey == alternateKey }) else { return false }
            current = key.builderType
        }
        while let written = segments.popFirst() {
            // `…/registrations(email={})`: the collection, then its item by an alternate key.
            let known = builders[current]?.navigations.contains { Self.template($0.segment) == written } ?? true
            let (segment, alternateKey) = Self.alternateKey(written, known: known)
            if let alternateKey {
                guard let navigation = builders[current]?.navigations.first(where: { Self.template($0.segment) == segment }),
                      let key = builders[navigation.builderType]?.keys.first(where: { $0.alternateKey == alternateKey }) else { return false }
                current = key.builderType
                continue
            }
            if current == RuntimeNames.Builder.typeCastCollection.rawValue {
                return segment == "$count" && segments.isEmpty
            }
            guard let builder = builders[current] else { return false }
            if segment == "$count", segments.isEmpty, Self.counts(builder) { return true }
            if segment == "{}", let key = builder.keys.first {
                current = key.builderType
            } else if let navigation = builder.navigations.first(where: { Self.template($0.segment) == segment }) {
                current = navigation.builderType
            } else if let cast = casts[current]?.first(where: { $0.segment == segment }) {
                current = cast.builderType
            } else {
                return false
            }
        }
        return Self.sendsRequests(current, builders[current])
    }

    /// Every URL, sorted, each once, for a client small enough to list: a path stops at a builder type it already
    /// passed through, and the walk at `limit` URLs.
    public func templates(limit: Int = 1_000_000) -> [String] {
        var found: Set<String> = []
        func visit(_ builderType: String, path: String, passed: Set<String>) {
            guard found.count < limit, !passed.contains(builderType) else { return }
            let builder = builders[builderType]
            if Self.sendsRequests(builderType, builder) { found.insert(path) }
            if builderType == RuntimeNames.Builder.typeCastCollection.rawValue { found.insert(path + "/$count") }
            guard let builder else { return }
            if Self.counts(builder) { found.insert(path + "/$count") }
            let passed = passed.union([builderType])
            for cast in casts[builderType] ?? [] {
                visit(cast.builderType, path: path + "/" + cast.segment, passed: passed)
            }
            for navigation in builder.navigations {
                visit(navigation.builderType, path: path + "/" + Self.template(navigation.segment), passed: passed)
            }
            for key in builder.keys {
                visit(key.builderType, path: path + (key.alternateKey.map { "(\($0)={})" } ?? "/{}"), passed: passed)
            }
        }
        for root in roots { visit(root.builderType, path: "/" + Self.template(root.segment), passed: []) }
        return found.sorted()
    }

    /// `count` comes with the runtime's `ListingRequestBuilder`, unless the builder declares a member of that name.
    private static func counts(_ builder: BuilderFileContext) -> Bool {
        builder.conformances.contains(RuntimeNames.OperationProtocol.listing.rawValue) && !builder.navigations.contains { $0.property == "count" }
    }

    /// The runtime's builders always have an operation; a planned builder when it declares one.
    private static func sendsRequests(_ builderType: String, _ builder: BuilderFileContext?) -> Bool {
        if builderType.hasPrefix(RuntimeNames.Builder.typeCastItem.rawValue + "<") { return true }
        if let builder { return !builder.operations.isEmpty }
        return RuntimeNames.Builder(rawValue: builderType) != nil
    }
    /// `applications(appId={})` → `applications` and `appId`; a segment naming a known member, or no alternate key, as it is.
    static func alternateKey(_ segment: String, known: Bool) -> (segment: String, key: String?) {
        guard !known, segment.hasSuffix("={})"), let open = segment.firstIndex(of: "(") else { return (segment, nil) }
        let inside = segment[segment.index(after: open)..<segment.index(segment.endIndex, offsetBy: -4)]
        guard !inside.isEmpty, !inside.contains("="), !inside.contains(",") else { return (segment, nil) }
        return (String(segment[..<open]), String(inside))
    }

    /// A call's segment with its parameters as `{}`: `getX(period=@period)` → `getX(period={})`.
    static func template(_ segment: String) -> String {
        guard segment.hasSuffix(")"), let open = segment.firstIndex(of: "(") else { return segment }
        let arguments = segment[segment.index(after: open)..<segment.index(before: segment.endIndex)]
        guard !arguments.isEmpty else { return segment }
        let names = arguments.split(separator: ",").map { $0.split(separator: "=", maxSplits: 1).first.map(String.init) ?? String($0) }
        return segment[...open] + names.map { $0 + "={}" }.joined(separator: ",") + ")"
    }
}
