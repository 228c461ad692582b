/// Documented examples as the stub's first data.
extension StubService {
    /// Documented response bodies become data, so the documented id answers with the documented body.
    func seedFromExamples() {
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

    static func withoutContext(_ node: JSONNode) -> JSONNode {
        StubJSON.object((node.members ?? []).filter { $0.key != "@odata.context" })
    }
}
