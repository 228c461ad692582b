/// The stub's data: items per concrete collection path (`deviceAppManagement/mobileApps/7/deviceStatuses`), in the
/// order they were made, and the references add-reference operations made. Documented examples often write a parent
/// key as a placeholder (`mobileApps/{mobileAppId}/…`); their items are kept under `*` there and answer for any key.
struct StubStore {
    static let anyKey = "*"

    private struct StoredCollection {
        var order: [String] = []
        var items: [String: JSONNode] = [:]
        /// The request bytes each item was made from (an upper bound of what it holds).
        var bytes: [String: Int] = [:]
    }

    /// The request bytes every stored item was made from, for the stub's cap on stored data.
    private(set) var totalBytes = 0

    func bytes(collection: [String], id: String) -> Int? {
        holder(collection, id: id).flatMap { collections[$0]?.bytes[id] }
    }

    private var collections: [[String]: StoredCollection] = [:]
    /// Collection paths holding `anyKey`, sorted so lookups and lists are deterministic.
    private var wildcardPaths: [[String]] = []
    private var referenceLists: [[String]: [(id: String, url: String)]] = [:]
    /// Puts and removes are numbered; per collection path as requests name it, the number of each id's last change
    /// (one entry per id, however often it changes): what delta queries answer from.
    private(set) var changeCount = 0
    private var lastChanges: [[String]: [String: Int]] = [:]

    /// The ids in `collection` whose last change is after `after` and up to `through`, in the order of those changes.
    /// An id changed again after `through` is left to the next round.
    func changedIDs(collection: [String], after: Int, through: Int) -> [String] {
        (lastChanges[collection] ?? [:]).filter { $0.value > after && $0.value <= through }.sorted { $0.value < $1.value }.map(\.key)
    }

    private mutating func logChange(_ collection: [String], _ id: String) {
        changeCount += 1
        lastChanges[collection, default: [:]][id] = changeCount
    }

    var count: Int { collections.values.reduce(0) { $0 + $1.items.count } }

    private func covers(_ pattern: [String], _ collection: [String]) -> Bool {
        pattern.count == collection.count && zip(pattern, collection).allSatisfy { $0 == Self.anyKey || $0 == $1 }
    }

    /// The stored collection path that holds `id` for `collection`: the path itself, else a documented one with `*`.
    private func holder(_ collection: [String], id: String) -> [String]? {
        if collections[collection]?.items[id] != nil { return collection }
        return wildcardPaths.first { covers($0, collection) && collections[$0]?.items[id] != nil }
    }

    func item(collection: [String], id: String) -> JSONNode? {
        holder(collection, id: id).flatMap { collections[$0]?.items[id] }
    }

    func items(collection: [String]) -> [JSONNode] {
        var seen: Set<String> = []
        var result: [JSONNode] = []
        for path in wildcardPaths.filter({ $0 != collection && covers($0, collection) }) + [collection] {
            guard let stored = collections[path] else { continue }
            for id in stored.order where seen.insert(id).inserted {
                if let item = item(collection: collection, id: id) { result.append(item) }
            }
        }
        return result
    }

    mutating func put(_ item: JSONNode, collection: [String], id: String, bytes: Int = 0) {
        let path = holder(collection, id: id) ?? collection
        if collections[path]?.items[id] == nil { collections[path, default: StoredCollection()].order.append(id) }
        collections[path, default: StoredCollection()].items[id] = item
        totalBytes += bytes - (collections[path]?.bytes[id] ?? 0)
        collections[path]?.bytes[id] = bytes
        logChange(collection, id)
        if path.contains(Self.anyKey) && !wildcardPaths.contains(path) {
            wildcardPaths.append(path)
            wildcardPaths.sort { $0.joined(separator: "/") < $1.joined(separator: "/") }
        }
    }

    mutating func remove(collection: [String], id: String) -> Bool {
        guard let path = holder(collection, id: id) else { return false }
        collections[path]?.items.removeValue(forKey: id)
        totalBytes -= collections[path]?.bytes.removeValue(forKey: id) ?? 0
        collections[path]?.order.removeAll { $0 == id }
        logChange(collection, id)
        return true
    }

    mutating func addReference(owner: [String], url: String, id: String) {
        if referenceLists[owner]?.contains(where: { $0.id == id }) == true { return }
        referenceLists[owner, default: []].append((id, url))
    }

    mutating func removeReference(owner: [String], id: String) -> Bool {
        guard let index = referenceLists[owner]?.firstIndex(where: { $0.id == id }) else { return false }
        referenceLists[owner]?.remove(at: index)
        return true
    }

    func references(owner: [String]) -> [String] { referenceLists[owner]?.map(\.url) ?? [] }
}
