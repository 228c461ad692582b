import CCmarkGFM

/// Reads a Graph-style Markdown page with cmark-gfm (tables extension) into a `PageDocument`.
public enum MarkdownPageReader {
    public static func read(_ rawText: String, file: String) throws -> PageDocument {
        let text = rawText.withUnixLineEndings
        let split = try FrontMatter.split(text, file: file)
        let bytes = Array(split.body.utf8)
        try checkCellSeparators(bytes, file: file)
        guard let document = CmarkDocument(bytes) else {
            throw DiagnosticError(.error("cmark-gfm could not parse the page", at: SourceLocation(file: file, line: 1), rule: "markdown"))
        }
        var builder = SectionBuilder(file: file, columns: ScalarColumns(bytes))
        var diagnostics = DiagnosticCollector()
        var child = cmark_node_first_child(document.root)
        while let node = child {
            builder.visit(node, diagnostics: &diagnostics)
            child = cmark_node_next(node)
        }
        try diagnostics.throwIfErrors()
        return PageDocument(file: file, format: .markdown, frontMatter: split.entries, title: builder.title, sections: builder.sections,
                            warnings: diagnostics.diagnostics)
    }
}

extension MarkdownPageReader {
    /// cmark-gfm's table extension takes time quadratic in the cells of one row; real pages have a handful.
    static let maximumSeparatorsPerLine = 1_000

    private static func checkCellSeparators(_ bytes: [UInt8], file: String) throws {
        var line = 1, count = 0
        for byte in bytes {
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

/// Owns a parsed cmark tree and frees it.
private final class CmarkDocument {
    let root: OpaquePointer

    init?(_ bytes: [UInt8]) {
        CmarkExtensions.registerOnce()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
        defer { cmark_parser_free(parser) }
        if let table = cmark_find_syntax_extension("table") {
            cmark_parser_attach_syntax_extension(parser, table)
        }
        var utf8 = bytes
        utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                cmark_parser_feed(parser, pointer, buffer.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { return nil }
        self.root = root
    }

    deinit { cmark_node_free(root) }
}

private enum CmarkExtensions {
    /// Swift runs a global's initializer once, thread-safely.
    static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static func registerOnce() { _ = registered }
}

/// Walks the top-level blocks and groups them under headings.
private struct SectionBuilder {
    let file: String
    let columns: ScalarColumns
    var title: Located<String>?
    var sections: [PageSection] = []
    private var pendingAnnotation: Annotation?

    init(file: String, columns: ScalarColumns) {
        self.file = file
        self.columns = columns
    }

    /// cmark ends an unclosed fence at the end of the page without saying so; its last line is then not a closing fence.
    private func isClosed(_ node: OpaquePointer, fence: Character, length: Int) -> Bool {
        let endLine = Int(cmark_node_get_end_line(node))
        guard endLine > Int(cmark_node_get_start_line(node)), let line = columns.text(ofLine: endLine) else { return false }
        let text = line.drop { $0 == " " }
        let run = text.prefix { $0 == fence }
        return run.count >= length && text.dropFirst(run.count).allSatisfy { $0 == " " || $0 == "\t" }
    }

    private func location(_ node: OpaquePointer, lineDelta: Int = 0) -> SourceLocation {
        let line = Int(cmark_node_get_start_line(node))
        return SourceLocation(file: file, line: line + lineDelta, column: columns.column(line: line, byteColumn: Int(cmark_node_get_start_column(node))))
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
            append(.table(table(node)))
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

    private func table(_ node: OpaquePointer) -> PageTable {
        var header: [PageText] = []
        var rows: [[PageText]] = []
        var rowNode = cmark_node_first_child(node)
        while let row = rowNode {
            let rowLocation = location(row)
            var cells: [PageText] = []
            var cellNode = cmark_node_first_child(row)
            while let cell = cellNode {
                let rowLine = Int(cmark_node_get_start_line(row))
                let column = columns.column(line: rowLine, byteColumn: Int(cmark_node_get_start_column(cell)))
                cells.append(CmarkNode.inlineText(cell, file: file, location: SourceLocation(file: file, line: rowLocation.line, column: column)))
                cellNode = cmark_node_next(cell)
            }
            if header.isEmpty && rows.isEmpty && cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
                header = cells
            } else {
                rows.append(cells)
            }
            rowNode = cmark_node_next(row)
        }
        return PageTable(header: header, rows: rows, location: location(node))
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

/// Small helpers over cmark nodes.
private enum CmarkNode {
    static func type(_ node: OpaquePointer) -> String {
        string(cmark_node_get_type_string(node))
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// Flattens inline content to plain text, collecting code spans and links.
    static func inlineText(_ node: OpaquePointer, file: String, location: SourceLocation) -> PageText {
        var text = ""
        var codeSpans: [String] = []
        var links: [PageLink] = []
        func walk(_ node: OpaquePointer) {
            switch type(node) {
            case "text":
                text += string(cmark_node_get_literal(node))
            case "code":
                let literal = string(cmark_node_get_literal(node))
                codeSpans.append(literal)
                text += literal
            case "softbreak", "linebreak":
                text += " "
            case "html_inline":
                break
            case "link":
                let start = text.endIndex
                let startOffset = text.distance(from: text.startIndex, to: start)
                walkChildren(node)
                let linkText = String(text.dropFirst(startOffset))
                links.append(PageLink(text: linkText.trimmed, target: string(cmark_node_get_url(node))))
            default:
                walkChildren(node)
            }
        }
        func walkChildren(_ node: OpaquePointer) {
            var child = cmark_node_first_child(node)
            while let current = child {
                walk(current)
                child = cmark_node_next(current)
            }
        }
        walkChildren(node)
        return PageText(text: text.collapsingWhitespace, codeSpans: codeSpans, links: links, location: location)
    }
}
