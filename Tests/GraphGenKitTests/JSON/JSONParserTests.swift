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
}
