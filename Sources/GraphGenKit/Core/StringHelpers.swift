import Foundation

// Text helpers that work on UTF-8 bytes: page reading calls them per line and per cell, where
// Character-by-Character processing and Foundation bridging dominate the profile.

private func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
}

extension Substring {
    /// Without leading and trailing ASCII white space and newlines.
    var trimmed: String {
        guard let first = utf8.firstIndex(where: { !isASCIIWhitespace($0) }),
              let last = utf8.lastIndex(where: { !isASCIIWhitespace($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension UInt8 {
    /// An ASCII letter, digit or underscore: a byte of a plain identifier.
    var isASCIIWordByte: Bool {
        (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
            || (self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9")) || self == UInt8(ascii: "_")
    }
}

extension String {
    /// Without leading and trailing ASCII white space and newlines.
    var trimmed: String { self[...].trimmed }

    /// Without leading and trailing line breaks (`\n`, `\r`); other white space stays.
    var trimmingLineBreaks: String {
        let isBreak = { (byte: UInt8) in byte == 0x0A || byte == 0x0D }
        guard let first = utf8.firstIndex(where: { !isBreak($0) }), let last = utf8.lastIndex(where: { !isBreak($0) }) else { return "" }
        if first == utf8.startIndex && utf8.index(after: last) == utf8.endIndex { return self }
        return String(self[first...last])
    }
}

/// A text's lines one at a time, split at every `\n` with empty lines kept (as `lineSlices`), for a reader that may
/// stop before the end.
struct LineCursor {
    private let text: String
    private var start: String.Index?

    init(_ text: String) {
        self.text = text
        start = text.startIndex
    }

    mutating func next() -> Substring? {
        guard let lineStart = start else { return nil }
        guard let newline = text.utf8[lineStart...].firstIndex(of: 0x0A) else {
            start = nil
            return text[lineStart...]
        }
        start = text.utf8.index(after: newline)
        return text[lineStart..<newline]
    }
}

extension StringProtocol {

    /// The text split at every `\n`, keeping empty lines.
    var lineSlices: [SubSequence] {
        var result: [SubSequence] = []
        var start = startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == 0x0A {
                result.append(self[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        result.append(self[start...])
        return result
    }

    /// Where `needle` first occurs, ignoring ASCII case.
    func asciiCaseInsensitiveRange(of needle: String) -> Range<Index>? {
        let pattern = Array(needle.utf8).map(asciiLowercased)
        guard let head = pattern.first else { return nil }
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if asciiLowercased(utf8[index]) == head {
                var probe = index
                var matched = 0
                while matched < pattern.count, probe != utf8.endIndex, asciiLowercased(utf8[probe]) == pattern[matched] {
                    matched += 1
                    probe = utf8.index(after: probe)
                }
                if matched == pattern.count { return index..<probe }
            }
            index = utf8.index(after: index)
        }
        return nil
    }
}

private func asciiLowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
}

extension String {
    /// Collapses runs of white space to one space.
    var collapsingWhitespace: String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for byte in utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// LF line endings; the text itself when it has no CR (the common case, and no copy).
    var withUnixLineEndings: String {
        utf8.contains(13) ? replacingOccurrences(of: "\r\n", with: "\n") : self
    }
}
