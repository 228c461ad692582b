import XCTest
@testable import GraphGenKit

final class PathTemplateTests: XCTestCase {
    func testParsesKeysInBracesAndParentheses() {
        XCTAssertEqual(PathTemplate(parsing: "/shelves/{shelfId}/books").description, "/shelves/{shelfId}/books")
        XCTAssertEqual(PathTemplate(parsing: "/shelves('7')/books?$top=2").description, "/shelves/{7}/books")
    }

    func testAcceptsFilledInParameters() {
        let template = PathTemplate(parsing: "/library/shelves/{shelfId}/restock")
        XCTAssertTrue(template.accepts(PathTemplate(parsing: "/library/shelves/7/restock")))
        XCTAssertTrue(template.accepts(PathTemplate(parsing: "/library/shelves/{id}/restock")))
        XCTAssertFalse(template.accepts(PathTemplate(parsing: "/library/shelves/7/empty")), "literals must match")
        XCTAssertFalse(template.accepts(PathTemplate(parsing: "/library/shelves/7")), "lengths must match")
    }

    /// Graph writes a key that can be given two ways as `{id | userPrincipalName}` or `{id}|{userPrincipalName}`.
    func testKeyAlternativesAreOneParameter() {
        for text in ["/users/{id | userPrincipalName}/messages", "/users/{id}|{userPrincipalName}/messages", "/users/{id|userPrincipalName}/messages"] {
            XCTAssertEqual(PathTemplate(parsing: text).segments, [.literal("users"), .parameter("id"), .literal("messages")], text)
        }
        XCTAssertEqual(HTTPBlockParser.requestWords("GET /users/{id | userPrincipalName}/messages?$top=2 HTTP/1.1"),
                       ["GET", "/users/{id|userPrincipalName}/messages?$top=2", "HTTP/1.1"])
    }
}
