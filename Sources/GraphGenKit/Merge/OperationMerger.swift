/// Turns page request lines and schema declarations into operations, one per method and canonical path.
struct OperationMerger {
    let walker: NavigationWalker
    let pages: [APIPage]

    private struct Key: Hashable, Comparable {
        var path: String
        var method: String
        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.path, lhs.method) < (rhs.path, rhs.method) }
    }

    func merge(diagnostics: inout DiagnosticCollector) -> [ModelOperation] {
        var operations: [Key: ModelOperation] = [:]
        let declared = walker.declaredOperations()
        if let nav = declared.overBudget {
            diagnostics.add(.error("contained navigation declares more than \(NavigationWalker.declaredOperationBudget) operations by the time the walk reaches '\(nav.name)'; mark navigation that refers to items of another collection (an entity set) 'contained: false'", at: nav.location, rule: "schema-paths"))
            return []
        }
        for (kind, path) in declared.operations {
            let key = Key(path: path.description, method: NavigationWalker.method(for: kind.value))
            guard operations[key] == nil, case .success(let walk) = walker.walk(path) else { continue }
            let call = walk.modelCall
            operations[key] = ModelOperation(
                kind: kind.value, method: key.method, path: path, parameters: walk.parameters, target: walk.target,
                navigation: walk.navigation?.name, navigationOwner: walk.navigationOwner,
                requestType: requestType(kind.value, target: walk.target), responseType: responseType(kind.value, target: walk.target, call: call),
                status: defaultStatus(kind.value, call: call), summary: call?.description, permissions: [], sources: [kind.location],
                declaredInSchema: true, pathIsNavigable: true, examples: [], call: call)
        }
        var documentedByPage: Set<Key> = []
        for page in pages {
            var pageKeys: [Key] = []
            for line in page.httpRequests {
                let key = add(line, page: page, into: &operations, documented: &documentedByPage, diagnostics: &diagnostics)
                pageKeys.append(key)
            }
            attachExamples(of: page, pageKeys: pageKeys, to: &operations)
        }
        return operations.keys.sorted().compactMap { key in
            guard var operation = operations[key] else { return nil }
            operation.sources.sort()
            return operation
        }
    }

    /// Whether the schema declares what a walk below non-contained navigation ends at (such paths are not among the
    /// declared operations, which stop at references, but the client reaches them): the call, or the kind on the
    /// navigation the walk ends on.
    static func declares(_ walk: NavigationWalker.Walk, _ kind: OperationKind) -> Bool {
        // A call is declared by the schema's actions; what follows a call's result, by the result's type.
        if walk.call != nil || walk.throughCall { return true }
        return walk.navigation?.operations.contains { $0.value == kind } ?? false
    }

    private func add(_ line: HTTPRequestLine, page: APIPage, into operations: inout [Key: ModelOperation], documented: inout Set<Key>, diagnostics: inout DiagnosticCollector) -> Key {
        switch walker.walk(line.path) {
        case .success(let walk):
            for difference in walk.caseDifferences {
                diagnostics.add(.note(
                    "\(line.method) \(line.path) spells '\(difference.declared)' as '\(difference.written)'; the service accepts either, the schema's spelling is '\(difference.declared)'",
                    at: line.location, rule: "path-case"))
            }
            for (name, derived) in walk.castsLeftOut {
                diagnostics.add(.note(
                    "\(line.method) \(line.path) reaches '\(name)', which \(derived) declares, without the cast segment OData puts before it ('\(walker.graph.namespace).\(derived)')",
                    at: line.location, rule: "path-cast"))
            }
            let key = Key(path: walk.canonicalPath.description, method: line.method)
            let kind = NavigationWalker.operationKind(method: line.method, walk: walk)
            let call = walk.modelCall
            var operation = operations[key] ?? ModelOperation(
                kind: kind, method: line.method, path: walk.canonicalPath, parameters: walk.parameters, target: walk.target,
                navigation: walk.navigation?.name, navigationOwner: walk.navigationOwner,
                requestType: kind.flatMap { requestType($0, target: walk.target) }, responseType: kind.flatMap { responseType($0, target: walk.target, call: call) },
                status: kind.map { defaultStatus($0, call: call) }, summary: nil, permissions: [], sources: [], declaredInSchema: kind.map { Self.declares(walk, $0) } ?? false,
                // Binary content has no typed request in the client (its builders send and receive bytes); a
                // property's value and what lies below a cast have no builders yet.
                pathIsNavigable: walk.media == nil && walk.property == nil && !walk.throughCast, examples: [], call: call)
            if !operation.declaredInSchema, let kind {
                diagnostics.add(.warning(
                    "the schema does not declare '\(kind.rawValue)' on navigation '\(walk.navigation?.name ?? "?")' for \(line.method) \(line.path)",
                    at: line.location, rule: "operation-undeclared"))
            }
            merge(page: page, line: line, first: !documented.contains(key), into: &operation)
            documented.insert(key)
            operations[key] = operation
            return key
        case .failure(let failure):
            let key = Key(path: line.path.description, method: line.method)
            let owners = walker.relativeOwners(of: line.path)
            if owners.isEmpty {
                diagnostics.add(.warning(
                    "\(line.method) \(line.path) is not a walk of the schema's navigation graph: \(failure.message)",
                    at: line.location, rule: "path-not-navigable"))
            } else {
                diagnostics.add(.note(
                    "\(line.method) \(line.path) starts at '\(line.path.description.split(separator: "/").first ?? "")', a navigation property of \(NameList.text(owners)), not at a root: it is read as relative to one",
                    at: line.location, rule: "path-relative"))
            }
            var operation = operations[key] ?? ModelOperation(
                kind: page.operationKind?.value, method: line.method, path: line.path, parameters: [], target: nil,
                navigation: nil, navigationOwner: nil,
                requestType: page.requestBodyType?.value, responseType: page.response?.typeName, status: nil, summary: nil,
                permissions: [], sources: [], declaredInSchema: false, pathIsNavigable: false, examples: [])
            merge(page: page, line: line, first: !documented.contains(key), into: &operation)
            documented.insert(key)
            operations[key] = operation
            return key
        }
    }

    /// Pages add their source line; the first page (in path order) gives summary, status and permissions.
    private func merge(page: APIPage, line: HTTPRequestLine, first: Bool, into operation: inout ModelOperation) {
        if !operation.sources.contains(line.location) { operation.sources.append(line.location) }
        guard first || operation.summary == nil else { return }
        operation.summary = operation.summary ?? page.summary?.text
        if let status = page.response?.statusCode { operation.status = status }
        if !page.permissions.isEmpty {
            operation.permissions = page.permissions.map {
                ModelPermission(type: $0.type, scopes: $0.scopes, placeholder: $0.placeholder, notSupported: $0.notSupported, location: $0.location)
            }
        }
    }

    /// An example goes to the operation its own request line names; otherwise to the page's first operation.
    private func attachExamples(of page: APIPage, pageKeys: [Key], to operations: inout [Key: ModelOperation]) {
        for example in page.examples {
            var key = pageKeys.first
            if let request = example.request, case .success(let walk) = walker.walk(request.path) {
                let candidate = Key(path: walk.canonicalPath.description, method: request.method)
                if operations[candidate] != nil { key = candidate }
            }
            if let key { operations[key]?.examples.append(ModelExample(example)) }
        }
    }

    private func requestType(_ kind: OperationKind, target: String?) -> String? {
        switch kind {
        case .create, .update: target
        case .addReference: "ReferenceCreate"
        default: nil
        }
    }

    private func responseType(_ kind: OperationKind, target: String?, call: ModelCall?) -> String? {
        switch kind {
        case .create, .get, .update: target
        case .list: target.map { "Collection(\($0))" }
        case .action, .function: call?.returns?.description
        default: nil
        }
    }

    private func defaultStatus(_ kind: OperationKind, call: ModelCall?) -> Int {
        switch kind {
        case .create: 201
        case .get, .list, .update: 200
        case .delete, .addReference, .removeReference: 204
        case .action, .function: call?.returns == nil ? 204 : 200
        }
    }
}
