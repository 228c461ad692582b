import Foundation
import XCTest
@testable import GraphGenKit

final class StubTrafficTests: XCTestCase {
    typealias Notes = StubNotesService

    func traffic(_ stub: StubService) -> [String: Any] { Notes.send(stub, "GET", StubTraffic.path).json }

    func testRetriesBeforeRetryAfterAndRepeatsAfterSuccessAreCounted() throws {
        let clock = Notes.Clock()
        let stub = try Notes.service(clock: clock) { $0.failRate = 1; $0.failStatuses = [429, 503] }
        var waits: [String] = []
        for index in 0..<20 {
            let id = "request-\(index)"
            let fault = Notes.send(stub, "GET", "/v1.0/notes", headers: ["client-request-id": id])
            XCTAssertTrue([429, 503].contains(fault.status))
            let retryAfter = try XCTUnwrap(fault.header("Retry-After"))
            waits.append(retryAfter)
            if index.isMultiple(of: 2) { clock.advance(0.5) } else { clock.advance(2) }
            _ = Notes.send(stub, "GET", "/v1.0/notes", headers: ["client-request-id": id, "retry-attempt": "1"])
        }
        XCTAssertTrue(waits.contains("1") && waits.contains { $0.hasSuffix(" GMT") }, "seconds and HTTP dates: \(waits)")
        let counted = traffic(stub)
        XCTAssertEqual(counted["earlyRetries"] as? Int, 10, "the ten sent after half a second")
        XCTAssertEqual(counted["retries"] as? Int, 20)
        XCTAssertEqual(counted["faults"] as? Int, 40)

        let calm = try Notes.service(clock: clock)
        XCTAssertEqual(Notes.send(calm, "GET", "/v1.0/notes", headers: ["client-request-id": "once"]).status, 200)
        _ = Notes.send(calm, "GET", "/v1.0/notes", headers: ["client-request-id": "once"])
        XCTAssertEqual(traffic(calm)["repeatedAfterSuccess"] as? Int, 1)
    }
}
