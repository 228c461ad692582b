/// Walking paths from the roots: which navigation lies on an included path.
extension Importer {
    /// Own and inherited navigation properties, base first.
    func navigation(of key: TypeKey) -> [(owner: TypeKey, property: CSDLNavigationProperty)] {
        var chain: [TypeKey] = []
        var current: TypeKey? = key
        var seen: Set<TypeKey> = []
        while let type = current, seen.insert(type).inserted, let declared = structured[type] {
            chain.append(type)
            current = declared.baseType.map { TypeKey(qualified: qualify($0.value)) }
        }
        return chain.reversed().flatMap { owner in (structured[owner]?.navigation ?? []).map { (owner, $0) } }
    }


    func expands(_ nav: CSDLNavigationProperty, target: TypeKey) -> Bool {
        nav.containsTarget && !typesWithSets.contains(target)
    }

    func matchesInclude(_ states: [PathPattern.State]) -> Bool { zip(includes, states).contains { $0.matches($1) } }
    func matchesExclude(_ states: [PathPattern.State]) -> Bool { zip(excludes, states).contains { $0.matches($1) } }

    func step(_ states: [PathPattern.State], _ patterns: [PathPattern], _ segment: String, isKey: Bool) -> [PathPattern.State] {
        zip(patterns, states).map { $0.step($1, segment, isKey: isKey) }
    }

    /// Keeps every navigation below `state.type` that lies on an included path; true when any was kept.
    /// Each (type, pattern states) pair is walked once, so the walk is linear in the navigation graph.
    mutating func walk(_ state: WalkState) -> Bool {
        if let known = memo[state] { return known }
        memo[state] = false
        var any = false
        for (owner, nav) in navigation(of: state.type) {
            var unsupported: [Located<String>] = []
            guard let (resolved, depth) = resolve(nav.type, unsupported: &unsupported), case .structured(let target) = resolved else { continue }
            let afterName = step(state.includes, includes, nav.name, isKey: false)
            let excludedAfterName = step(state.excludes, excludes, nav.name, isKey: false)
            guard afterName.contains(where: { !$0.isEmpty }) else { continue }
            guard !matchesExclude(excludedAfterName) else {
                excludedNavigation.insert(NavigationKey(owner: owner, name: nav.name))
                continue
            }
            var keep = matchesInclude(afterName)
            if expands(nav, target: target) {
                if depth > 0 {
                    let afterKey = step(afterName, includes, "{key}", isKey: true)
                    let excludedAfterKey = step(excludedAfterName, excludes, "{key}", isKey: true)
                    if afterKey.contains(where: { !$0.isEmpty }) && !matchesExclude(excludedAfterKey) {
                        keep = matchesInclude(afterKey) || keep
                        keep = walk(WalkState(type: target, includes: afterKey, excludes: excludedAfterKey)) || keep
                    }
                } else {
                    keep = walk(WalkState(type: target, includes: afterName, excludes: excludedAfterName)) || keep
                }
            }
            if keep {
                keptNavigation.insert(NavigationKey(owner: owner, name: nav.name))
                any = true
            }
        }
        // Below a cast (`…/members/microsoft.graph.user/…`), derived types' navigation is reached too, and below a
        // composable function's single result, its type's.
        for child in derived[state.type] ?? [] {
            any = walk(WalkState(type: child, includes: state.includes, excludes: state.excludes)) || any
        }
        for result in composableResults(of: state.type) {
            any = walk(WalkState(type: result, includes: state.includes, excludes: state.excludes)) || any
        }
        memo[state] = any
        return any
    }

    /// A whole import keeps every navigation property no path from a root reaches (one declared on a complex type,
    /// on an entity type only a non-contained navigation leads to, on a type no root reaches): the model still has
    /// it as a member, filled when a response expands it. What an exclude pattern left out stays out.
    mutating func keepUnreachedNavigation() {
        for (key, type) in structured {
            for nav in type.navigation {
                let navigationKey = NavigationKey(owner: key, name: nav.name)
                var ignored: [Located<String>] = []
                guard !excludedNavigation.contains(navigationKey), let (resolved, _) = resolve(nav.type, unsupported: &ignored),
                      case .structured(let target) = resolved, structured[target]?.kind == .entity else { continue }
                if keptNavigation.insert(navigationKey).inserted { unreachedNavigation += 1 }
            }
        }
    }

    /// The entity or complex types composable functions bound to one `type` (or its bases) return, one value each.
    mutating func composableResults(of type: TypeKey) -> [TypeKey] {
        var results: [TypeKey] = []
        var current: TypeKey? = type
        var seen: Set<TypeKey> = []
        while let key = current, seen.insert(key).inserted, let declared = structured[key] {
            for (operation, toCollection, _) in bound[key] ?? [] where operation.kind == .function && operation.isComposable && !toCollection {
                var ignored: [Located<String>] = []
                if let text = operation.returnType, let (resolved, depth) = resolve(text, unsupported: &ignored), depth == 0, case .structured(let result) = resolved {
                    results.append(result)
                }
            }
            current = declared.baseType.map { TypeKey(qualified: qualify($0.value)) }
        }
        return results
    }
}
