/// Reads the rendered plain-text form of a reference page (no markup; tables flattened into lines;
/// section titles as bare lines) into the same `PageDocument` the Markdown reader makes.
public enum RenderedTextPageReader {
    static let sectionTitles: Set<String> = [
        "permissions", "prerequisites", "http request", "request headers", "request body", "response",
        "example", "examples", "request", "properties", "relationships", "members", "json representation",
        "methods", "optional query parameters", "query parameters", "path parameters", "response body",
    ]
    static let httpMethods: Set<String> = ["GET", "POST", "PATCH", "PUT", "DELETE"]

    public static func read(_ rawText: String, file: String) throws -> PageDocument {
        let lines = rawText.withUnixLineEndings.lineSlices.map(String.init)
        var scanner = TextScanner(lines: lines, file: file)
        try scanner.run()
        return PageDocument(file: file, format: .renderedText, frontMatter: [], title: scanner.title, sections: scanner.sections)
    }
}

private struct TextScanner {
    let lines: [String]
    let file: String
    var title: Located<String>?
    var sections: [PageSection] = []
    private var index = 0
    private var inExamples = false

    init(lines: [String], file: String) {
        self.lines = lines
        self.file = file
    }

    private func location(_ lineIndex: Int) -> SourceLocation {
        let line = lines[lineIndex]
        let indent = line.prefix { $0 == " " || $0 == "\t" }.count
        return SourceLocation(file: file, line: lineIndex + 1, column: indent + 1)
    }

    private func isBlank(_ lineIndex: Int) -> Bool {
        lineIndex >= lines.count || lines[lineIndex].trimmed.isEmpty
    }

    private mutating func append(_ block: PageBlock) {
        if sections.isEmpty {
            sections.append(PageSection(heading: Located("", at: SourceLocation(file: file, line: 1)), level: 1, blocks: []))
        }
        sections[sections.count - 1].blocks.append(block)
    }

    mutating func run() throws {
        while index < lines.count {
            let line = lines[index].trimmed
            if line.isEmpty {
                index += 1
                continue
            }
            if title == nil {
                title = Located(line, at: location(index))
                index += 1
                continue
            }
            let lowered = line.lowercased()
            if RenderedTextPageReader.sectionTitles.contains(lowered), isBlank(index + 1) || index + 1 == lines.count {
                if lowered.hasPrefix("example") { inExamples = true }
                let level = inExamples && (lowered == "request" || lowered == "response") ? 3 : 2
                sections.append(PageSection(heading: Located(line, at: location(index)), level: level, blocks: []))
                index += 1
                continue
            }
            let firstWord = line.split(separator: " ").first.map(String.init) ?? ""
            if RenderedTextPageReader.httpMethods.contains(firstWord) || HTTPBlockParser.isStatusLine(line) {
                try readHTTPBlock()
                continue
            }
            if let kind = TextTableKind(header: lowered) {
                readTable(kind)
                continue
            }
            readParagraph()
        }
    }

    private mutating func readParagraph() {
        let start = index
        var words: [String] = []
        while index < lines.count, !isBlank(index) {
            words.append(lines[index].trimmed)
            index += 1
        }
        append(.paragraph(PageText(text: words.joined(separator: " "), location: location(start))))
    }

    /// An HTTP block: request lines alone (HTTP Request section), or a request/response with headers and a JSON body.
    private mutating func readHTTPBlock() throws {
        let start = index
        var taken: [String] = []
        let isStatus = HTTPBlockParser.isStatusLine(lines[index].trimmed)
        let isSyntaxList = !inExamples && !isStatus
        while index < lines.count, !isBlank(index) {
            taken.append(lines[index])
            index += 1
        }
        if !isSyntaxList {
            var probe = index
            while probe < lines.count, isBlank(probe) { probe += 1 }
            if probe < lines.count, let first = lines[probe].trimmed.first, first == "{" || first == "[" {
                let end = try jsonEnd(from: probe)
                taken.append(contentsOf: lines[index..<probe])
                taken.append(contentsOf: lines[probe...end])
                index = end + 1
            }
        }
        append(.code(PageCode(info: "http", text: taken.joined(separator: "\n") + "\n", location: location(start), annotation: nil)))
    }

    /// The line where the JSON value starting at `start` closes; strings may hold braces.
    private func jsonEnd(from start: Int) throws -> Int {
        var depth = 0
        var inString = false
        var escaped = false
        for lineIndex in start..<lines.count {
            for character in lines[lineIndex] {
                if inString {
                    if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                    continue
                }
                switch character {
                case "\"": inString = true
                case "{", "[": depth += 1
                case "}", "]":
                    depth -= 1
                    if depth == 0 { return lineIndex }
                default: break
                }
            }
        }
        throw DiagnosticError(.error("invalid JSON: the example body never closes", at: location(start), rule: "example-json"))
    }

    private mutating func readTable(_ kind: TextTableKind) {
        let headerIndex = index
        let header = kind.headerCells.map { PageText(text: $0, location: location(headerIndex)) }
        index += 1
        var rows: [[PageText]] = []
        while index < lines.count, !isBlank(index) {
            let rowLocation = location(index)
            rows.append(kind.split(lines[index].trimmed).map { PageText(text: $0, location: rowLocation) })
            index += 1
        }
        append(.table(PageTable(header: header, rows: rows, location: location(headerIndex))))
    }
}

/// The flattened tables of rendered pages, recognised by their header line.
private enum TextTableKind {
    case permissions, headers, properties, relationships, members, other(columns: [String])

    static let permissionTypes = ["Delegated (work or school account)", "Delegated (personal Microsoft account)", "Application"]

    init?(header: String) {
        switch header {
        case _ where header.hasPrefix("permission type"): self = .permissions
        case "header value", "name description", "name value", "header description": self = .headers
        case "property type description": self = .properties
        case "relationship type description": self = .relationships
        case "member value description", "member description": self = .members
        case "method return type description": self = .other(columns: ["Method", "Return Type", "Description"])
        default: return nil
        }
    }

    var headerCells: [String] {
        switch self {
        case .permissions: ["Permission type", "Permissions"]
        case .headers: ["Header", "Value"]
        case .properties: ["Property", "Type", "Description"]
        case .relationships: ["Relationship", "Type", "Description"]
        case .members: ["Member", "Value", "Description"]
        case .other(let columns): columns
        }
    }

    /// Splits a flattened row back into cells; the last cell takes the rest of the line.
    func split(_ line: String) -> [String] {
        switch self {
        case .permissions:
            if let type = Self.permissionTypes.first(where: { line.hasPrefix($0) }) {
                return [type, String(line.dropFirst(type.count)).trimmed]
            }
            return Self.words(line, leading: 1)
        case .headers:
            return Self.words(line, leading: 1)
        case .properties, .relationships:
            var cells = Self.words(line, leading: 2)
            // "x collection" is one type.
            if cells.count == 3, cells[2] == "collection" || cells[2].hasPrefix("collection ") {
                cells[1] += " collection"
                cells[2] = String(cells[2].dropFirst("collection".count)).trimmed
            }
            return cells
        case .members:
            let cells = Self.words(line, leading: 2)
            if cells.count >= 2, Int(cells[1]) == nil { return [cells[0], "", cells.dropFirst().joined(separator: " ")] }
            return cells
        case .other:
            return [line]
        }
    }

    private static func words(_ line: String, leading: Int) -> [String] {
        var cells: [String] = []
        var rest = Substring(line)
        for _ in 0..<leading {
            rest = rest.drop { $0 == " " }
            guard let space = rest.firstIndex(of: " ") else { break }
            cells.append(String(rest[..<space]))
            rest = rest[space...]
        }
        let tail = rest.trimmed
        if !tail.isEmpty || cells.count < leading + 1 { cells.append(tail) }
        return cells
    }
}
