import XCTest
@testable import GraphGenKit

final class CallArgumentsTests: XCTestCase {
    func testArgumentsSplitAtCommasOutsideQuotes() throws {
        let parsed = try XCTUnwrap(CallArguments.parse("address='A1,B2', row = 2,name='O''Neil'"))
        XCTAssertEqual(parsed.map(\.name), ["address", "row", "name"])
        XCTAssertEqual(parsed.map(\.literal), ["'A1,B2'", "2", "'O''Neil'"])
        XCTAssertNil(CallArguments.parse(""), "no arguments")
        XCTAssertNil(CallArguments.parse("a=1,b"), "a part without a value")
    }
}
