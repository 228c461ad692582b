/// The form every generated text file is written in.
enum OutputText {
    /// LF endings, no trailing spaces, exactly one final newline.
    static func normalized(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 1)
        var pendingSpaces = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                pendingSpaces += 1
                out.append(byte)
            case UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\n"):
                out.removeLast(pendingSpaces)
                pendingSpaces = 0
                out.append(byte)
            default:
                pendingSpaces = 0
                out.append(byte)
            }
        }
        out.removeLast(pendingSpaces)
        while out.last == UInt8(ascii: "\n") { out.removeLast() }
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }
}
