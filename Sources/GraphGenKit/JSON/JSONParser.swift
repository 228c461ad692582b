/// A JSON parser (RFC 8259) reporting errors at file:line:column. Strict by default; `lenient` reads what example
/// bodies on real pages hold where the intent is plain — trailing commas, `//` and `/* */` comments, `...` or `…`
/// standing for elided members, items or values — and reports each as a `example-json-lenient` warning.
public struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var line: Int
    private var column: Int
    private let file: String
    private let lenient: Bool
    /// What a lenient parse read past, one warning each.
    public private(set) var relaxations: [Diagnostic] = []

    /// - Parameters:
    ///   - startLine/startColumn: where the text begins in its file.
    public init(_ text: String, file: String, startLine: Int, startColumn: Int = 1, lenient: Bool = false) {
        self.bytes = Array(text.utf8)
        self.file = file
        self.line = startLine
        self.column = startColumn
        self.lenient = lenient
    }

    public static func parse(_ text: String, file: String, startLine: Int, startColumn: Int = 1) throws -> JSONNode {
        var parser = JSONParser(text, file: file, startLine: startLine, startColumn: startColumn)
        return try parser.parseDocument()
    }

    public mutating func parseDocument() throws -> JSONNode {
        skipWhitespace()
        let node = try parseValue(depth: 0)
        skipWhitespace()
        if index < bytes.count { throw failure("unexpected text after the JSON value") }
        return node
    }

    private var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    private func failure(_ message: String) -> DiagnosticError {
        DiagnosticError(.error("invalid JSON: \(message)", at: here, rule: "example-json"))
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func advance() {
        guard index < bytes.count else { return }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while true {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
            guard lenient, current == UInt8(ascii: "/"), index + 1 < bytes.count else { return }
            let start = here
            if bytes[index + 1] == UInt8(ascii: "/") {
                while let byte = current, byte != 0x0A { advance() }
            } else if bytes[index + 1] == UInt8(ascii: "*") {
                advance(); advance()
                while current != nil && !(current == UInt8(ascii: "*") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")) { advance() }
                advance(); advance()
            } else {
                return
            }
            relax("a comment", at: start)
        }
    }

    private mutating func relax(_ what: String, at location: SourceLocation) {
        relaxations.append(.warning("JSON does not allow \(what); read past it", at: location, rule: "example-json-lenient"))
    }

    /// In lenient mode, skips `...` or `…` (with a comma after it) where a member, an item or a value goes.
    private mutating func skipPlaceholder(asValue: Bool = false) -> Bool {
        guard lenient else { return false }
        let start = here
        if bytes[index...].starts(with: [0x2E, 0x2E, 0x2E]) {
            while current == 0x2E { advance() }
        } else if bytes[index...].starts(with: [0xE2, 0x80, 0xA6]) {
            advance(); advance(); advance()
        } else {
            return false
        }
        relax("'...' for elided content", at: start)
        skipWhitespace()
        if !asValue && current == UInt8(ascii: ",") {
            advance()
            skipWhitespace()
        }
        return true
    }

    private mutating func parseValue(depth: Int) throws -> JSONNode {
        guard depth < 512 else { throw failure("nesting is too deep") }
        let start = here
        guard let byte = current else { throw failure("expected a value, found the end of the text") }
        if lenient, skipPlaceholder(asValue: true) { return JSONNode(value: .null, location: start) }
        switch byte {
        case UInt8(ascii: "{"): return JSONNode(value: try parseObject(depth: depth), location: start)
        case UInt8(ascii: "["): return JSONNode(value: try parseArray(depth: depth), location: start)
        case UInt8(ascii: "\""): return JSONNode(value: .string(try parseString()), location: start)
        case UInt8(ascii: "t"): try expectWord("true"); return JSONNode(value: .bool(true), location: start)
        case UInt8(ascii: "f"): try expectWord("false"); return JSONNode(value: .bool(false), location: start)
        case UInt8(ascii: "n"): try expectWord("null"); return JSONNode(value: .null, location: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try parseNumber()), location: start)
        default:
            throw failure("unexpected character '\(Self.describe(byte))'")
        }
    }

    private mutating func expectWord(_ word: String) throws {
        for expected in word.utf8 {
            guard current == expected else { throw failure("expected '\(word)'") }
            advance()
        }
    }

    private mutating func parseObject(depth: Int) throws -> JSONNode.Value {
        advance()
        var members: [JSONNode.Member] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") { advance(); return .object(members) }
        while true {
            skipWhitespace()
            while skipPlaceholder() {}
            if lenient, current == UInt8(ascii: "}") { advance(); return .object(members) }
            let keyLocation = here
            guard current == UInt8(ascii: "\"") else { throw failure("expected a member name in double quotes") }
            let key = try parseString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':' after member name \"\(key)\"") }
            advance()
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            members.append(JSONNode.Member(key: key, keyLocation: keyLocation, value: value))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                advance()
                skipWhitespace()
                if lenient, current == UInt8(ascii: "}") { relax("a comma before '}'", at: here) }
            case UInt8(ascii: "}"): advance(); return .object(members)
            default:
                if lenient, skipPlaceholder() { continue }
                throw failure("expected ',' or '}' in object")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws -> JSONNode.Value {
        advance()
        var items: [JSONNode] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") { advance(); return .array(items) }
        while true {
            skipWhitespace()
            while skipPlaceholder() {}
            if lenient, current == UInt8(ascii: "]") { advance(); return .array(items) }
            items.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                advance()
                skipWhitespace()
                if lenient, current == UInt8(ascii: "]") { relax("a comma before ']'", at: here) }
            case UInt8(ascii: "]"): advance(); return .array(items)
            default:
                if lenient, skipPlaceholder() { continue }
                throw failure("expected ',' or ']' in array")
            }
        }
    }

    private mutating func parseString() throws -> String {
        advance()
        var scalars: [UInt8] = []
        while true {
            guard let byte = current else { throw failure("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                advance()
                try parseEscape(into: &scalars)
            case 0x00..<0x20:
                throw failure("control character in string")
            default:
                scalars.append(byte)
                advance()
            }
        }
    }

    private mutating func parseEscape(into scalars: inout [UInt8]) throws {
        guard let byte = current else { throw failure("unterminated escape") }
        advance()
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
            UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
            UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let replacement = simple[byte] {
            scalars.append(replacement)
            return
        }
        guard byte == UInt8(ascii: "u") else { throw failure("invalid escape '\\\(Self.describe(byte))'") }
        var code = try parseHex4()
        if (0xD800..<0xDC00).contains(code) {
            guard current == UInt8(ascii: "\\") else { throw failure("unpaired surrogate") }
            advance()
            guard current == UInt8(ascii: "u") else { throw failure("unpaired surrogate") }
            advance()
            let low = try parseHex4()
            guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else { throw failure("invalid unicode escape") }
        scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private mutating func parseHex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexValue(byte) else { throw failure("expected 4 hex digits in \\u escape") }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private mutating func parseNumber() throws -> String {
        let start = index
        if current == UInt8(ascii: "-") { advance() }
        guard let first = current, Self.isDigit(first) else { throw failure("expected a digit") }
        if first == UInt8(ascii: "0") { advance() } else { while let b = current, Self.isDigit(b) { advance() } }
        if current == UInt8(ascii: ".") {
            advance()
            guard let b = current, Self.isDigit(b) else { throw failure("expected a digit after '.'") }
            while let b = current, Self.isDigit(b) { advance() }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard let b = current, Self.isDigit(b) else { throw failure("expected a digit in exponent") }
            while let b = current, Self.isDigit(b) { advance() }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\u{\(String(byte, radix: 16))}"
    }
}
