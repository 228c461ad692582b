import XCTest
@testable import GraphGenKit

final class JSONParserTests: XCTestCase {
    func testKeepsOrderNumbersAndLocations() throws {
        let node = try JSONParser.parse("{\n  \"b\": 9.50,\n  \"a\": \"x\\u00e9\"\n}", file: "f", startLine: 10, startColumn: 3)
        XCTAssertEqual(node.members?.map(\.key), ["b", "a"])
        XCTAssertEqual(node["b"]?.value, .number("9.50"))
        XCTAssertEqual(node["a"]?.string, "xé")
        XCTAssertEqual(node.members?.last?.keyLocation, SourceLocation(file: "f", line: 12, column: 3))
    }

    func testErrorsAreLocated() {
        XCTAssertThrowsError(try JSONParser.parse("{\n  \"a\": 1,\n}", file: "f", startLine: 5)) { error in
            XCTAssertEqual("\(error)", "f:7:1: error: invalid JSON: expected a member name in double quotes [example-json]")
        }
    }

    func testDeepNestingIsALocatedError() {
        let depth = 1_000_000
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let text = String(repeating: open, count: depth) + String(repeating: close, count: depth)
            XCTAssertThrowsError(try JSONParser.parse(text, file: "f", startLine: 3)) { error in
                XCTAssertTrue("\(error)".hasPrefix("f:3:"), "\(error)")
                XCTAssertTrue("\(error)".contains("nesting is too deep"), "\(error)")
            }
        }
    }

    /// Example bodies on real pages: what a reader plainly means is read past, each with a located warning.
    func testLenientReadsPastCommentsTrailingCommasAndPlaceholders() throws {
        let text = """
        {
          // a comment
          "a": [1, 2, ],
          "b": { "c": 1, ... },
          "d": ...,
          /* block */ "e": […],
          ...
        }
        """
        XCTAssertThrowsError(try JSONParser.parse(text, file: "p.md", startLine: 10), "strict by default")
        var parser = JSONParser(text, file: "p.md", startLine: 10, lenient: true)
        let node = try parser.parseDocument()
        XCTAssertEqual(node.members?.map(\.key), ["a", "b", "d", "e"])
        if case .array(let items)? = node["a"]?.value { XCTAssertEqual(items.count, 2) } else { XCTFail("a is an array") }
        XCTAssertEqual(node["b"]?.members?.map(\.key), ["c"])
        XCTAssertEqual(node["d"]?.value, .null)
        XCTAssertEqual(parser.relaxations.map(\.ruleID), Array(repeating: "example-json-lenient", count: 7))
        XCTAssertEqual(parser.relaxations.map { $0.location?.line ?? 0 }, [11, 12, 13, 14, 15, 15, 16])
        var truncated = JSONParser("{\"a\": [1, 2", file: "p.md", startLine: 1, lenient: true)
        XCTAssertThrowsError(try truncated.parseDocument(), "a truncated body is still an error")
    }
}
