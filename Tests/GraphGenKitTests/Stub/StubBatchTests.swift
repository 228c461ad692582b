import Foundation
import XCTest
@testable import GraphGenKit

final class StubBatchTests: XCTestCase {
    typealias Notes = StubNotesService

    func testStepsAreAnsweredByIDWithDependencies() throws {
        let stub = try Notes.service()
        let batch = """
        {"requests": [
          {"id": "a", "method": "POST", "url": "/notes", "headers": {"Content-Type": "application/json"}, "body": {"title": "one"}},
          {"id": "b", "method": "GET", "url": "/notes/missing"},
          {"id": "c", "method": "GET", "url": "/notes", "dependsOn": ["a"]},
          {"id": "d", "method": "DELETE", "url": "/notes/missing", "dependsOn": ["b"]}
        ]}
        """
        let answer = Notes.send(stub, "POST", "/v1.0/$batch", batch)
        XCTAssertEqual(answer.status, 200, "\(answer.json)")
        let responses = try XCTUnwrap(answer.json["responses"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: responses.map { ($0["id"] as? String ?? "", $0) })
        XCTAssertEqual(byID["a"]?["status"] as? Int, 201)
        XCTAssertEqual((byID["a"]?["body"] as? [String: Any])?["title"] as? String, "one", "a JSON body is inline")
        XCTAssertEqual(byID["b"]?["status"] as? Int, 404)
        XCTAssertEqual(((byID["c"]?["body"] as? [String: Any])?["value"] as? [Any])?.count, 1, "c runs after a and sees its note")
        XCTAssertEqual(byID["d"]?["status"] as? Int, 424, "b failed, so d is not run")
        XCTAssertEqual(Notes.send(stub, "GET", "/v1.0/notes").json["value"].map { ($0 as? [Any])?.count }, 1)
    }

    func testMalformedBatchesAreRefusedWhole() throws {
        let stub = try Notes.service()
        let step = #"{"id": "X", "method": "GET", "url": "/notes"}"#
        let tooMany = "{\"requests\": [" + (1...21).map { step.replacingOccurrences(of: "X", with: String($0)) }.joined(separator: ",") + "]}"
        XCTAssertEqual(Notes.send(stub, "POST", "/v1.0/$batch", tooMany).status, 400)
        XCTAssertEqual(Notes.send(stub, "POST", "/v1.0/$batch", "{\"requests\": [\(step), \(step)]}").status, 400, "ids are unique")
        XCTAssertEqual(Notes.send(stub, "POST", "/v1.0/$batch", #"{"requests": [{"id": "1", "method": "GET", "url": "/notes", "dependsOn": ["2"]}]}"#).status, 400)
        XCTAssertEqual(Notes.send(stub, "POST", "/v1.0/$batch", #"{"requests": [{"id": "1", "url": "/notes"}]}"#).status, 400)
        XCTAssertEqual(Notes.send(stub, "GET", "/v1.0/$batch").status, 405)
        let nested = Notes.send(stub, "POST", "/v1.0/$batch", #"{"requests": [{"id": "1", "method": "POST", "url": "/$batch", "body": {"requests": []}}]}"#)
        XCTAssertEqual((nested.json["responses"] as? [[String: Any]])?.first?["status"] as? Int, 400)
    }

    func testThrottledStepsCarryTheirOwnRetryAfter() throws {
        let stub = try Notes.service { $0.failRate = 0.5; $0.randomSeed = 3 }
        var throttled = 0, succeeded = 0
        for _ in 0..<20 {
            let answer = Notes.send(stub, "POST", "/v1.0/$batch", #"{"requests": [{"id": "1", "method": "GET", "url": "/notes"}, {"id": "2", "method": "GET", "url": "/notes"}]}"#)
            guard answer.status == 200 else { continue }
            for step in answer.json["responses"] as? [[String: Any]] ?? [] {
                if step["status"] as? Int == 429 {
                    throttled += 1
                    XCTAssertNotNil((step["headers"] as? [String: Any])?["Retry-After"], "\(step)")
                } else if step["status"] as? Int == 200 {
                    succeeded += 1
                }
            }
        }
        XCTAssertGreaterThan(throttled, 0)
        XCTAssertGreaterThan(succeeded, 0)
    }
}
