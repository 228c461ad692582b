/// Delta queries (`…/delta()`): the first round lists every item, later rounds (from the round's `@odata.deltaLink`,
/// `$deltatoken=N`) the items changed since, a removed one as `{"id": …, "@removed": {"reason": "deleted"}}`. Pages
/// follow `@odata.nextLink` (`$skiptoken=SINCE.THROUGH.OFFSET`); a round covers the changes up to its first page, so
/// an item changed while a round is read comes again in the next one.
extension StubService {
    func delta(_ segments: [String], request: StubRequest) -> StubResponse {
        let collection = Array(segments.dropLast())
        var since: Int?
        var through = store.changeCount
        var offset = 0
        for (name, value) in request.query {
            switch name {
            case "$deltatoken":
                guard let number = Int(value), number >= 0, number <= store.changeCount else { return badToken() }
                since = number
            case "$skiptoken":
                let parts = value.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
                guard parts.count == 3, let last = parts[1], let start = parts[2], last <= store.changeCount, last >= 0, start >= 0 else { return badToken() }
                since = parts[0]
                through = last
                offset = start
            default:
                continue
            }
        }
        var items: [JSONNode]
        if let since {
            guard since <= through else { return badToken() }
            items = store.changedIDs(collection: collection, after: since, through: through).map { id in
                store.item(collection: collection, id: id) ?? StubJSON.object([
                    StubJSON.member("id", StubJSON.string(id)),
                    StubJSON.member("@removed", StubJSON.object([StubJSON.member("reason", StubJSON.string("deleted"))])),
                ])
            }
        } else {
            items = store.items(collection: collection)
        }
        let page = Array(items.dropFirst(min(offset, items.count)).prefix(options.pageSize))
        var members = [StubJSON.member("@odata.context", StubJSON.string(context(collection) + "/delta")), StubJSON.member("value", StubJSON.array(page))]
        let path = request.query.filter { $0.name != "$deltatoken" && $0.name != "$skiptoken" }
        if offset + page.count < items.count {
            let next = path + [("$skiptoken", "\(since.map(String.init) ?? "").\(through).\(offset + page.count)")]
            members.append(StubJSON.member("@odata.nextLink", StubJSON.string(link(request, query: next))))
        } else {
            members.append(StubJSON.member("@odata.deltaLink", StubJSON.string(link(request, query: path + [("$deltatoken", String(through))]))))
        }
        return .json(200, StubJSON.object(members))
    }

    private func badToken() -> StubResponse {
        graphError(400, "BadRequest", "The delta or skip token is not one this service gave.")
    }
}
