import XCTest
@testable import GraphGenKit

final class NameListTests: XCTestCase {
    func testShortListsAreWholeAndLongOnesSayHowManyAreLeftOut() {
        XCTAssertEqual(NameList.text([]), "none")
        XCTAssertEqual(NameList.text(["a", "b"]), "a, b")
        let names = (1...25).map { "n\($0)" }
        XCTAssertEqual(NameList.text(names), names.prefix(20).joined(separator: ", ") + ", … and 5 more")
        XCTAssertEqual(NameList.text(Array(names.prefix(20))), names.prefix(20).joined(separator: ", "))
    }
}
