/// Warnings found while reading and merging pages become findings: paths outside the navigation graph,
/// operations the schema does not declare, malformed annotations, lines an HTTP block cannot place, and every
/// page or example block left out, so a report over a whole docs repository is complete.
enum ReadingWarningsRule {
    static let hints: [String: String] = [
        "path-not-navigable": "fix the path, or add the navigation to the schema",
        "path-case": "spell the segment as the schema does",
        "path-cast": "put the type-cast segment before the derived type's navigation or call",
        "path-relative": "write the path from a root, or keep it relative if the page says what it is relative to",
        "operation-undeclared": "declare the operation on the navigation in the schema",
        "annotation-json": "make the annotation valid JSON; until then its blockType and suppressions are ignored",
        "example-syntax": "put headers before a blank line and the JSON body after it",
        "request-syntax": "write each request as 'METHOD /path' in the http block",
        "fence-unclosed": "close the code block with a fence line as long as the opening one",
        "example-json": "make the example body valid JSON; until then the example is left out",
        "example-json-lenient": "remove the comment, trailing comma or '...' placeholder so the body is valid JSON",
        "page-sections": "give the page an 'HTTP request' section with a request line, or a Properties or Members table; overview pages belong outside the pages folder",
        "input-encoding": "save the page as UTF-8",
        "input-unreadable": "make the page readable, or remove it from the pages folder",
        "front-matter": "make the front matter a YAML mapping between '---' lines",
        "markdown": "fix the Markdown so the page can be read",
        "yaml-syntax": "fix the front matter's YAML",
        "yaml-duplicate-key": "give each front-matter key once",
    ]

    static func check(_ context: DriftContext) -> [DriftFinding] {
        context.model.diagnostics.compactMap { diagnostic in
            guard let hint = hints[diagnostic.ruleID], let location = diagnostic.location else { return nil }
            return DriftFinding(ruleID: diagnostic.ruleID, severity: diagnostic.severity == .note ? .note : .warning,
                                message: diagnostic.message, location: location, related: nil, hint: hint)
        }
    }
}
