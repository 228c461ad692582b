import Foundation
import XCTest
@testable import GraphGenKit

final class StubUploadsTests: XCTestCase {
    typealias Notes = StubNotesService

    func testSlicesInOrderFinishTheUpload() throws {
        let clock = Notes.Clock()
        let stub = try Notes.service(clock: clock)
        let note = try XCTUnwrap(Notes.send(stub, "POST", "/v1.0/notes", #"{"title": "file"}"#).json["id"] as? String)
        let session = Notes.send(stub, "POST", "/v1.0/notes/\(note)/createUploadSession", "{}")
        XCTAssertEqual(session.status, 200, "\(session.json)")
        XCTAssertEqual(session.json["nextExpectedRanges"] as? [String], ["0-"])
        let upload = Notes.local(try XCTUnwrap(session.json["uploadUrl"] as? String))
        XCTAssertTrue(upload.hasPrefix("/_upload/"), upload)

        let bytes = (0..<1000).map { UInt8($0 % 251) }
        let first = Notes.send(stub, "PUT", upload, Array(bytes[0..<400]), headers: ["content-range": "bytes 0-399/1000", "authorization": ""])
        XCTAssertEqual(first.status, 202, "no token is needed at the upload URL")
        XCTAssertEqual(first.json["nextExpectedRanges"] as? [String], ["400-"])
        let skipped = Notes.send(stub, "PUT", upload, Array(bytes[600..<1000]), headers: ["content-range": "bytes 600-999/1000"])
        XCTAssertEqual(skipped.status, 416, "a range that leaves a gap")
        XCTAssertEqual(skipped.json["nextExpectedRanges"] as? [String], ["400-"])
        XCTAssertEqual(Notes.send(stub, "PUT", upload, Array(bytes[400..<500]), headers: ["content-range": "bytes 400-599/1000"]).status, 416, "length and range disagree")
        XCTAssertEqual(Notes.send(stub, "PUT", upload, Array(bytes[400..<500]), headers: ["content-range": "bytes 400-499"]).status, 400)
        XCTAssertEqual(Notes.send(stub, "GET", upload).json["nextExpectedRanges"] as? [String], ["400-"])

        let last = Notes.send(stub, "PUT", upload, Array(bytes[400..<1000]), headers: ["content-range": "bytes 400-999/1000"])
        XCTAssertEqual(last.status, 201, "\(last.json)")
        XCTAssertEqual(last.json["id"] as? String, note)
        XCTAssertEqual(last.json["size"] as? Int, 1000)
        XCTAssertEqual(last.header("Location"), "http://127.0.0.1:9/v1.0/notes/\(note)")
        XCTAssertEqual(Notes.send(stub, "GET", upload).status, 404, "a finished session is gone")

        let traffic = Notes.send(stub, "GET", StubTraffic.path, headers: ["authorization": ""]).json
        let uploads = try XCTUnwrap(traffic["uploads"] as? [[String: Any]])
        var digest = FNV1a()
        digest.add(bytes)
        XCTAssertEqual(uploads.first?["fnv1a64"] as? String, digest.hex)
        XCTAssertEqual(uploads.first?["bytes"] as? Int, 1000)
        XCTAssertEqual(uploads.first?["owner"] as? String, "/notes/\(note)")
    }

    func testSessionsCanBeCancelledAndExpire() throws {
        let clock = Notes.Clock()
        let stub = try Notes.service(clock: clock) { $0.uploadSessionLifetime = 60 }
        let note = try XCTUnwrap(Notes.send(stub, "POST", "/v1.0/notes", "{}").json["id"] as? String)
        func open() throws -> String {
            Notes.local(try XCTUnwrap(Notes.send(stub, "POST", "/v1.0/notes/\(note)/createUploadSession", "{}").json["uploadUrl"] as? String))
        }
        let cancelled = try open()
        XCTAssertEqual(Notes.send(stub, "DELETE", cancelled).status, 204)
        XCTAssertEqual(Notes.send(stub, "PUT", cancelled, [1], headers: ["content-range": "bytes 0-0/1"]).status, 404)
        let expiring = try open()
        clock.advance(61)
        XCTAssertEqual(Notes.send(stub, "PUT", expiring, [1], headers: ["content-range": "bytes 0-0/1"]).status, 404)
        XCTAssertEqual(Notes.send(stub, "POST", "/v1.0/notes/missing/createUploadSession", "{}").status, 404, "the item must exist")
        XCTAssertNil(StubService.contentRange("bytes 5-4/10"))
        XCTAssertNil(StubService.contentRange("bytes 0-10/10"))
        XCTAssertNil(StubService.contentRange("bytes 0-9223372036854775808/1"))
    }
}
