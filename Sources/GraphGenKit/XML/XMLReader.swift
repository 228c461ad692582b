import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML element that remembers where its start tag begins.
public struct XMLElementNode: Sendable {
    public var name: String
    public var attributes: [String: String]
    public var children: [XMLElementNode]
    public var location: SourceLocation

    public subscript(attribute: String) -> String? { attributes[attribute] }

    /// The element name without a namespace prefix (`edmx:Edmx` → `Edmx`).
    public var localName: String { name.split(separator: ":").last.map(String.init) ?? name }
}

/// Reads XML with the platform's parser (libxml2 underneath on Linux) into a located element tree, at any size.
/// External entities are never resolved.
public enum XMLReader {
    public static func parse(_ data: Data, file: String) throws -> XMLElementNode {
        let lines = LineStarts(data)
        // The platform parser traps on names that are not UTF-8 and on some processing instructions, so only
        // UTF-8 without them (or a document type declaration, which metadata never has) reaches it.
        try checkEncoding(data, lines: lines, file: file)
        try checkMarkup(data, lines: lines, file: file)
        let delegate = TreeDelegate(file: file, lines: lines)
        // Fed as a stream, the parser takes the document in chunks; given all of it at once, it refuses a document
        // over 10 MB at its end (libxml2's look-ahead limit).
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let succeeded = parser.parse()
        if let tooDeep = delegate.tooDeep {
            throw DiagnosticError(.error("XML nesting is deeper than \(TreeDelegate.maximumDepth) levels", at: tooDeep, rule: "xml-syntax"))
        }
        if let failure = delegate.failure ?? (succeeded && parser.parserError == nil ? nil : delegate.location(parser, start: false)) {
            // The first error the parser reported is the cause; later ones follow from its recovery.
            let code = delegate.errorCode ?? (parser.parserError as NSError?)?.code
            throw DiagnosticError(.error("malformed XML: \(XMLParserErrors.describe(code))", at: failure, rule: "xml-syntax"))
        }
        guard let root = delegate.root else {
            throw DiagnosticError(.error("the XML document has no root element", at: SourceLocation(file: file, line: 1), rule: "xml-syntax"))
        }
        return root
    }

    /// No processing instruction but a leading XML declaration, and no document type declaration; comments and
    /// CDATA sections are skipped. Each must be closed: the platform parser recovers from an unclosed one by reading
    /// on, and would then meet markup this check never saw.
    private static func checkMarkup(_ data: Data, lines: LineStarts, file: String) throws {
        let bytes = lines.bytes
        func starts(_ text: String, at index: Int) -> Bool {
            let pattern = Array(text.utf8)
            return index + pattern.count <= bytes.count && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
        }
        func skip(to end: String, from index: Int, opening: Int, what: String, closing: String? = nil) throws -> Int {
            var cursor = index
            while cursor < bytes.count && !starts(end, at: cursor) { cursor += 1 }
            guard cursor < bytes.count else {
                throw DiagnosticError(.error("\(what) is not closed with `\(closing ?? end)`", at: lines.location(ofByte: opening, file: file), rule: "xml-syntax"))
            }
            return cursor + end.utf8.count
        }
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if starts("<!--", at: index) {
                // `--` may only end a comment: the platform parser recovers from one inside by ending the comment
                // there, and would then meet markup this check took for comment text.
                index = try skip(to: "--", from: index + 4, opening: index, what: "a comment", closing: "-->")
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else {
                    throw DiagnosticError(.error("a comment holds `--`, which XML allows only in its closing `-->`",
                                                 at: lines.location(ofByte: index - 2, file: file), rule: "xml-syntax"))
                }
                index += 1
            } else if starts("<![CDATA[", at: index) {
                index = try skip(to: "]]>", from: index + 9, opening: index, what: "a CDATA section")
            } else if starts("<?", at: index) {
                let declaration = index == 0 && (starts("<?xml ", at: 0) || starts("<?xml\t", at: 0) || starts("<?xml\n", at: 0) || starts("<?xml\r", at: 0))
                guard declaration else {
                    throw DiagnosticError(.error("a processing instruction; metadata holds none but the XML declaration at the very start",
                                                 at: lines.location(ofByte: index, file: file), rule: "xml-syntax"))
                }
                index = try skip(to: "?>", from: index + 2, opening: index, what: "the XML declaration")
                // Only pseudo-attributes (`version="1.0" encoding="utf-8"`): anything else means it was never closed
                // where it should have been.
                let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \t\r\n=\"'.-_:".utf8)
                if let stray = bytes[5..<(index - 2)].firstIndex(where: { !allowed.contains($0) }) {
                    throw DiagnosticError(.error("the XML declaration holds something other than its pseudo-attributes",
                                                 at: lines.location(ofByte: stray, file: file), rule: "xml-syntax"))
                }
            } else if starts("<!DOCTYPE", at: index) {
                throw DiagnosticError(.error("a document type declaration; GraphGen does not read them (metadata has none)",
                                             at: lines.location(ofByte: index, file: file), rule: "xml-syntax"))
            } else {
                index += 1
            }
        }
    }

    /// The bytes must be UTF-8 and an XML declaration, if any, must not claim another encoding.
    private static func checkEncoding(_ data: Data, lines: LineStarts, file: String) throws {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: break decoding
            case .error:
                throw DiagnosticError(.error("the XML is not UTF-8 here; GraphGen reads UTF-8 metadata only",
                                             at: lines.location(ofByte: offset, file: file), rule: "xml-syntax"))
            }
        }
        let head = String(decoding: data.prefix(200), as: UTF8.self)
        guard head.hasPrefix("<?xml"), let end = head.range(of: "?>"),
              let attribute = head[..<end.lowerBound].range(of: "encoding=") else { return }
        let value = head[attribute.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" }
        if value.lowercased() != "utf-8" && value.lowercased() != "utf8" {
            let column = head.distance(from: head.startIndex, to: attribute.lowerBound) + 1
            throw DiagnosticError(.error("the XML declares the encoding '\(value)'; GraphGen reads UTF-8 metadata only",
                                         at: SourceLocation(file: file, line: 1, column: column), rule: "xml-syntax"))
        }
    }
}

/// Byte offsets of line starts, to turn the parser's (line, byte column) into a code-point column at the tag's `<`.
/// Tags arrive in document order, so the code-point count is carried forward from the previous tag on the same
/// line: a document on one long line costs linear time, not quadratic.
private final class LineStarts {
    let bytes: [UInt8]
    let starts: [Int]
    private var cursor = (line: 0, offset: 0, column: 1)

    init(_ data: Data) {
        bytes = [UInt8](data)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        self.starts = starts
    }

    /// The location of the nearest `<` at or before (line, column), as line and code-point column.
    func tagStart(line: Int, column: Int, file: String) -> SourceLocation {
        guard line >= 1, line <= starts.count, !bytes.isEmpty else { return SourceLocation(file: file, line: max(line, 1)) }
        var offset = min(starts[line - 1] + max(column - 1, 0), bytes.count - 1)
        while offset > 0 && bytes[offset] != UInt8(ascii: "<") { offset -= 1 }
        return position(offset, file: file)
    }

    func location(ofByte offset: Int, file: String) -> SourceLocation {
        cursor = (0, 0, 1)
        return position(min(offset, max(bytes.count - 1, 0)), file: file)
    }

    private func position(_ offset: Int, file: String) -> SourceLocation {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var from = starts[low], column = 1
        if cursor.line == low && cursor.offset <= offset { (from, column) = (cursor.offset, cursor.column) }
        for index in from..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
        cursor = (low, offset, column)
        return SourceLocation(file: file, line: low + 1, column: column)
    }
}

private final class TreeDelegate: NSObject, XMLParserDelegate {
    let file: String
    let lines: LineStarts
    var stack: [XMLElementNode] = []
    var root: XMLElementNode?
    var failure: SourceLocation?

    init(file: String, lines: LineStarts) {
        self.file = file
        self.lines = lines
    }

    func location(_ parser: XMLParser, start: Bool) -> SourceLocation {
        start ? lines.tagStart(line: parser.lineNumber, column: parser.columnNumber, file: file)
              : SourceLocation(file: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1))
    }

    /// Real metadata nests about eight levels; a bound keeps the tree's recursive destruction far from the stack's end.
    static let maximumDepth = 256
    var tooDeep: SourceLocation?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard stack.count < Self.maximumDepth else {
            if tooDeep == nil { tooDeep = location(parser, start: true) }
            parser.abortParsing()
            return
        }
        stack.append(XMLElementNode(name: elementName, attributes: attributeDict, children: [], location: location(parser, start: true)))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard let finished = stack.popLast() else { return }
        if stack.isEmpty {
            root = finished
        } else {
            stack[stack.count - 1].children.append(finished)
        }
    }

    var errorCode: Int?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil { failure = location(parser, start: false) }
        if errorCode == nil { errorCode = (parseError as NSError).code }
    }
}
