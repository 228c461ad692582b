import XCTest
@testable import GraphGenKit

final class YAMLReaderTests: XCTestCase {
    func error(_ yaml: String) -> String {
        do {
            _ = try YAMLReader.parse(yaml, file: "x.yaml")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testDeepNestingIsALocatedErrorAtAnyDepth() {
        for shape in [("[", "]"), ("{a: ", "}")] {
            let depth = 1_000_000
            let yaml = String(repeating: shape.0, count: depth) + String(repeating: shape.1, count: depth) + "\n"
            XCTAssertTrue(error(yaml).hasPrefix("x.yaml:1:"), error(yaml))
            XCTAssertTrue(error(yaml).hasSuffix("error: YAML: nesting is deeper than 256 levels [yaml-syntax]"), error(yaml))
        }
        let blocks = (0..<300).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " end\n"
        XCTAssertTrue(error(blocks).contains("nesting is deeper than 256 levels"), error(blocks))
        let allowed = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        XCTAssertEqual(error(allowed), "no error")
    }

    func testASecondDocumentIsAnError() {
        XCTAssertEqual(error("a: 1\n---\nb: 2\n"), "x.yaml:2:1: error: YAML: a second document starts here; this file must hold one document [yaml-syntax]")
        XCTAssertEqual(error("---\na: 1\n...\n"), "no error")
        XCTAssertEqual(error("# only a comment\n"), "no error")
    }
}
