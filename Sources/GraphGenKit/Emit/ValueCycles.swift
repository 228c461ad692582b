/// Finds properties that make a struct contain itself: a single-valued property whose type can reach the owner
/// again through single-valued properties (arrays are stored out of line and break a cycle).
enum ValueCycles {
    /// `type.property` for every property whose target is in the owner's strongly connected component.
    static func propertiesToBox(_ entities: [ModelEntity]) -> Set<String> {
        var index: [String: Int] = [:]
        for (position, entity) in entities.enumerated() { index[entity.name] = position }
        func target(_ property: ModelProperty) -> Int? {
            switch property.type {
            case .entity(let name), .complex(let name): index[name]
            default: nil
            }
        }
        let edges = entities.map { $0.properties.compactMap(target) }
        let component = components(edges)
        var boxed: Set<String> = []
        for (owner, entity) in entities.enumerated() {
            for property in entity.properties {
                if let to = target(property), component[to] == component[owner] { boxed.insert("\(entity.name).\(property.name)") }
            }
        }
        return boxed
    }

    /// Tarjan's strongly connected components, iterative so a long chain of types cannot exhaust the stack.
    /// Returns each node's component number; a node alone is in a cycle only if it has an edge to itself,
    /// which the caller sees because the edge's target has the owner's number.
    static func components(_ edges: [[Int]]) -> [Int] {
        let count = edges.count
        var order = [Int](repeating: -1, count: count), low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count), component = [Int](repeating: -1, count: count)
        var stack: [Int] = [], counter = 0, components = 0
        for start in 0..<count where order[start] < 0 {
            var work: [(node: Int, next: Int)] = [(start, 0)]
            order[start] = counter; low[start] = counter; counter += 1
            stack.append(start); onStack[start] = true
            while let (node, next) = work.last {
                if next < edges[node].count {
                    work[work.count - 1].next += 1
                    let to = edges[node][next]
                    if order[to] < 0 {
                        order[to] = counter; low[to] = counter; counter += 1
                        stack.append(to); onStack[to] = true
                        work.append((to, 0))
                    } else if onStack[to] {
                        low[node] = min(low[node], order[to])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { low[parent.node] = min(low[parent.node], low[node]) }
                if low[node] == order[node] {
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component[member] = components
                        if member == node { break }
                    }
                    components += 1
                }
            }
        }
        return component
    }
}
