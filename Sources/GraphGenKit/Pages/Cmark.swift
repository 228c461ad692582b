import CCmarkGFM

/// Owns a tree that cmark-gfm (tables extension) parsed, and frees it.
final class CmarkDocument {
    let root: OpaquePointer

    /// Parses, as one document, the byte runs that `feed` hands over in order.
    init?(feed: ((UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        CmarkExtensions.registerOnce()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
        defer { cmark_parser_free(parser) }
        if let table = cmark_find_syntax_extension("table") {
            cmark_parser_attach_syntax_extension(parser, table)
        }
        feed { bytes in
            bytes.withMemoryRebound(to: CChar.self) { characters in
                if let base = characters.baseAddress, !characters.isEmpty { cmark_parser_feed(parser, base, characters.count) }
            }
        }
        guard let root = cmark_parser_finish(parser) else { return nil }
        self.root = root
    }

    deinit { cmark_node_free(root) }

    /// The top-level blocks, in order.
    var blocks: CmarkChildren { CmarkChildren(of: root) }
}

struct CmarkChildren: Sequence, IteratorProtocol {
    private var upcoming: OpaquePointer?

    init(of node: OpaquePointer) { upcoming = cmark_node_first_child(node) }

    mutating func next() -> OpaquePointer? {
        defer { upcoming = upcoming.flatMap { cmark_node_next($0) } }
        return upcoming
    }
}

private enum CmarkExtensions {
    /// Swift runs a global's initializer once, thread-safely.
    static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static func registerOnce() { _ = registered }
}

/// Small helpers over cmark nodes.
enum CmarkNode {
    static func type(_ node: OpaquePointer) -> String {
        string(cmark_node_get_type_string(node))
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    static func isHeaderRow(_ row: OpaquePointer) -> Bool {
        cmark_gfm_extensions_get_table_row_is_header(row) != 0
    }

    /// A table row's cells as located text; `line` is the row's line in the page.
    static func cells(of row: OpaquePointer, line: Int, lines: PageLines, file: String) -> [PageText] {
        CmarkChildren(of: row).map { cell in
            let column = lines.column(line: line, byteColumn: Int(cmark_node_get_start_column(cell)))
            return inlineText(cell, file: file, location: SourceLocation(file: file, line: line, column: column))
        }
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
                // `a<br/>b` is two words on the page, not one.
                if string(cmark_node_get_literal(node)).lowercased().hasPrefix("<br") { text += " " }
            case "link":
                let startOffset = text.count
                CmarkChildren(of: node).forEach(walk)
                let linkText = String(text.dropFirst(startOffset))
                links.append(PageLink(text: linkText.trimmed, target: string(cmark_node_get_url(node))))
            default:
                CmarkChildren(of: node).forEach(walk)
            }
        }
        CmarkChildren(of: node).forEach(walk)
        return PageText(text: text.collapsingWhitespace, codeSpans: codeSpans, links: links, location: location)
    }
}
