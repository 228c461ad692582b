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

    func testCreatesAndUpdatesSetTheServiceTimes() throws {
        let clock = Notes.Clock()
        let stub = try Notes.service(clock: clock)
        let created = Notes.send(stub, "POST", "/v1.0/notes", #"{"title": "t"}"#)
        XCTAssertEqual(created.json["createdDateTime"] as? String, "2027-01-15T08:00:00.250Z")
        XCTAssertEqual(created.json["lastModifiedDateTime"] as? String, "2027-01-15T08:00:00.250Z")
        let id = try XCTUnwrap(created.json["id"] as? String)
        clock.advance(60)
        XCTAssertEqual(Notes.send(stub, "PATCH", "/v1.0/notes/\(id)", #"{"title": "u"}"#).status, 200)
        let got = Notes.send(stub, "GET", "/v1.0/notes/\(id)").json
        XCTAssertEqual(got["createdDateTime"] as? String, "2027-01-15T08:00:00.250Z")
        XCTAssertEqual(got["lastModifiedDateTime"] as? String, "2027-01-15T08:01:00.250Z")
    }
}
