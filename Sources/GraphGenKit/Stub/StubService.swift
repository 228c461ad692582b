import Foundation

/// The documented service, in memory: every operation of the model answered as OData does, requests checked against
/// the schema the way drift checks examples. Framework-free (requests in, responses out); `graphgen-stub` serves it
/// over HTTP. One lock guards the state, so it may be called from any number of connections.
public final class StubService: @unchecked Sendable {
    let model: APIModel
    let options: StubOptions
    let routes: [StubRoute]
    /// Routes by segment count: a request is matched only against paths of its length.
    let routesByLength: [Int: [StubRoute]]
    let conformance: ExampleConformance
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
    func entry(_ request: StubRequest, now: Date) -> (StubResponse, notBefore: Date?) {
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
    func missingParent(_ segments: [String], route: StubRoute) -> StubResponse? {
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
    func call(_ route: StubRoute) -> StubResponse {
        for example in route.operation.examples {
            guard let response = example.response else { continue }
            if let body = response.body { return .json(response.statusCode, body) }
            return StubResponse(status: response.statusCode)
        }
        if route.operation.call?.returns == nil { return StubResponse(status: 204) }
        return graphError(501, "NotImplemented", "No documented example shows what \(route.operation.call?.name ?? "this call") returns.")
    }

    func isCreatable(_ collection: [String]) -> Bool {
        (routesByLength[collection.count] ?? []).contains { $0.operation.kind == .create && $0.matches(collection) }
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
