/// A configured path's text: control characters (NUL above all, which the system would cut the path at) are never
/// part of a real file name, so a path holding one is refused rather than shortened into another path.
public enum PathText {
    /// nil when `path` is usable, else why not.
    public static func problem(_ path: String) -> String? {
        guard let bad = path.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }) else { return nil }
        return "the path '\(path.unicodeScalars.map { $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined())' holds a control character (U+\(String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4))); no file GraphGen reads or writes has one"
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
