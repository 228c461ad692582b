import Foundation
@testable import GraphGenKit
import XCTest

final class FNV1aTests: XCTestCase {
    /// The published FNV-1a 64 test vectors: fingerprints are the same on every platform and run.
    func testFNV1aMatchesTheReferenceVectors() {
        var empty = FNV1a()
        empty.add([UInt8]())
        XCTAssertEqual(empty.hex, "cbf29ce484222325")
        var a = FNV1a()
        a.add("a".utf8)
        XCTAssertEqual(a.hex, "af63dc4c8601ec8c")
        var foobar = FNV1a()
        foobar.add("foobar".utf8)
        XCTAssertEqual(foobar.hex, "85944171f73967e8")
    }
}
