/// Documented success status against the examples, and OData's rules for `$ref`.
enum StatusRule {
    static func check(_ context: DriftContext) -> [DriftFinding] {
        var findings: [DriftFinding] = []
        for page in context.pages {
            guard let documented = page.response, let status = documented.statusCode else { continue }
            for example in page.examples {
                guard let response = example.response, response.statusCode != status else { continue }
                findings.append(DriftFinding(
                    rule: .statusMismatch, message: "the Response section documents \(status); the example responds \(response.statusCode) \(response.reason)",
                    location: response.location, related: documented.location, hint: "make the example and the Response section agree"))
            }
            guard page.operationKind?.value == .addReference else { continue }
            if status != 204 {
                findings.append(DriftFinding(
                    rule: .refStatus, message: "the page documents \(status) for adding a reference; OData answers 204 No Content",
                    location: documented.location, related: nil, hint: "document `204 No Content` and no response body"))
            }
            if let first = page.properties.first {
                findings.append(DriftFinding(
                    rule: .refRequestBody, message: "the page documents a \(page.requestBodyType?.value ?? "entity") property table for adding a reference; OData sends only {\"@odata.id\": \"<entity URL>\"}",
                    location: first.location, related: nil, hint: "describe the @odata.id reference body instead of the entity's properties"))
            }
        }
        return findings
    }
}
