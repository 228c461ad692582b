import Foundation
import XCTest
@testable import GraphGenKit

final class StubFaultsTests: XCTestCase {
    typealias Notes = StubNotesService

    func testAnHTTPDateIsAWholeSecondPastOneSecondFromNow() throws {
        let clock = Notes.Clock()
        let stub = try Notes.service(clock: clock) { $0.failRate = 1; $0.randomSeed = 11 }
        for _ in 0..<10 {
            guard let text = Notes.send(stub, "GET", "/v1.0/notes").header("Retry-After"), text != "1" else { continue }
            XCTAssertEqual(text, StubService.httpDate(Date(timeIntervalSince1970: 1_800_000_002)), "now is …000.25: at least a second later, on a whole second")
            return
        }
        XCTFail("no HTTP date in ten faults")
    }

    func testRedirectsPointAtTheSameURL() throws {
        let stub = try Notes.service { $0.redirectRate = 1 }
        let answer = Notes.send(stub, "GET", "/v1.0/notes?$top=2")
        XCTAssertEqual(answer.status, 307)
        XCTAssertEqual(answer.header("Location"), "http://127.0.0.1:9/v1.0/notes?$top=2")
    }
}
