/// Example request lines against the page's documented requests, the base URL, and their headers.
enum ExampleRequestRule {
    static func check(_ context: DriftContext) -> [DriftFinding] {
        var findings: [DriftFinding] = []
        let walker = context.model.navigation
        let base = "\(context.model.baseURL)/\(context.model.apiVersion)/"
        let baseHost = host(of: base)
        let aliases = singletonAliases(context.model)
        for page in context.pages where !page.httpRequests.isEmpty {
            let documented = page.httpRequests.map { line in (line, canonical(line.path, walker, aliases), !walker.relativeOwners(of: line.path).isEmpty) }
            for example in page.examples {
                guard let request = example.request else { continue }
                // A request to another host (a notification to the caller's callback URL) is not the service's.
                if let host = Self.host(of: request.url), host != baseHost { continue }
                let path = canonical(request.path, walker, aliases)
                let isDocumented = documented.contains { line, canonicalPath, isRelative in
                    guard line.method == request.method else { return false }
                    if canonicalPath == path || line.path.accepts(request.path) { return true }
                    // A path relative to a type (`/workbook/…`) is documented by an example that ends with it.
                    let tail = PathTemplate(segments: Array(request.path.segments.suffix(line.path.segments.count)))
                    return isRelative && line.path.accepts(tail)
                }
                if !isDocumented, let first = page.httpRequests.first {
                    let listed = page.httpRequests.map { "\($0.method) \($0.path)" }.joined(separator: "; ")
                    findings.append(DriftFinding(
                        rule: .exampleRequestPath, message: "the example requests \(request.method) \(request.path), which is not among the page's HTTP requests (\(listed))",
                        location: request.location, related: first.location, hint: "make the example use one of the documented requests"))
                }
                if request.url.hasPrefix("http"), !request.url.hasPrefix(base) {
                    findings.append(DriftFinding(
                        rule: .exampleBaseUrl, message: "the example URL '\(request.url)' does not start with the schema's base '\(base)'",
                        location: request.location, related: nil, hint: "start the URL with \(base)"))
                }
                if request.body != nil, !request.headers.contains(where: { $0.name.lowercased() == "content-type" }) {
                    findings.append(DriftFinding(
                        rule: .exampleContentType, message: "the example request has a JSON body but no Content-Type header",
                        location: request.location, related: nil, hint: "add 'Content-Type: application/json'"))
                }
            }
        }
        return findings
    }

    /// The lowercased host of an absolute URL (`https://bot.contoso.com/callback` → `bot.contoso.com`).
    static func host(of url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        return String(rest.prefix { $0 != "/" && $0 != "?" && $0 != ":" }).lowercased()
    }

    /// The schema's spelling of a path when it walks, so `{id}` names and stray prefixes do not matter; a singleton
    /// of an entity set's type is written as one item of the set (`/me/messages` as `/users/{userId}/messages`).
    private static func canonical(_ path: PathTemplate, _ walker: NavigationWalker, _ aliases: [String: String]) -> String {
        var segments = path.segments
        // Only a root: `/education/me/…` is a navigation property of that name, not the singleton.
        if case .literal(let name)? = segments.first, let set = aliases[name.lowercased()] {
            segments.replaceSubrange(0...0, with: [.literal(set), .parameter("key")])
        }
        if case .success(let walk) = walker.walk(PathTemplate(segments: segments)) { return walk.canonicalPath.description }
        return path.shape
    }

    /// Singleton roots by lowercased name, to the entity set of the same type (`me` → `users`).
    private static func singletonAliases(_ model: APIModel) -> [String: String] {
        var sets: [String: String] = [:]
        for root in model.root.sorted(by: { $0.name < $1.name }) where root.collection {
            if let type = root.type, sets[type] == nil { sets[type] = root.name }
        }
        var aliases: [String: String] = [:]
        for root in model.root where !root.collection {
            if let type = root.type, let set = sets[type] { aliases[root.name.lowercased()] = set }
        }
        return aliases
    }
}
