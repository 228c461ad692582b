/// A page's text indexed by line: a line's bytes and text, and cmark's UTF-8 byte columns turned into the
/// Unicode-scalar columns that every other reader reports. The Markdown reader keeps no other copy of the page.
struct PageLines: Sendable {
    private let text: String
    private let lineStarts: [Int]

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        var starts = [0]
        Self.withBytes(of: text) { bytes in
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        }
        self.text = text
        lineStarts = starts
    }

    /// Lines in the page; a final newline starts one more, empty line.
    var count: Int { lineStarts.count }

    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try Self.withBytes(of: text, body)
    }

    private static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Where a line (1-based) starts; the page's end for the line after the last.
    func start(ofLine line: Int) -> Int {
        line <= lineStarts.count ? lineStarts[line - 1] : text.utf8.count
    }

    /// The bytes of lines `lines`, each with its newline.
    func byteRange(ofLines lines: ClosedRange<Int>) -> Range<Int> {
        start(ofLine: lines.lowerBound)..<start(ofLine: lines.upperBound + 1)
    }

    /// The text of a line (1-based), without its newline; nil past the end.
    func text(ofLine line: Int) -> String? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        return withBytes { bytes in
            let end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<max(start, end)]), as: UTF8.self)
        }
    }

    func column(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(1, byteColumn) }
        let start = lineStarts[line - 1]
        return withBytes { bytes in
            let end = min(start + byteColumn - 1, bytes.count)
            var scalars = 0
            for index in start..<max(start, end) where bytes[index] & 0xC0 != 0x80 { scalars += 1 }
            return scalars + 1
        }
    }
}
