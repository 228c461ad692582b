/// Warnings found while reading and merging pages become findings: paths outside the navigation graph,
/// operations the schema does not declare, malformed annotations and lines an HTTP block cannot place.
enum ReadingWarningsRule {
    static let hints: [String: String] = [
        "path-not-navigable": "fix the path, or add the navigation to the schema",
        "operation-undeclared": "declare the operation on the navigation in the schema",
        "annotation-json": "make the annotation valid JSON; until then its blockType and suppressions are ignored",
        "example-syntax": "put headers before a blank line and the JSON body after it",
        "request-syntax": "write each request as 'METHOD /path' in the http block",
        "fence-unclosed": "close the code block with a fence line as long as the opening one",
    ]

    static func check(_ context: DriftContext) -> [DriftFinding] {
        context.model.diagnostics.compactMap { diagnostic in
            guard diagnostic.severity >= .warning, let hint = hints[diagnostic.ruleID], let location = diagnostic.location else { return nil }
            return DriftFinding(ruleID: diagnostic.ruleID, severity: .warning, message: diagnostic.message, location: location, related: nil, hint: hint)
        }
    }
}
