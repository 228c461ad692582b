/// Two pages documenting one operation must agree on status, body type and property table. Headers tables list
/// optional headers, so one page listing fewer is no disagreement; neither are creates or updates of two types derived
/// from the collection's type (each page documents its own), nor a page whose request lines reach several types (a
/// page about a feature of many resources, such as extended properties).
enum OperationPagesRule {
    static func check(_ context: DriftContext) -> [DriftFinding] {
        var findings: [DriftFinding] = []
        var reported: Set<String> = []
        var targetsByPage: [String: Set<String>] = [:]
        for operation in context.model.operations where operation.call == nil {
            guard let target = operation.target else { continue }
            for source in operation.sources { targetsByPage[source.file, default: []].insert(target) }
        }
        for operation in context.model.operations {
            let pages = context.pages(documenting: operation).filter { (targetsByPage[$0.file]?.count ?? 0) <= 1 }
            guard let first = pages.first else { continue }
            for other in pages.dropFirst() {
                let key = "\(first.file)|\(other.file)"
                guard !reported.contains(key), let line = other.httpRequests.first?.location else { continue }
                reported.insert(key)
                var differences: [String] = []
                if let a = first.response?.statusCode, let b = other.response?.statusCode, a != b {
                    differences.append("status \(b) vs \(a)")
                }
                if let target = operation.target, let a = context.entity(of: first)?.name, let b = context.entity(of: other)?.name, a != b,
                   context.model.type(a, derivesFrom: target), context.model.type(b, derivesFrom: target) { continue }
                if let a = first.requestBodyType?.value, let b = other.requestBodyType?.value, a.lowercased() != b.lowercased() {
                    differences.append("request body '\(b)' vs '\(a)'")
                }
                let firstRows = Dictionary(first.properties.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
                let otherRows = Dictionary(other.properties.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
                if !firstRows.isEmpty, !otherRows.isEmpty {
                    let onlyHere = otherRows.keys.filter { firstRows[$0] == nil }.sorted()
                    let onlyThere = firstRows.keys.filter { otherRows[$0] == nil }.sorted()
                    if !onlyHere.isEmpty { differences.append("properties only here: \(onlyHere.joined(separator: ", "))") }
                    if !onlyThere.isEmpty { differences.append("properties only there: \(onlyThere.joined(separator: ", "))") }
                    for row in other.properties {
                        guard let match = firstRows[row.name] else { continue }
                        if PageTypeText.normalize(row.type, namespace: context.model.namespace) != PageTypeText.normalize(match.type, namespace: context.model.namespace) {
                            differences.append("'\(row.name)' typed '\(row.type)' vs '\(match.type)'")
                        }
                        if row.possibleValues != match.possibleValues, !(row.possibleValues.isEmpty && match.possibleValues.isEmpty) {
                            differences.append("'\(row.name)' lists \(row.possibleValues.count) possible values vs \(match.possibleValues.count)")
                        }
                    }
                }
                guard !differences.isEmpty else { continue }
                findings.append(DriftFinding(
                    rule: .operationPagesDisagree, message: "this page and \(first.file) both document \(operation.method) \(operation.path) but disagree: \(differences.joined(separator: "; "))",
                    location: line, related: first.httpRequests.first?.location, hint: "merge the pages or make them agree"))
            }
        }
        return findings
    }
}
