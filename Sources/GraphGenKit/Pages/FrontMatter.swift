/// Splits `---` front matter off a Markdown page before cmark sees it (cmark would read it as a rule and a heading).
enum FrontMatter {
    struct Split {
        var entries: [FrontMatterEntry]
        /// The front matter's lines, which cmark is given blank so that its line numbers are the file's.
        var lineCount: Int
        /// Where the rest of the page starts, in UTF-8 bytes: right after the closing marker.
        var bodyStart: Int
    }

    static func split(_ text: String, file: String) throws -> Split {
        guard text.hasPrefix("---") else { return Split(entries: [], lineCount: 0, bodyStart: 0) }
        // Lines are found one at a time up to the closing marker: the rest of the page is not split here.
        var lines: [Substring] = []
        var start = text.startIndex
        var closing: Substring?
        while start < text.endIndex {
            let end = text.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            let line = text[start..<end]
            if lines.isEmpty {
                guard line.trimmed == "---" else { return Split(entries: [], lineCount: 0, bodyStart: 0) }
            } else if ["---", "..."].contains(line.trimmed) {
                closing = line
                break
            }
            lines.append(line)
            start = end < text.endIndex ? text.utf8.index(after: end) : end
        }
        guard let closing else {
            throw DiagnosticError(.error("front matter starts with '---' but never ends", at: SourceLocation(file: file, line: 1), rule: "front-matter"))
        }
        let end = lines.count
        let yaml = lines.dropFirst().joined(separator: "\n")
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
        return Split(entries: entries, lineCount: end, bodyStart: text.utf8.distance(from: text.startIndex, to: closing.endIndex))
    }
}
