import CCmarkGFM

/// Reads a Graph-style Markdown page with cmark-gfm (tables extension) into a `PageDocument`.
public enum MarkdownPageReader {
    public static func read(_ rawText: String, file: String) throws -> PageDocument {
        try read(rawText, file: file, elidingTableRows: true)
    }

    /// `elidingTableRows: false` gives cmark every line (see `TableRowElision`); tests compare the two.
    static func read(_ rawText: String, file: String, elidingTableRows: Bool) throws -> PageDocument {
        let text = rawText.withUnixLineEndings
        let frontMatter = try FrontMatter.split(text, file: file)
        let lines = PageLines(text)
        try checkCellSeparators(lines, frontMatter: frontMatter, file: file)
        var elision = elidingTableRows ? TableRowElision(lines: lines, firstLine: frontMatter.lineCount + 1) : .none
        while true {
            let body = lines.withBytes { frontMatter.bodyStart..<$0.count }
            let document = CmarkDocument { feed in
                // The front matter is given as blank lines, so cmark's line numbers are the file's.
                let newlines = [UInt8](repeating: UInt8(ascii: "\n"), count: frontMatter.lineCount)
                newlines.withUnsafeBufferPointer(feed)
                lines.withBytes { bytes in
                    for range in elision.keptRanges(of: body, in: lines) { feed(UnsafeBufferPointer(rebasing: bytes[range])) }
                }
            }
            guard let document else {
                throw DiagnosticError(.error("cmark-gfm could not parse the page", at: SourceLocation(file: file, line: 1), rule: "markdown"))
            }
            var builder = SectionBuilder(file: file, lines: lines, elision: elision)
            var diagnostics = DiagnosticCollector()
            for node in document.blocks {
                builder.visit(node, diagnostics: &diagnostics)
            }
            guard builder.readsEveryElidedRun else {
                // Some left-out lines were not rows of a table (a code block holds them, say): read the page whole.
                elision = .none
                continue
            }
            try diagnostics.throwIfErrors()
            return PageDocument(file: file, format: .markdown, frontMatter: frontMatter.entries, title: builder.title, sections: builder.sections,
                                warnings: diagnostics.diagnostics)
        }
    }
}

extension MarkdownPageReader {
    /// cmark-gfm's table extension takes time quadratic in the cells of one row; real pages have a handful.
    static let maximumSeparatorsPerLine = 1_000

    private static func checkCellSeparators(_ lines: PageLines, frontMatter: FrontMatter.Split, file: String) throws {
        var line = frontMatter.lineCount + 1, count = 0
        try lines.withBytes { bytes in
            for byte in bytes[frontMatter.bodyStart...] {
                if byte == UInt8(ascii: "|") {
                    count += 1
                    if count > maximumSeparatorsPerLine {
                        throw DiagnosticError(.error("this line holds more than \(maximumSeparatorsPerLine) '|' characters; GraphGen reads table rows of at most that many cells", at: SourceLocation(file: file, line: line), rule: "markdown"))
                    }
                } else if byte == UInt8(ascii: "\n") {
                    line += 1
                    count = 0
                }
            }
        }
    }
}

/// Walks the top-level blocks and groups them under headings.
private struct SectionBuilder {
    let file: String
    let lines: PageLines
    let elision: TableRowElision
    /// Elided runs by their last kept line, and which of them a table has taken.
    private let runsByLastKeptLine: [Int: TableRowElision.Run]
    private var readRuns = 0
    var title: Located<String>?
    var sections: [PageSection] = []
    private var pendingAnnotation: Annotation?

    init(file: String, lines: PageLines, elision: TableRowElision) {
        self.file = file
        self.lines = lines
        self.elision = elision
        runsByLastKeptLine = Dictionary(elision.runs.map { ($0.lastKeptLine, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var readsEveryElidedRun: Bool { readRuns == elision.runs.count }

    private func startLine(_ node: OpaquePointer) -> Int { elision.fileLine(Int(cmark_node_get_start_line(node))) }

    /// cmark ends an unclosed fence at the end of the page without saying so; its last line is then not a closing fence.
    private func isClosed(_ node: OpaquePointer, fence: Character, length: Int) -> Bool {
        let endLine = elision.fileLine(Int(cmark_node_get_end_line(node)))
        guard endLine > startLine(node), let line = lines.text(ofLine: endLine) else { return false }
        let text = line.drop { $0 == " " }
        let run = text.prefix { $0 == fence }
        return run.count >= length && text.dropFirst(run.count).allSatisfy { $0 == " " || $0 == "\t" }
    }

    private func location(_ node: OpaquePointer, lineDelta: Int = 0) -> SourceLocation {
        let line = startLine(node)
        return SourceLocation(file: file, line: line + lineDelta, column: lines.column(line: line, byteColumn: Int(cmark_node_get_start_column(node))))
    }

    private mutating func append(_ block: PageBlock) {
        if sections.isEmpty {
            sections.append(PageSection(heading: Located("", at: SourceLocation(file: file, line: 1)), level: 1, blocks: []))
        }
        sections[sections.count - 1].blocks.append(block)
    }

    mutating func visit(_ node: OpaquePointer, diagnostics: inout DiagnosticCollector) {
        switch CmarkNode.type(node) {
        case "heading":
            let text = CmarkNode.inlineText(node, file: file, location: location(node))
            // Snippet tabs (`# [HTTP](#tab/http)`) are headings in the source but not sections.
            if text.links.first?.target.hasPrefix("#tab/") == true { return }
            let level = Int(cmark_node_get_heading_level(node))
            if title == nil && level == 1 {
                title = Located(text.text, at: text.location)
            } else {
                sections.append(PageSection(heading: Located(text.text, at: text.location), level: level, blocks: []))
            }
        case "paragraph":
            append(.paragraph(CmarkNode.inlineText(node, file: file, location: location(node))))
        case "table":
            let table = table(node)
            append(.table(table))
        case "code_block":
            var length: Int32 = 0, offset: Int32 = 0
            var fenceCharacter: CChar = 0
            let fenced = cmark_node_get_fenced(node, &length, &offset, &fenceCharacter) != 0
            let info = CmarkNode.string(cmark_node_get_fence_info(node)).trimmed
            let literal = CmarkNode.string(cmark_node_get_literal(node))
            let start = location(node, lineDelta: fenced ? 1 : 0)
            if fenced, !isClosed(node, fence: Character(UnicodeScalar(UInt8(bitPattern: fenceCharacter))), length: Int(length)) {
                diagnostics.add(.warning("this code fence is never closed, so the rest of the page is read as code", at: location(node), rule: "fence-unclosed"))
            }
            append(.code(PageCode(info: info, text: literal, location: SourceLocation(file: file, line: start.line, column: 1), annotation: pendingAnnotation)))
            pendingAnnotation = nil
        case "html_block":
            let literal = CmarkNode.string(cmark_node_get_literal(node))
            if let annotation = Self.annotation(literal, file: file, location: location(node), diagnostics: &diagnostics) {
                pendingAnnotation = annotation
            }
        default:
            break
        }
    }

    private mutating func table(_ node: OpaquePointer) -> PageTable {
        var header: [PageText] = []
        var firstRowLine: Int?
        var parts: [PageTableRows.Part] = []
        var rows: [[PageText]] = []
        for row in CmarkChildren(of: node) {
            let line = startLine(row)
            let cells = CmarkNode.cells(of: row, line: line, lines: lines, file: file)
            if header.isEmpty && rows.isEmpty && parts.isEmpty && CmarkNode.isHeaderRow(row) {
                header = cells
                continue
            }
            firstRowLine = firstRowLine ?? line
            rows.append(cells)
            if let run = runsByLastKeptLine[line], let firstRowLine {
                // The header row and the delimiter row are the two lines before the first body row (cmark dates a
                // header row that ended a paragraph from the paragraph's first line).
                let elided = ElidedTableRows(lines: lines, file: file, headerLine: firstRowLine - 2, run: run)
                parts += [.read(rows), .elided(elided)]
                rows = []
                readRuns += 1
            }
        }
        parts.append(.read(rows))
        return PageTable(header: header, rows: PageTableRows(parts: parts), location: location(node))
    }

    /// Reads `<!-- { … } -->`; other HTML is ignored. A malformed annotation is a warning: it is metadata, not content.
    private static func annotation(_ html: String, file: String, location: SourceLocation, diagnostics: inout DiagnosticCollector) -> Annotation? {
        guard let open = html.range(of: "<!--"), let close = html.range(of: "-->", range: open.upperBound..<html.endIndex) else { return nil }
        let inner = String(html[open.upperBound..<close.lowerBound])
        guard let brace = inner.firstIndex(of: "{") else { return nil }
        let before = inner[..<brace]
        let line = location.line + before.filter { $0 == "\n" }.count
        let lastLineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        let column = (before.lastIndex(of: "\n") == nil ? location.column + 4 : 1) + before[lastLineStart...].unicodeScalars.count
        do {
            let json = try JSONParser.parse(String(inner[brace...]).trimmed, file: file, startLine: line, startColumn: column)
            return Annotation(json: json, location: SourceLocation(file: file, line: line, column: column))
        } catch let error as DiagnosticError {
            for diagnostic in error.diagnostics {
                diagnostics.add(.warning("annotation is not valid JSON: \(diagnostic.message)", at: diagnostic.location, rule: "annotation-json"))
            }
            return nil
        } catch {
            return nil
        }
    }
}
