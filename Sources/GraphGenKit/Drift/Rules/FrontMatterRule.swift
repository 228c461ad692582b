/// Front matter: placeholders, empty values and a title that differs from the heading.
enum FrontMatterRule {
    static let expectedValues: Set<String> = ["title", "description", "author", "ms.prod", "ms.subservice"]

    static func check(_ context: DriftContext) -> [DriftFinding] {
        var findings: [DriftFinding] = []
        for page in context.pages {
            for entry in page.frontMatter {
                let isPlaceholder = entry.value.range(of: "TODO", options: .caseInsensitive) != nil
                let isEmpty = entry.value.trimmed.isEmpty && expectedValues.contains(entry.key)
                guard isPlaceholder || isEmpty else { continue }
                findings.append(DriftFinding(
                    rule: .frontMatterPlaceholder, message: isEmpty ? "front matter '\(entry.key)' is empty" : "front matter '\(entry.key)' is a placeholder: \"\(entry.value)\"",
                    location: entry.location, related: nil, hint: "fill in '\(entry.key)'"))
            }
            if let title = page.frontMatter.first(where: { $0.key == "title" }), let heading = page.title, title.value != heading.value {
                findings.append(DriftFinding(
                    rule: .frontMatterTitle, message: "front matter title \"\(title.value)\" differs from the heading \"\(heading.value)\"",
                    location: title.location, related: heading.location, hint: "make them the same"))
            }
        }
        return findings
    }
}
