import XCTest
@testable import GraphGenKit

final class HTTPBlockParserTests: XCTestCase {
    private func parse(_ text: String, line: Int = 10) throws -> (HTTPBlockParser.Parsed?, [Diagnostic]) {
        var diagnostics = DiagnosticCollector()
        let code = PageCode(info: "http", text: text, location: SourceLocation(file: "p.md", line: line, column: 1), annotation: nil)
        let parsed = try HTTPBlockParser.parse(code, diagnostics: &diagnostics)
        return (parsed, diagnostics.diagnostics)
    }

    func testARequestHasMethodVersionPathQueryHeadersAndBody() throws {
        let (parsed, warnings) = try parse("post https://graph.microsoft.com/v1.0/users/{id}/events?$top=2\nContent-Type: application/json\n\n{\n  \"a\": 1\n}\n")
        guard case .request(let request)? = parsed else { return XCTFail("not a request") }
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.version, "v1.0")
        XCTAssertEqual(request.path.description, "/users/{id}/events")
        XCTAssertEqual(request.query, "$top=2")
        XCTAssertEqual(request.headers.map { "\($0.name)=\($0.value)" }, ["Content-Type=application/json"])
        XCTAssertEqual(request.bodyText, "{\n  \"a\": 1\n}")
        XCTAssertEqual(request.body?.location.line, 13, "the body is located where the page has it")
        XCTAssertEqual(request.location.line, 10)
        XCTAssertEqual(warnings, [])
    }

    func testAResponseHasItsStatusAndReason() throws {
        let (parsed, _) = try parse("HTTP/1.1 201 Created\nContent-Type: application/json\n\n{\"id\": \"1\"}")
        guard case .response(let response)? = parsed else { return XCTFail("not a response") }
        XCTAssertEqual(response.statusCode, 201)
        XCTAssertEqual(response.reason, "Created")
        XCTAssertEqual(response.body?["id"]?.string, "1")
    }

    /// `HTTP 201 Created` is a response without its version: read as one, and said.
    func testAStatusLineWithoutItsVersionIsAResponse() throws {
        let (parsed, warnings) = try parse("HTTP 201 Created\nContent-Type: application/json\n\n{\"id\": \"1\"}")
        guard case .response(let response)? = parsed else { return XCTFail("not a response") }
        XCTAssertEqual(response.statusCode, 201)
        XCTAssertEqual(warnings.map(\.ruleID), ["example-syntax"])
        XCTAssertFalse(HTTPBlockParser.isStatusLine("HTTPS /things"))
    }

    func testBadLinesAreLocated() throws {
        XCTAssertThrowsError(try parse("HTTP/1.1 Created")) { error in
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics.first?.description, "p.md:10:1: error: status line 'HTTP/1.1 Created' has no status code [example-syntax]")
        }
        XCTAssertThrowsError(try parse("\n  GET")) { error in
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics.first?.location?.line, 11)
        }
        let (_, warnings) = try parse("GET /me\nnot a header\n")
        XCTAssertEqual(warnings.map(\.description), ["p.md:11:1: warning: line in HTTP example is neither a header nor a JSON body: 'not a header' [example-syntax]"])
        XCTAssertNil(try parse("\n \n").0, "an empty block is no example")
    }

    func testVersionSegmentsOfOtherAPIsAreRecognised() {
        XCTAssertEqual(HTTPBlockParser.splitURL("https://api.example.com/v2/things/1").version, "v2")
        XCTAssertEqual(HTTPBlockParser.splitURL("/beta/me").path, "/me")
        XCTAssertNil(HTTPBlockParser.splitURL("/vendors/1").version)
        let split = HTTPBlockParser.splitURL("/v1.1/a?x=1")
        XCTAssertEqual([split.version, split.path, split.query], ["v1.1", "/a", "x=1"])
    }

    func testAURLInTheQueryIsNotTheTarget() {
        let split = HTTPBlockParser.splitURL("/groups/{id}/acceptedSenders/$ref?$id=https://graph.microsoft.com/v1.0/users/{userId}")
        XCTAssertEqual(split.path, "/groups/{id}/acceptedSenders/$ref")
        XCTAssertEqual(split.query, "$id=https://graph.microsoft.com/v1.0/users/{userId}")
        XCTAssertEqual(HTTPBlockParser.splitURL("https://graph.microsoft.com/v1.0/me/events?$top=1").path, "/me/events")
    }
}
