import Foundation

/// The API's operations on the store: list, get, create, update, delete and references, with their query options.
extension StubService {
    func list(_ segments: [String], route: StubRoute, request: StubRequest) -> StubResponse {
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

    func get(_ segments: [String], route: StubRoute, request: StubRequest) -> StubResponse {
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

    func create(_ segments: [String], route: StubRoute, request: StubRequest) -> StubResponse {
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
    func stamp(_ members: inout [JSONNode.Member], type: String?, names: [String]) {
        guard let entity = type.flatMap(model.entity(named:)) else { return }
        let time = StubJSON.string(Self.isoDate(requestTime))
        for name in names where entity.properties.contains(where: { $0.name == name && $0.type == .primitive(.dateTimeOffset) }) {
            if let index = members.firstIndex(where: { $0.key == name }) { members[index].value = time } else { members.append(StubJSON.member(name, time)) }
        }
    }

    /// A 507 when storing `bytes` more would take the store over `maximumStoreBytes`.
    func storeFull(adding bytes: Int) -> StubResponse? {
        guard store.totalBytes > options.maximumStoreBytes - bytes else { return nil }
        return graphError(507, "InsufficientStorage", "The stub holds \(store.totalBytes) bytes of data; its limit is \(options.maximumStoreBytes) (--max-store-bytes).")
    }

    func update(_ segments: [String], route: StubRoute, request: StubRequest) -> StubResponse {
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

    func delete(_ segments: [String], route: StubRoute) -> StubResponse {
        guard let (collection, id) = route.itemAddress(segments) else {
            return graphError(405, "MethodNotAllowed", "Only items of a collection can be deleted here.")
        }
        guard store.remove(collection: collection, id: id) else {
            return graphError(404, "ResourceNotFound", "No item '\(id)' in /\(collection.joined(separator: "/")).")
        }
        return StubResponse(status: route.operation.status ?? 204)
    }

    func addReference(_ segments: [String], route: StubRoute, request: StubRequest) -> StubResponse {
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

    func removeReference(_ segments: [String], route: StubRoute) -> StubResponse {
        // …/{owner}/navigation/{id}/$ref
        guard segments.count >= 3 else { return graphError(404, "ResourceNotFound", "No such reference.") }
        let owner = Array(segments.dropLast(2)), id = segments[segments.count - 2]
        guard store.removeReference(owner: owner, id: id) else {
            return graphError(404, "ResourceNotFound", "No reference to '\(id)' in /\(owner.joined(separator: "/")).")
        }
        return StubResponse(status: route.operation.status ?? 204)
    }

    func listReferences(_ segments: [String], route: StubRoute) -> StubResponse {
        let owner = Array(segments.dropLast())
        let values = store.references(owner: owner).map { StubJSON.object([StubJSON.member("@odata.id", StubJSON.string($0))]) }
        return .json(200, StubJSON.object([
            StubJSON.member("@odata.context", StubJSON.string("\(baseURL)/$metadata#Collection($ref)")),
            StubJSON.member("value", StubJSON.array(values)),
        ]))
    }

    /// The request's query options, checked against the type the operation answers with.
    func parseQuery(_ request: StubRequest, route: StubRoute) -> Result<StubQuery, StubResponseBox> {
        let type = route.operation.target ?? route.operation.responseType
        do {
            return .success(try StubQuery(request.query, type: type.flatMap(model.entity(named:)), model: model))
        } catch let problem {
            return .failure(StubResponseBox(graphError(400, "BadRequest", problem.message)))
        }
    }
}
