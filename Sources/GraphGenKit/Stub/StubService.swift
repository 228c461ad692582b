import Foundation

/// The documented service, in memory: every operation of the model answered as OData does, requests checked against
/// the schema the way drift checks examples. Framework-free (requests in, responses out); `graphgen-stub` serves it
/// over HTTP. One lock guards the state, so it may be called from any number of connections.
public final class StubService: @unchecked Sendable {
    let model: APIModel
    let options: StubOptions
    private let routes: [StubRoute]
    /// Routes by segment count: a request is matched only against paths of its length.
    let routesByLength: [Int: [StubRoute]]
    private let conformance: ExampleConformance
    private let lock = NSLock()
    var store = StubStore()
    var random: SeededRandom
    /// The time faults, tokens and upload sessions are measured against.
    let clock: @Sendable () -> Date
    var traffic = StubTraffic()
    var tokens = StubTokens()
    var uploads = StubUploads()

    public init(model: APIModel, options: StubOptions, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.model = model
        self.options = options
        self.clock = clock
        let routes = model.operations.compactMap(StubRoute.init)
        self.routes = routes
        self.routesByLength = Dictionary(grouping: routes, by: \.length)
        self.conformance = ExampleConformance(model: model)
        self.random = SeededRandom(seed: options.randomSeed)
        if options.seedExamples { seedFromExamples() }
    }

    /// The number of stored items, across collections.
    public var storedCount: Int { lock.withLock { store.count } }

    public func handle(_ request: StubRequest) -> StubResponse {
        lock.withLock {
            requestID = random.identifier()
            let now = clock()
            requestTime = now
            traffic.arrived(request, at: now)
            let (answered, notBefore) = entry(request, now: now)
            var response = answered
            traffic.answered(request, with: response.status, notBefore: notBefore)
            response.headers.append(("request-id", requestID))
            return response
        }
    }

    /// A Graph error for a request the server refused before the service saw it (a body over the limit).
    public func refuse(_ status: Int, code: String, message: String) -> StubResponse {
        lock.withLock {
            requestID = random.identifier()
            var response = graphError(status, code, message)
            response.headers.append(("request-id", requestID))
            return response
        }
    }

    /// The id of the request being answered, for the `request-id` header and error bodies.
    var requestID = ""
    /// When the request being answered arrived.
    var requestTime = Date(timeIntervalSince1970: 0)

    // MARK: - Dispatch

    /// The stub's own endpoints (traffic, tokens, upload sessions) first, then injected faults, then the API. The
    /// second value is when a client may send the request again, for a fault that says so.
    private func entry(_ request: StubRequest, now: Date) -> (StubResponse, notBefore: Date?) {
        let path = request.encodedPath
        if path == StubTraffic.path && request.method == "GET" { return (.json(200, traffic.report(uploads: uploads.completed)), nil) }
        if path.hasSuffix(StubTokens.pathSuffix) { return (issueToken(request, now: now), nil) }
        if let (fault, notBefore) = injectedFault(request, now: now) { return (fault, notBefore) }
        if path.hasPrefix(StubUploads.pathPrefix) { return (upload(request, now: now), nil) }
        return (answer(request, now: now), nil)
    }

    /// An answer of the API itself: authorization, limits, then the operation the path and method name.
    func answer(_ request: StubRequest, now: Date) -> StubResponse {
        guard let authorization = request.headers["authorization"], authorization.hasPrefix("Bearer "),
              authorization.dropFirst("Bearer ".count).contains(where: { $0 != " " && $0 != "\t" }) else {
            return graphError(401, "InvalidAuthenticationToken", "Access token is empty or not a Bearer token.")
        }
        let token = String(authorization.dropFirst("Bearer ".count))
        if let expected = options.token, token != expected {
            return graphError(401, "InvalidAuthenticationToken", "Access token validation failure.")
        }
        if options.clientID != nil && options.clientSecret != nil && !tokens.accepts(token, at: now) {
            var response = graphError(401, "InvalidAuthenticationToken", "Access token has expired or was not issued by this service's token endpoint.")
            response.headers.append(("WWW-Authenticate", #"Bearer error="invalid_token""#))
            return response
        }
        if request.body.count > options.maximumBodyBytes {
            return graphError(413, "RequestEntityTooLarge", "The request body is larger than \(options.maximumBodyBytes) bytes.")
        }
        var segments = request.encodedPath.split(separator: "/", omittingEmptySubsequences: true).map { segment in
            segment.contains("%") ? segment.removingPercentEncoding ?? String(segment) : String(segment)
        }
        guard segments.first == model.apiVersion else {
            return graphError(404, "ResourceNotFound", "Paths of this service start with /\(model.apiVersion)/.")
        }
        segments.removeFirst()
        if segments == ["$batch"] {
            guard request.method == "POST" else { return graphError(405, "MethodNotAllowed", "$batch takes POST.") }
            return batch(request, now: now)
        }
        let shaped = (routesByLength[segments.count] ?? []).filter { $0.matches(segments) }
        // A GET of `…/$ref` lists the references an add-reference operation made.
        if request.method == "GET", let reference = shaped.first(where: { $0.operation.kind == .addReference }) {
            return listReferences(segments, route: reference)
        }
        guard !shaped.isEmpty else {
            return graphError(404, "ResourceNotFound", "No operation of this API has the path /\(segments.joined(separator: "/")).")
        }
        guard let route = shaped.first(where: { $0.operation.method == request.method }) else {
            let allowed = Set(shaped.map(\.operation.method)).sorted().joined(separator: ", ")
            var response = graphError(405, "MethodNotAllowed", "\(request.method) is not documented for this path; it allows \(allowed).")
            response.headers.append(("Allow", allowed))
            return response
        }
        if let missing = missingParent(segments, route: route) { return missing }
        switch route.operation.kind {
        case .list?: return list(segments, route: route, request: request)
        case .get?: return get(segments, route: route, request: request)
        case .create?: return create(segments, route: route, request: request)
        case .update?: return update(segments, route: route, request: request)
        case .delete?: return delete(segments, route: route)
        case .addReference?: return addReference(segments, route: route, request: request)
        case .removeReference?: return removeReference(segments, route: route)
        case .function? where route.operation.call?.name == "delta": return delta(segments, request: request)
        case .action? where route.operation.call?.name == "createUploadSession": return startUpload(segments, request: request, now: now)
        case .action?, .function?: return call(route)
        case nil: return graphError(501, "NotImplemented", "The stub does not know what this operation does.")
        }
    }

    /// An item named on the way to the target must exist, unless its collection cannot be created through this API
    /// (then any key names an item, so child collections work on an empty stub).
    private func missingParent(_ segments: [String], route: StubRoute) -> StubResponse? {
        let last = route.itemKeyIndex
        for index in route.parameterIndices where index != last {
            let collection = Array(segments[..<index])
            guard isCreatable(collection) else { continue }
            if store.item(collection: collection, id: segments[index]) == nil {
                return graphError(404, "ResourceNotFound", "No item '\(segments[index])' in /\(collection.joined(separator: "/")).")
            }
        }
        return nil
    }

    /// A call answers with its first documented response (the stub keeps no state it could compute one from);
    /// an action documented without one, or returning nothing, answers 204.
    private func call(_ route: StubRoute) -> StubResponse {
        for example in route.operation.examples {
            guard let response = example.response else { continue }
            if let body = response.body { return .json(response.statusCode, body) }
            return StubResponse(status: response.statusCode)
        }
        if route.operation.call?.returns == nil { return StubResponse(status: 204) }
        return graphError(501, "NotImplemented", "No documented example shows what \(route.operation.call?.name ?? "this call") returns.")
    }

    private func isCreatable(_ collection: [String]) -> Bool {
        (routesByLength[collection.count] ?? []).contains { $0.operation.kind == .create && $0.matches(collection) }
    }

    // MARK: - Operations

    private func list(_ segments: [String], route: StubRoute, request: StubRequest) -> StubResponse {
        let query: StubQuery
        switch parseQuery(request, route: route) {
        case .success(let parsed): query = parsed
        case .failure(let box): return box.response
        }
        var items = query.ordered(store.items(collection: segments))
        if let filter = query.filter { items = items.filter(filter.matches) }
        let total = items.count
        // Query numbers go up to Int.max: every sum below stays within the store's size, so none can overflow.
        let start = min(query.skip ?? 0, total)
        let pageSize = query.top.map { min($0, options.pageSize) } ?? options.pageSize
        // A page ends at pageSize items or maximumPageBytes of JSON, whichever comes first, and holds at least one.
        var page: [JSONNode] = []
        var pageBytes = 0
        for item in items.dropFirst(start).prefix(pageSize) {
            let shown = query.selecting(item)
            let size = shown.compactText.utf8.count + 1
            if !page.isEmpty && pageBytes + size > options.maximumPageBytes { break }
            page.append(shown)
            pageBytes += size
        }
        var members = [StubJSON.member("@odata.context", StubJSON.string(context(segments)))]
        if query.count { members.append(StubJSON.member("@odata.count", StubJSON.number(total))) }
        members.append(StubJSON.member("value", StubJSON.array(page)))
        let shown = start + page.count
        let limit = query.top.map { $0 >= total - start ? total : start + $0 } ?? total
        if shown < limit {
            var next = request.query.filter { $0.name != "$skip" && $0.name != "$top" }
            next.append(("$skip", String(shown)))
            if let top = query.top { next.append(("$top", String(top - page.count))) }
            members.append(StubJSON.member("@odata.nextLink", StubJSON.string(link(request, query: next))))
        }
        return .json(200, StubJSON.object(members))
    }

    private func get(_ segments: [String], route: StubRoute, request: StubRequest) -> StubResponse {
        let query: StubQuery
        switch parseQuery(request, route: route) {
        case .success(let parsed): query = parsed
        case .failure(let box): return box.response
        }
        guard let (collection, id) = route.itemAddress(segments) else {
            // A single-valued navigation or singleton: whatever was stored under its path, else an empty object.
            let stored = store.item(collection: segments, id: "") ?? StubJSON.object([])
            return .json(200, StubJSON.object([StubJSON.member("@odata.context", StubJSON.string(context(segments)))] + (query.selecting(stored).members ?? [])))
        }
        guard let item = store.item(collection: collection, id: id) else {
            return graphError(404, "ResourceNotFound", "No item '\(id)' in /\(collection.joined(separator: "/")).")
        }
        return .json(route.operation.status ?? 200, StubJSON.object([StubJSON.member("@odata.context", StubJSON.string(context(collection) + "/$entity"))] + (query.selecting(item).members ?? [])))
    }

    private func create(_ segments: [String], route: StubRoute, request: StubRequest) -> StubResponse {
        let type = route.operation.requestType ?? route.operation.target
        let body: JSONNode
        switch validatedBody(request, type: type, creating: true) {
        case .success(let node): body = node
        case .failure(let box): return box.response
        }
        let id = random.identifier()
        var members = [StubJSON.member("id", StubJSON.string(id))]
        members += (body.members ?? []).filter { $0.key != "id" && !$0.key.hasPrefix("@odata.") || $0.key == "@odata.type" }
        stamp(&members, type: type, names: ["createdDateTime", "lastModifiedDateTime"])
        let item = StubJSON.object(members)
        if let full = storeFull(adding: request.body.count) { return full }
        store.put(item, collection: segments, id: id, bytes: request.body.count)
        let status = route.operation.status ?? 201
        if status == 204 { return StubResponse(status: 204) }
        return .json(status, StubJSON.object([StubJSON.member("@odata.context", StubJSON.string(context(segments) + "/$entity"))] + members))
    }

    /// Sets the members the service keeps itself (`createdDateTime`, `lastModifiedDateTime`) to the request's time,
    /// where the type declares them.
    private func stamp(_ members: inout [JSONNode.Member], type: String?, names: [String]) {
        guard let entity = type.flatMap(model.entity(named:)) else { return }
        let time = StubJSON.string(Self.isoDate(requestTime))
        for name in names where entity.properties.contains(where: { $0.name == name && $0.type == .primitive(.dateTimeOffset) }) {
            if let index = members.firstIndex(where: { $0.key == name }) { members[index].value = time } else { members.append(StubJSON.member(name, time)) }
        }
    }

    /// A 507 when storing `bytes` more would take the store over `maximumStoreBytes`.
    private func storeFull(adding bytes: Int) -> StubResponse? {
        guard store.totalBytes > options.maximumStoreBytes - bytes else { return nil }
        return graphError(507, "InsufficientStorage", "The stub holds \(store.totalBytes) bytes of data; its limit is \(options.maximumStoreBytes) (--max-store-bytes).")
    }

    private func update(_ segments: [String], route: StubRoute, request: StubRequest) -> StubResponse {
        // An item of a collection must exist; a singleton or single-valued navigation is kept under its own path.
        let (collection, id) = route.itemAddress(segments) ?? (segments, "")
        guard var members = store.item(collection: collection, id: id)?.members ?? (id.isEmpty ? [] : nil) else {
            return graphError(404, "ResourceNotFound", "No item '\(id)' in /\(collection.joined(separator: "/")).")
        }
        let type = route.operation.requestType ?? route.operation.target
        let body: JSONNode
        switch validatedBody(request, type: type, creating: false) {
        case .success(let node): body = node
        case .failure(let box): return box.response
        }
        // Merge: a member sent replaces the stored one (null clears it), a member not sent keeps its value.
        for member in body.members ?? [] where member.key != "id" && (!member.key.hasPrefix("@odata.") || member.key == "@odata.type") {
            if let index = members.firstIndex(where: { $0.key == member.key }) {
                members[index].value = member.value
            } else {
                members.append(member)
            }
        }
        stamp(&members, type: type, names: ["lastModifiedDateTime"])
        let bytes = (store.bytes(collection: collection, id: id) ?? 0) + request.body.count
        if let full = storeFull(adding: request.body.count) { return full }
        store.put(StubJSON.object(members), collection: collection, id: id, bytes: bytes)
        let status = route.operation.status ?? 204
        if status == 204 { return StubResponse(status: 204) }
        return .json(status, StubJSON.object([StubJSON.member("@odata.context", StubJSON.string(context(collection) + "/$entity"))] + members))
    }

    private func delete(_ segments: [String], route: StubRoute) -> StubResponse {
        guard let (collection, id) = route.itemAddress(segments) else {
            return graphError(405, "MethodNotAllowed", "Only items of a collection can be deleted here.")
        }
        guard store.remove(collection: collection, id: id) else {
            return graphError(404, "ResourceNotFound", "No item '\(id)' in /\(collection.joined(separator: "/")).")
        }
        return StubResponse(status: route.operation.status ?? 204)
    }

    private func addReference(_ segments: [String], route: StubRoute, request: StubRequest) -> StubResponse {
        let body: JSONNode
        switch parsedBody(request) {
        case .success(let node): body = node
        case .failure(let box): return box.response
        }
        guard let url = body["@odata.id"]?.string, let target = URL(string: url) ?? URL(string: url.replacingOccurrences(of: " ", with: "%20")) else {
            return graphError(400, "BadRequest", "An add-reference body is {\"@odata.id\": \"<url of an existing item>\"}.")
        }
        let path = (URLComponents(url: target, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? target.path)
            .split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        guard path.first == model.apiVersion else {
            return graphError(400, "BadRequest", "'@odata.id' must be a URL under /\(model.apiVersion)/.")
        }
        let itemPath = Array(path.dropFirst())
        guard let itemRoute = (routesByLength[itemPath.count] ?? []).first(where: { $0.operation.kind == .get && $0.itemKeyIndex != nil && $0.matches(itemPath) }),
              let (collection, id) = itemRoute.itemAddress(itemPath) else {
            return graphError(400, "BadRequest", "'@odata.id' does not name an item of this API: \(url)")
        }
        if isCreatable(collection) && store.item(collection: collection, id: id) == nil {
            return graphError(404, "ResourceNotFound", "'@odata.id' names no existing item: \(url)")
        }
        store.addReference(owner: Array(segments.dropLast()), url: url, id: id)
        return StubResponse(status: route.operation.status ?? 204)
    }

    private func removeReference(_ segments: [String], route: StubRoute) -> StubResponse {
        // …/{owner}/navigation/{id}/$ref
        guard segments.count >= 3 else { return graphError(404, "ResourceNotFound", "No such reference.") }
        let owner = Array(segments.dropLast(2)), id = segments[segments.count - 2]
        guard store.removeReference(owner: owner, id: id) else {
            return graphError(404, "ResourceNotFound", "No reference to '\(id)' in /\(owner.joined(separator: "/")).")
        }
        return StubResponse(status: route.operation.status ?? 204)
    }

    private func listReferences(_ segments: [String], route: StubRoute) -> StubResponse {
        let owner = Array(segments.dropLast())
        let values = store.references(owner: owner).map { StubJSON.object([StubJSON.member("@odata.id", StubJSON.string($0))]) }
        return .json(200, StubJSON.object([
            StubJSON.member("@odata.context", StubJSON.string("\(baseURL)/$metadata#Collection($ref)")),
            StubJSON.member("value", StubJSON.array(values)),
        ]))
    }

    /// The request's query options, checked against the type the operation answers with.
    private func parseQuery(_ request: StubRequest, route: StubRoute) -> Result<StubQuery, StubResponseBox> {
        let type = route.operation.target ?? route.operation.responseType
        do {
            return .success(try StubQuery(request.query, type: type.flatMap(model.entity(named:)), model: model))
        } catch let problem {
            return .failure(StubResponseBox(graphError(400, "BadRequest", problem.message)))
        }
    }

    // MARK: - Validation

    /// A member name an object in `node` gives twice (the first found), else nil.
    static func duplicateKey(in node: JSONNode) -> String? {
        switch node.value {
        case .object(let members):
            var seen: Set<String> = []
            for member in members {
                if !seen.insert(member.key).inserted { return member.key }
                if let nested = duplicateKey(in: member.value) { return nested }
            }
        case .array(let items):
            for item in items { if let nested = duplicateKey(in: item) { return nested } }
        default:
            break
        }
        return nil
    }

    /// The body as a JSON object, or a 400 saying why not.
    func parsedBody(_ request: StubRequest) -> Result<JSONNode, StubResponseBox> {
        let body: JSONNode
        // Bytes that are not UTF-8 would be stored as U+FFFD: refused, like the service does.
        guard let text = String(bytes: request.body, encoding: .utf8) else {
            return .failure(StubResponseBox(graphError(400, "BadRequest", "The body is not UTF-8 text.")))
        }
        do {
            body = try JSONParser.parse(text, file: "request body", startLine: 1)
        } catch let problem as DiagnosticError {
            return .failure(StubResponseBox(graphError(400, "BadRequest", "The body is not JSON: \(problem.diagnostics.first?.message ?? "")")))
        } catch {
            return .failure(StubResponseBox(graphError(400, "BadRequest", "The body is not JSON.")))
        }
        guard body.members != nil else {
            return .failure(StubResponseBox(graphError(400, "BadRequest", "The body must be a JSON object.")))
        }
        if let key = Self.duplicateKey(in: body) {
            return .failure(StubResponseBox(graphError(400, "BadRequest", "The body gives the member '\(key)' twice.")))
        }
        return .success(body)
    }

    /// The body as JSON, checked against `type` as drift checks examples: unknown members, JSON types, enum members,
    /// dates, GUIDs, integer ranges, and read-only members.
    private func validatedBody(_ request: StubRequest, type: String?, creating: Bool) -> Result<JSONNode, StubResponseBox> {
        let body: JSONNode
        switch parsedBody(request) {
        case .success(let node): body = node
        case .failure(let box): return .failure(box)
        }
        guard let type, let entity = model.entity(named: type) else { return .success(body) }
        for finding in conformance.check(body, entity: type) {
            let name = finding.path.joined(separator: ".")
            let message: String?
            switch finding.kind {
            case .unknownProperty: message = "Property '\(name)' does not exist on type '\(model.namespace).\(finding.ownerType)'."
            case .wrongJSONType(let expected): message = "Property '\(name)' must be \(expected); got \(finding.value)."
            case .notEnumMember(let enumName), .enumMemberCase(let enumName): message = "'\(finding.value)' is not a member of \(enumName) (property '\(name)')."
            case .malformedDateTime: message = "Property '\(name)' must be an ISO 8601 DateTimeOffset; got '\(finding.value)'."
            case .integerOutOfRange(let integer): message = "Property '\(name)' is out of range for \(integer): \(finding.value)."
            case .odataTypeMismatch(let expected): message = "'@odata.type' '\(finding.value)' is not \(expected) or a type derived from it."
            case .odataTypeMissingHash: message = "'@odata.type' must start with '#': '\(finding.value)'."
            case .memberCase(let declared): message = "Property '\(name)' does not exist on type '\(model.namespace).\(finding.ownerType)'; the property is '\(declared)'."
            case .placeholderValue: message = nil
            }
            if let message { return .failure(StubResponseBox(graphError(400, "BadRequest", message))) }
        }
        for member in body.members ?? [] {
            guard let property = entity.properties.first(where: { $0.name == member.key }) else { continue }
            if property.readOnly && !(property.name == "id" && !creating) {
                return .failure(StubResponseBox(graphError(400, "BadRequest", "Property '\(member.key)' is read-only and cannot be set.")))
            }
            if property.type == .primitive(.guid), let text = member.value.string, UUID(uuidString: text) == nil {
                return .failure(StubResponseBox(graphError(400, "BadRequest", "Property '\(member.key)' must be a GUID; got '\(text)'.")))
            }
        }
        return .success(body)
    }

    // MARK: - Seeding

    /// Documented response bodies become data, so the documented id answers with the documented body.
    private func seedFromExamples() {
        for route in routes {
            for example in route.operation.examples {
                guard let request = example.request, let response = example.response, (200..<300).contains(response.statusCode),
                      var body = response.body else { continue }
                // A placeholder key (`{mobileAppId}`) becomes `*`: the item answers under any key there.
                let literal = request.path.segments.map { segment -> String in
                    if case .literal(let text) = segment { return text.removingPercentEncoding ?? text }
                    return StubStore.anyKey
                }
                guard route.matches(literal) else { continue }
                if let wrapped = body.objectWrappedInValue { body = wrapped.value }
                switch route.operation.kind {
                case .get?:
                    guard let (collection, key) = route.itemAddress(literal), body.members != nil,
                          let id = body["id"]?.string ?? (key == StubStore.anyKey ? nil : key) else { continue }
                    store.put(Self.withoutContext(body), collection: collection, id: id)
                case .list?:
                    guard case .array(let items)? = body["value"]?.value else { continue }
                    for item in items where item.members != nil {
                        if let id = item["id"]?.string { store.put(Self.withoutContext(item), collection: literal, id: id) }
                    }
                case .create?:
                    if let id = body["id"]?.string, body.members != nil { store.put(Self.withoutContext(body), collection: literal, id: id) }
                default:
                    continue
                }
            }
        }
    }

    private static func withoutContext(_ node: JSONNode) -> JSONNode {
        StubJSON.object((node.members ?? []).filter { $0.key != "@odata.context" })
    }

    // MARK: - Helpers

    var baseURL: String { "\(model.baseURL)/\(model.apiVersion)" }

    func context(_ collection: [String]) -> String {
        "\(baseURL)/$metadata#\(collection.joined(separator: "/"))"
    }

    func link(_ request: StubRequest, query: [(name: String, value: String)]) -> String {
        let host = request.headers["host"].map { "http://\($0)" } ?? model.baseURL
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+")
        let text = query.map { "\($0.name.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.name)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.value)" }
        return host + request.encodedPath + (text.isEmpty ? "" : "?" + text.joined(separator: "&"))
    }

    /// A Graph error body naming the request.
    func graphError(_ status: Int, _ code: String, _ message: String) -> StubResponse {
        let date = ISO8601DateFormatter().string(from: Date())
        let body = StubJSON.object([StubJSON.member("error", StubJSON.object([
            StubJSON.member("code", StubJSON.string(code)),
            StubJSON.member("message", StubJSON.string(message)),
            StubJSON.member("innerError", StubJSON.object([
                StubJSON.member("request-id", StubJSON.string(requestID)),
                StubJSON.member("date", StubJSON.string(date)),
            ])),
        ]))])
        return .json(status, body)
    }
}

/// `Result` needs an `Error` failure; this carries an early response through it.
struct StubResponseBox: Error {
    let response: StubResponse
    init(_ response: StubResponse) { self.response = response }
}
