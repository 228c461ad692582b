import CYAML

/// Parses YAML text with libyaml into a located node tree.
public enum YAMLReader {
    /// - Parameters:
    ///   - file: the path shown in locations.
    ///   - lineOffset: added to every line, for YAML embedded in a larger file (front matter).
    /// - Returns: the document's root, or nil for an empty stream. A second document is an error: GraphGen
    ///   reads one document per file and would otherwise ignore the rest without a word.
    public static func parse(_ text: String, file: String, lineOffset: Int = 0) throws -> YAMLNode? {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { buffer -> YAMLNode? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                throw DiagnosticError(.error("cannot start the YAML parser", at: SourceLocation(file: file, line: 1), rule: "yaml-syntax"))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count - 1)
            var builder = TreeBuilder(file: file, lineOffset: lineOffset)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw builder.syntaxError(parser, bytes: buffer)
                }
                defer { yaml_event_delete(&event) }
                let done = try builder.consume(event)
                if done { break }
            }
            return builder.root
        }
    }
}

/// Turns libyaml's event stream into nodes; libyaml marks are 0-based and converted here, once.
private struct TreeBuilder {
    /// Deeper trees are refused: no real schema, config or front matter comes close, and a bounded depth keeps
    /// every recursive walk of the tree (including its destruction) far from the stack's end.
    static let maximumDepth = 256


    let file: String
    let lineOffset: Int
    var root: YAMLNode?
    private var stack: [OpenCollection] = []
    private var anchors: [String: YAMLNode] = [:]

    init(file: String, lineOffset: Int) {
        self.file = file
        self.lineOffset = lineOffset
    }

    func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
    }

    func syntaxError(_ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>) -> DiagnosticError {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        let context = parser.context.map { String(cString: $0) }
        let message = context.map { "\(problem) \($0)" } ?? problem
        // A reader error (a control character, bad UTF-8) has no mark, only the offset of the byte.
        let place = parser.error == YAML_READER_ERROR
            ? SourceLocation.of(byte: Int(parser.problem_offset), in: bytes, file: file, lineOffset: lineOffset)
            : location(parser.problem_mark)
        return DiagnosticError(.error("YAML: \(message)", at: place, rule: "yaml-syntax"))
    }

    /// Returns true at the end of the first document.
    mutating func consume(_ event: yaml_event_t) throws -> Bool {
        let here = location(event.start_mark)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            if root != nil {
                throw DiagnosticError(.error("YAML: a second document starts here; this file must hold one document", at: here, rule: "yaml-syntax"))
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = Self.string(scalar.value, length: scalar.length)
            let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
            try add(YAMLNode(.scalar(text, plain: plain), at: here), anchor: Self.optionalString(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT:
            try checkDepth(at: here)
            stack.append(OpenCollection(location: here, isMapping: false, anchor: Self.optionalString(event.data.sequence_start.anchor)))
        case YAML_MAPPING_START_EVENT:
            try checkDepth(at: here)
            stack.append(OpenCollection(location: here, isMapping: true, anchor: Self.optionalString(event.data.mapping_start.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let finished = stack.popLast() else { return false }
            try add(finished.node, anchor: finished.anchor)
        case YAML_ALIAS_EVENT:
            let name = Self.optionalString(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                throw DiagnosticError(.error("YAML: unknown alias '*\(name)'", at: here, rule: "yaml-syntax"))
            }
            try add(YAMLNode(target.kind, at: here), anchor: nil)
        default:
            break
        }
        return false
    }

    private func checkDepth(at location: SourceLocation) throws {
        guard stack.count < Self.maximumDepth else {
            throw DiagnosticError(.error("YAML: nesting is deeper than \(Self.maximumDepth) levels", at: location, rule: "yaml-syntax"))
        }
    }

    private mutating func add(_ node: YAMLNode, anchor: String?) throws {
        if let anchor { anchors[anchor] = node }
        guard !stack.isEmpty else {
            root = node
            return
        }
        // The open collection is changed in place: its lists stay uniquely held, so adding an item never copies them.
        try stack[stack.count - 1].add(node)
    }

    /// A sequence or mapping whose end has not been read yet.
    private struct OpenCollection {
        let location: SourceLocation
        let isMapping: Bool
        let anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLNode.Pair] = []
        var pendingKey: YAMLNode?
        /// The mapping's scalar keys so far, so a duplicate is found without scanning the pairs.
        var keys: Set<String> = []

        init(location: SourceLocation, isMapping: Bool, anchor: String?) {
            self.location = location
            self.isMapping = isMapping
            self.anchor = anchor
        }

        var node: YAMLNode { YAMLNode(isMapping ? .mapping(pairs) : .sequence(items), at: location) }

        mutating func add(_ node: YAMLNode) throws {
            guard isMapping else {
                items.append(node)
                return
            }
            guard let key = pendingKey else {
                pendingKey = node
                return
            }
            if let keyText = key.scalar, !keys.insert(keyText).inserted {
                throw DiagnosticError(.error("YAML: duplicate key '\(keyText)'", at: key.location, rule: "yaml-duplicate-key"))
            }
            pairs.append(YAMLNode.Pair(key: key, value: node))
            pendingKey = nil
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        let buffer = UnsafeBufferPointer(start: pointer, count: length)
        return String(decoding: buffer, as: UTF8.self)
    }

    private static func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
