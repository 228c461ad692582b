/// Keeps long tables out of cmark's tree: a page's table can hold hundreds of thousands of rows, and cmark
/// would build a node for every row, cell and word before GraphGen reads the first. In each run of four or
/// more lines that start with `|`, the lines after the third are not given to cmark; where the third line
/// is a row of a top-level table, the table's reader reads the left-out lines itself, a few hundred at a
/// time (`ElidedTableRows`), so memory stays bounded by the rows in use. Where it is not (the run sits in
/// a code block, say), the page is read again whole.
struct TableRowElision: Sendable {
    struct Run: Sendable {
        /// The last line of the run that cmark sees; the left-out lines follow it.
        var lastKeptLine: Int
        var firstLine: Int { lastKeptLine + 1 }
        var lineCount: Int
        /// `lastKeptLine` as cmark numbers it, lines left out before it not counted.
        var parsedLastKeptLine: Int
        var lines: ClosedRange<Int> { firstLine...(lastKeptLine + lineCount) }
    }

    private(set) var runs: [Run] = []
    /// Lines left out before each run and after all of them: `leftOutBefore[i]` for run i.
    private var leftOutBefore: [Int] = [0]

    static let none = TableRowElision()
    static let keptLinesPerRun = 3

    private init() {}

    /// Finds the runs in lines `firstLine...` of `lines`. Reference-style links resolve against definitions
    /// anywhere in the page, which a table's reader could not see, so a page with what may be a definition
    /// (`]:` outside a table row) is not elided.
    init(lines: PageLines, firstLine: Int) {
        var runStart: Int?
        var found: [ClosedRange<Int>] = []
        let mayDefineReferences = lines.withBytes { bytes -> Bool in
            for line in firstLine...max(firstLine, lines.count + 1) {
                let isRow = line <= lines.count && lines.start(ofLine: line) < bytes.count && bytes[lines.start(ofLine: line)] == UInt8(ascii: "|")
                if isRow {
                    if runStart == nil { runStart = line }
                    continue
                }
                if let start = runStart, line - start > Self.keptLinesPerRun { found.append(start...(line - 1)) }
                runStart = nil
                if line <= lines.count, Self.containsReferenceMark(bytes, lines.start(ofLine: line)..<lines.start(ofLine: line + 1)) { return true }
            }
            return false
        }
        guard !mayDefineReferences else { return }
        for range in found {
            let lastKept = range.lowerBound + Self.keptLinesPerRun - 1
            let count = range.upperBound - lastKept
            runs.append(Run(lastKeptLine: lastKept, lineCount: count, parsedLastKeptLine: lastKept - leftOutBefore[leftOutBefore.count - 1]))
            leftOutBefore.append(leftOutBefore[leftOutBefore.count - 1] + count)
        }
    }

    private static func containsReferenceMark(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var previous: UInt8 = 0
        for index in range {
            if previous == UInt8(ascii: "]") && bytes[index] == UInt8(ascii: ":") { return true }
            previous = bytes[index]
        }
        return false
    }

    /// The byte ranges of `range` that cmark is given: everything but the runs' left-out lines.
    func keptRanges(of range: Range<Int>, in lines: PageLines) -> [Range<Int>] {
        var kept: [Range<Int>] = []
        var start = range.lowerBound
        for run in runs {
            let leftOut = lines.byteRange(ofLines: run.lines)
            kept.append(start..<max(start, leftOut.lowerBound))
            start = max(start, leftOut.upperBound)
        }
        kept.append(start..<max(start, range.upperBound))
        return kept
    }

    /// The page's line for a line number in the tree cmark built.
    func fileLine(_ parsedLine: Int) -> Int {
        // Runs before the line: those whose last kept line comes before it.
        var low = 0, high = runs.count
        while low < high {
            let middle = (low + high) / 2
            if runs[middle].parsedLastKeptLine < parsedLine { low = middle + 1 } else { high = middle }
        }
        return parsedLine + leftOutBefore[low]
    }
}
