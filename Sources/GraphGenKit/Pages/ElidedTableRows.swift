import CCmarkGFM

/// The rows of a table that cmark was not given (see `TableRowElision`), read when they are walked: each
/// batch of rows is parsed by cmark under a copy of the table's header and delimiter lines, so its cells
/// are exactly what cmark makes of them in the whole page, and the batch's tree is freed before the next.
struct ElidedTableRows: Sendable {
    let lines: PageLines
    let file: String
    /// The table's header line; its delimiter row is the next line.
    let headerLine: Int
    let run: TableRowElision.Run

    static let rowsPerBatch = 256

    var count: Int { run.lineCount }

    /// Rows `offset..<offset + count` of the left-out lines.
    func rows(from offset: Int, count: Int) -> [[PageText]] {
        let first = run.firstLine + offset
        let document = CmarkDocument { feed in
            lines.withBytes { bytes in
                feed(UnsafeBufferPointer(rebasing: bytes[lines.byteRange(ofLines: headerLine...(headerLine + 1))]))
                feed(UnsafeBufferPointer(rebasing: bytes[lines.byteRange(ofLines: first...(first + count - 1))]))
            }
        }
        guard let document, let table = document.blocks.first(where: { CmarkNode.type($0) == "table" }) else { return [] }
        return CmarkChildren(of: table).filter { !CmarkNode.isHeaderRow($0) }.map { row in
            // The batch's lines 1 and 2 are the header and delimiter; its rows follow.
            let line = first + Int(cmark_node_get_start_line(row)) - 3
            return CmarkNode.cells(of: row, line: line, lines: lines, file: file)
        }
    }
}
