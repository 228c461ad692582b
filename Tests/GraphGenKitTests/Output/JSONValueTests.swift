import Foundation
@testable import GraphGenKit
import XCTest

final class JSONValueTests: XCTestCase {
    func testJSONKeepsMemberOrderAndEscapes() {
        let value = JSONValue.object([("z", .int(1)), ("a", .array([.string("q\"\n\u{1}"), .null, .bool(true)])), ("e", .object([]))])
        XCTAssertEqual(value.rendered(), """
        {
          "z": 1,
          "a": [
            "q\\"\\n\\u0001",
            null,
            true
          ],
          "e": {}
        }

        """)
    }
}
