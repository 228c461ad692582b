/// Double-quoted text in the escape syntax JSON and YAML share: `\"`, `\\`, `\n`, `\r`, `\t` and `\uXXXX`.
public enum QuotedText {
    /// - Parameter alsoEscaping: scalars beyond the C0 controls to write as `\uXXXX` (YAML refuses some printable-looking ones).
    public static func quoted(_ text: String, alsoEscaping: ((Unicode.Scalar) -> Bool)? = nil) -> String {
        // Most text needs no escape at all: copy it whole.
        if alsoEscaping == nil, !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        let alsoEscaping = alsoEscaping ?? { _ in false }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (scalar.value <= 0xFFFF && alsoEscaping(scalar)):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
