/// Turns cmark's UTF-8 byte columns into the Unicode-scalar columns that every other reader reports.
struct ScalarColumns {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        lineStarts = starts
    }

    func column(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(1, byteColumn) }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        var scalars = 0
        for index in start..<max(start, end) where bytes[index] & 0xC0 != 0x80 { scalars += 1 }
        return scalars + 1
    }
}
