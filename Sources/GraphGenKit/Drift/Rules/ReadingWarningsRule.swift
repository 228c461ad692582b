/// Warnings found while reading and merging pages become findings: paths outside the navigation graph,
/// operations the schema does not declare, malformed annotations, lines an HTTP block cannot place, and every
/// page or example block left out, so a report over a whole docs repository is complete.
enum ReadingWarningsRule {
    static let hints: [DriftRuleID: String] = [
        .pathNotNavigable: "fix the path, or add the navigation to the schema",
        .pathCase: "spell the segment as the schema does",
        .pathCast: "put the type-cast segment before the derived type's navigation or call",
        .pathRelative: "write the path from a root, or keep it relative if the page says what it is relative to",
        .operationUndeclared: "declare the operation on the navigation in the schema",
        .annotationJSON: "make the annotation valid JSON; until then its blockType and suppressions are ignored",
        .exampleSyntax: "put headers before a blank line and the JSON body after it",
        .requestSyntax: "write each request as 'METHOD /path' in the http block",
        .fenceUnclosed: "close the code block with a fence line as long as the opening one",
        .exampleJSON: "make the example body valid JSON; until then the example is left out",
        .exampleJSONLenient: "remove the comment, trailing comma or '...' placeholder so the body is valid JSON",
        .pageSections: "give the page an 'HTTP request' section with a request line, or a Properties or Members table; overview pages belong outside the pages folder",
        .inputEncoding: "save the page as UTF-8",
        .inputUnreadable: "make the page readable, or remove it from the pages folder",
        .frontMatter: "make the front matter a YAML mapping between '---' lines",
        .markdown: "fix the Markdown so the page can be read",
        .yamlSyntax: "fix the front matter's YAML",
        .yamlDuplicateKey: "give each front-matter key once",
    ]

    static func check(_ context: DriftContext) -> [DriftFinding] {
        context.model.diagnostics.compactMap { diagnostic in
            // Readers below the drift layer name their diagnostics' rules as text; those of this family are drift rule ids.
            guard let rule = DriftRuleID(rawValue: diagnostic.ruleID), rule.family == .readingWarnings, let hint = hints[rule],
                  let location = diagnostic.location else { return nil }
            return DriftFinding(rule: rule,
                                message: diagnostic.message, location: location, related: nil, hint: hint)
        }
    }
}
