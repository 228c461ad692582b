import Foundation
import XCTest
@testable import GraphGenKit

/// The Markdown reader leaves long tables' rows out of cmark's tree and reads them in batches; a page must
/// read exactly as it does when cmark is given every line.
final class TableRowElisionTests: XCTestCase {
    private func assertReadsAsWhole(_ text: String, file: String, line: UInt = #line) throws {
        let elided = try MarkdownPageReader.read(text, file: file)
        let whole = try MarkdownPageReader.read(text, file: file, elidingTableRows: false)
        XCTAssertEqual(Self.describe(elided), Self.describe(whole), file, line: line)
    }

    /// Every block with its location, each table row cell by cell.
    static func describe(_ document: PageDocument) -> [String] {
        var lines = ["title \(document.title.map { "\($0.value)@\($0.location)" } ?? "-")"]
        lines += document.warnings.map(\.description)
        for section in document.sections {
            lines.append("section \(section.level) \(section.heading.value)@\(section.heading.location)")
            for block in section.blocks {
                switch block {
                case .paragraph(let text): lines.append("paragraph \(text)")
                case .code(let code): lines.append("code \(code.info)@\(code.location) \(code.text) \(String(describing: code.annotation))")
                case .table(let table):
                    lines.append("table@\(table.location) \(table.header)")
                    lines += table.rows.map { "row \($0)" }
                }
            }
        }
        return lines
    }

    func testPagesInTheProjectAndTheCorpusReadAsWhole() throws {
        var roots = ["schemas", "Examples", "Tests/GraphGenKitTests/Fixtures"].map { TestPaths.repoRoot.appendingPathComponent($0).path }
        let corpus = try? TestPaths.corpus()
        if let corpus { roots.append((corpus as NSString).deletingLastPathComponent) }
        var pages = 0, elidedRows = 0
        for root in roots {
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            for case let relative as String in walker where relative.hasSuffix(".md") && !relative.hasSuffix("README.md") {
                let path = root + "/" + relative
                let text = try String(contentsOfFile: path, encoding: .utf8)
                guard (try? MarkdownPageReader.read(text, file: relative, elidingTableRows: false)) != nil else { continue }
                try assertReadsAsWhole(text, file: relative)
                pages += 1
                elidedRows += TableRowElision(lines: PageLines(text.withUnixLineEndings), firstLine: 1).runs.reduce(0) { $0 + $1.lineCount }
            }
        }
        XCTAssertGreaterThan(pages, 5, "the project's own pages were not found")
        // The project's own pages hold few long tables: the real pages' are what exercise the elision.
        guard corpus != nil else { throw XCTSkip("the project's \(pages) pages compared; ../shared/corpus is not beside this clone, so the real pages' long tables were not") }
        XCTAssertGreaterThan(pages, 20)
        XCTAssertGreaterThan(elidedRows, 100, "the pages' tables were not elided, so nothing was compared")
    }

    func testALongTableIsReadInBatchesWithTheLinesOfTheFile() throws {
        var text = "---\ntitle: t\n---\n# thing resource type\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n"
        for index in 0..<1_000 { text += "| name\(index) | [Thing](thing.md) | `code` and *emphasis* number \(index) |\n" }
        text += "no pipe yet still a row\n\nAfter the table.\n\n```json\n{}\n```\n"
        try assertReadsAsWhole(text, file: "long.md")
        let document = try MarkdownPageReader.read(text, file: "long.md")
        guard case .table(let table)? = document.sections.last?.blocks.first else { return XCTFail("no table") }
        guard case .elided(let rows)? = table.rows.parts.dropFirst().first else { return XCTFail("the rows were not elided") }
        XCTAssertEqual(rows.count, 999)
        let all = Array(table.rows)
        XCTAssertEqual(all.count, 1_001)
        XCTAssertEqual(all[999].first?.text, "name999")
        XCTAssertEqual(all[999][1].links.first?.target, "thing.md")
        XCTAssertEqual(all[999][2].codeSpans, ["code"])
        XCTAssertEqual(all[999].map(\.location.line), [1_009, 1_009, 1_009])
        XCTAssertEqual(all[1_000].first?.text, "no pipe yet still a row")
        XCTAssertEqual(document.sections.last?.blocks.count, 3)
    }

    func testATableRightUnderAParagraphAndTablesWithoutOuterPipes() throws {
        let rows = (0..<8).map { "| r\($0) | `c\($0)` |\n" }.joined()
        try assertReadsAsWhole("# t\n\nSome text\nmore text\n| a | b |\n|---|---|\n\(rows)after\n", file: "under.md")
        try assertReadsAsWhole("# t\n\na | b\n--|--\n\(rows)x | y\n\(rows)\n", file: "bare.md")
        try assertReadsAsWhole("# t\n\n| a | b |\n|---|---|\n\(rows)> quote\n\(rows)    indented\n\(rows)", file: "interrupted.md")
    }

    /// A run of `|` lines inside a code block, or a page that may define reference links, is read whole.
    func testRunsThatAreNotTableRowsAreReadWhole() throws {
        let rows = String(repeating: "| a | b |\n", count: 6)
        let fenced = "# t\n\n```\n| h | i |\n|---|---|\n\(rows)```\n\n| x | y |\n|---|---|\n\(rows)\ntext\n"
        try assertReadsAsWhole(fenced, file: "fenced.md")
        let document = try MarkdownPageReader.read(fenced, file: "fenced.md")
        guard case .code(let code)? = document.sections.first?.blocks.first else { return XCTFail("no code block") }
        XCTAssertEqual(code.text.split(separator: "\n").count, 8)

        let referenced = "# t\n\n| x | y |\n|---|---|\n| [a][r] | b |\n\(rows)\n[r]: https://example.com\n"
        XCTAssertTrue(TableRowElision(lines: PageLines(referenced), firstLine: 1).runs.isEmpty)
        try assertReadsAsWhole(referenced, file: "referenced.md")
    }
}
