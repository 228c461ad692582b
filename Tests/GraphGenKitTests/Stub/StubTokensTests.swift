import Foundation
import XCTest
@testable import GraphGenKit

final class StubTokensTests: XCTestCase {
    typealias Notes = StubNotesService

    func token(_ stub: StubService, _ form: String) -> Notes.Answer {
        Notes.send(stub, "POST", "/tenant-1/oauth2/v2.0/token", form, headers: ["content-type": "application/x-www-form-urlencoded", "authorization": ""])
    }

    func testClientCredentialsTokensAreRequiredAndExpire() throws {
        let clock = Notes.Clock()
        let stub = try Notes.service(clock: clock) { $0.clientID = "app"; $0.clientSecret = "s3cr3t&="; $0.tokenLifetime = 600 }
        XCTAssertEqual(Notes.send(stub, "GET", "/v1.0/notes").status, 401, "a token not issued here")
        XCTAssertEqual(token(stub, "grant_type=client_credentials&client_id=app&client_secret=wrong").json["error"] as? String, "invalid_client")
        XCTAssertEqual(token(stub, "grant_type=password&client_id=app&client_secret=s3cr3t%26%3D").json["error"] as? String, "unsupported_grant_type")
        let issued = token(stub, "grant_type=client_credentials&client_id=app&client_secret=s3cr3t%26%3D&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default")
        XCTAssertEqual(issued.status, 200, "\(issued.json)")
        XCTAssertEqual(issued.json["expires_in"] as? Int, 600)
        let value = try XCTUnwrap(issued.json["access_token"] as? String)
        XCTAssertEqual(Notes.send(stub, "GET", "/v1.0/notes", headers: ["authorization": "Bearer \(value)"]).status, 200)
        clock.advance(601)
        let expired = Notes.send(stub, "GET", "/v1.0/notes", headers: ["authorization": "Bearer \(value)"])
        XCTAssertEqual(expired.status, 401)
        XCTAssertEqual(expired.header("WWW-Authenticate"), #"Bearer error="invalid_token""#)
    }

    func testWithoutCredentialsThereIsNoTokenEndpoint() throws {
        let stub = try Notes.service()
        XCTAssertEqual(token(stub, "grant_type=client_credentials&client_id=a&client_secret=b").status, 404)
        XCTAssertEqual(Notes.send(stub, "GET", "/v1.0/notes").status, 200, "any token, as before")
    }
}
