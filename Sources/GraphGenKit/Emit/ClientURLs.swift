/// Every URL the generated client can send a request to, as path templates (`/users/{}/messages/$count`): walked
/// from the client's roots through the request builders the planner makes, a key written `{}`. For comparing the
/// client's reach with another client's, and for a test that keeps each kind of URL from regressing.
public enum ClientURLs {
    /// Sorted, each once. A path stops at a builder type it already passed through (recursive navigation), and
    /// the walk at `limit` URLs.
    public static func templates(_ model: APIModel, limit: Int = 1_000_000) -> [String] {
        let plan = RequestBuilderPlanner(model: model, names: TypeNames(model: model)).builders()
        let builders = Dictionary(plan.builders.map { ($0.typeName, $0) }, uniquingKeysWith: { first, _ in first })
        var found: Set<String> = []

        func visit(_ builderType: String, path: String, passed: Set<String>) {
            guard found.count < limit else { return }
            if builderType.hasPrefix("TypeCastCollectionRequestBuilder<") {
                found.insert(path)
                found.insert(path + "/$count")
                return
            }
            if ["CountRequestBuilder", "MediaContentRequestBuilder"].contains(builderType) || builderType.hasPrefix("TypeCastItemRequestBuilder<") {
                found.insert(path)
                return
            }
            guard let builder = builders[builderType], !passed.contains(builderType) else { return }
            if !builder.operations.isEmpty { found.insert(path) }
            let passed = passed.union([builderType])
            for navigation in builder.navigations {
                visit(navigation.builderType, path: path + "/" + template(navigation.segment), passed: passed)
            }
            for key in builder.keys {
                visit(key.builderType, path: path + "/{}", passed: passed)
            }
        }

        for root in plan.roots { visit(root.builderType, path: "/" + template(root.segment), passed: []) }
        return found.sorted()
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
