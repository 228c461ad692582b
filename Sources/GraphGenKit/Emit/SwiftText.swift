/// The one place input text enters generated Swift outside an identifier: in a comment or in a string literal.
/// Whatever the text holds, it stays inside its comment or literal.
public enum SwiftText {
    /// Line breaks to Swift's lexer (LF, CR, CRLF) and to readers of the documentation (NEL, LINE and PARAGRAPH
    /// SEPARATOR, vertical tab, form feed): each starts a new comment line.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Characters that are shown as `\u{…}` in a comment: other controls, and the bidirectional overrides and
    /// isolates that can make a comment read differently from what the compiler sees.
    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x08, 0x0E...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func visible(_ scalar: Unicode.Scalar) -> String {
        isHidden(scalar) ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
    }

    /// The lines of a comment holding `text`: every line break starts a new line, trimmed; tabs stay.
    public static func commentLines(_ text: String) -> [String] {
        var lines: [String] = []
        var line = ""
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if isLineBreak(scalar) {
                if scalar == "\n" && previous == "\r" { continue }
                lines.append(line.trimmed)
                line = ""
            } else {
                line += visible(scalar)
            }
        }
        lines.append(line.trimmed)
        return lines
    }

    /// `text` on one comment line: line breaks become spaces.
    public static func commentLine(_ text: String) -> String {
        commentLines(text).joined(separator: " ")
    }

    /// Text for inside a Swift string literal.
    public static func stringLiteralContent(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || isLineBreak(scalar) || isHidden(scalar): out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A multi-line raw string literal holding `text`, indented by `indent` spaces.
    public static func rawMultilineLiteral(_ text: String, indent: Int) -> String {
        // Swift reads a CR in a multi-line literal as a line break: such text keeps its bytes only in an escaped literal.
        if text.utf8.contains(0x0D) { return "\"\(stringLiteralContent(text))\"" }
        // One more `#` than the longest run of `#` after a quote in the text, so nothing inside can close it.
        var longest = 0, run = -1
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") {
                run = 0
            } else if byte == UInt8(ascii: "#"), run >= 0 {
                run += 1
                longest = max(longest, run)
            } else {
                run = -1
            }
        }
        let hashes = String(repeating: "#", count: longest + 1)
        let pad = String(repeating: " ", count: indent)
        let body = text.lineSlices.map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
        return "\(hashes)\"\"\"\n\(body)\n\(pad)\"\"\"\(hashes)"
    }
}
