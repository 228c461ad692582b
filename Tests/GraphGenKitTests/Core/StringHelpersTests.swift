import XCTest
@testable import GraphGenKit

final class StringHelpersTests: XCTestCase {
    func testLineCursorGivesTheLinesLineSlicesGives() {
        for text in ["", "\n", "one", "one\n", "one\ntwo", "\n\nthree\n\n", "é\r\n{ \"a\": 1 }\n", "a\u{301}\nb"] {
            var cursor = LineCursor(text)
            var lines: [Substring] = []
            while let line = cursor.next() { lines.append(line) }
            XCTAssertEqual(lines, text.lineSlices, text.debugDescription)
        }
    }
}
