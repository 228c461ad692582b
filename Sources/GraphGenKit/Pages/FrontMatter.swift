/// Splits `---` front matter off a Markdown page before cmark sees it (cmark would read it as a rule and a heading).
enum FrontMatter {
    struct Split {
        var entries: [FrontMatterEntry]
        /// The page with front-matter lines blanked, so line numbers still match the file.
        var body: String
    }

    static func split(_ text: String, file: String) throws -> Split {
        guard text.hasPrefix("---") else { return Split(entries: [], body: text) }
        let lines = text.lineSlices
        guard lines.first?.trimmed == "---" else { return Split(entries: [], body: text) }
        guard let end = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmed) }) else {
            throw DiagnosticError(.error("front matter starts with '---' but never ends", at: SourceLocation(file: file, line: 1), rule: "front-matter"))
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let root = try YAMLReader.parse(yaml, file: file, lineOffset: 1)
        var entries: [FrontMatterEntry] = []
        if let root {
            guard let pairs = root.mapping else {
                throw DiagnosticError(.error("front matter must be a YAML mapping, found \(root.kindName)", at: root.location, rule: "front-matter"))
            }
            for pair in pairs {
                guard let key = pair.key.scalar else { continue }
                let value = pair.value.scalar ?? ""
                entries.append(FrontMatterEntry(key: key, value: value, location: pair.value.location))
            }
        }
        // Blank the front matter but keep its newlines, so cmark's line numbers are the file's.
        let rest = text[lines[end].endIndex...]
        return Split(entries: entries, body: String(repeating: "\n", count: end) + rest)
    }
}
