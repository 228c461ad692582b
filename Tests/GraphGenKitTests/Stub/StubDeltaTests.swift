import Foundation
import XCTest
@testable import GraphGenKit

final class StubDeltaTests: XCTestCase {
    typealias Notes = StubNotesService

    func ids(_ answer: Notes.Answer) -> [String] { (answer.json["value"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }

    /// Follows next links to the delta link; the ids seen and the delta link.
    func round(_ stub: StubService, from target: String) throws -> (ids: [String], removed: [String], deltaLink: String) {
        var target = target, seen: [String] = [], removed: [String] = []
        for _ in 0..<100 {
            let answer = Notes.send(stub, "GET", target)
            XCTAssertEqual(answer.status, 200, "\(answer.json)")
            for item in answer.json["value"] as? [[String: Any]] ?? [] {
                if item["@removed"] != nil { removed.append(item["id"] as? String ?? "") } else { seen.append(item["id"] as? String ?? "") }
            }
            if let next = answer.json["@odata.nextLink"] as? String { target = Notes.local(next); continue }
            return (seen, removed, try XCTUnwrap(answer.json["@odata.deltaLink"] as? String))
        }
        throw XCTSkip("no delta link after 100 pages")
    }

    func testRoundsGiveEverythingThenOnlyChanges() throws {
        let stub = try Notes.service { $0.pageSize = 2 }
        let made = (0..<5).compactMap { Notes.send(stub, "POST", "/v1.0/notes", #"{"title": "n\#($0)"}"#).json["id"] as? String }
        XCTAssertEqual(made.count, 5)
        let first = try round(stub, from: "/v1.0/notes/delta()")
        XCTAssertEqual(first.ids, made, "the first round lists every item, over three pages")

        XCTAssertEqual(Notes.send(stub, "PATCH", "/v1.0/notes/\(made[1])", #"{"title": "changed"}"#).status, 200)
        XCTAssertEqual(Notes.send(stub, "DELETE", "/v1.0/notes/\(made[3])").status, 204)
        let added = try XCTUnwrap(Notes.send(stub, "POST", "/v1.0/notes", #"{"title": "new"}"#).json["id"] as? String)
        let second = try round(stub, from: Notes.local(first.deltaLink))
        XCTAssertEqual(second.ids, [made[1], added])
        XCTAssertEqual(second.removed, [made[3]])

        let third = try round(stub, from: Notes.local(second.deltaLink))
        XCTAssertEqual(third.ids + third.removed, [], "nothing changed since")
    }

    func testTokensNotGivenAreRefused() throws {
        let stub = try Notes.service()
        XCTAssertEqual(Notes.send(stub, "GET", "/v1.0/notes/delta()?$deltatoken=99").status, 400)
        XCTAssertEqual(Notes.send(stub, "GET", "/v1.0/notes/delta()?$deltatoken=-1").status, 400)
        XCTAssertEqual(Notes.send(stub, "GET", "/v1.0/notes/delta()?$skiptoken=0.9223372036854775807.0").status, 400)
        XCTAssertEqual(Notes.send(stub, "GET", "/v1.0/notes/delta()?$skiptoken=x").status, 400)
        XCTAssertEqual(Notes.send(stub, "GET", "/v1.0/notes/delta()?$skiptoken=.0.9223372036854775807").status, 200, "an offset past the end is an empty last page")
    }
}
