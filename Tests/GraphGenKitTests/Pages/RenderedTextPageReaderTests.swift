import XCTest
@testable import GraphGenKit

final class RenderedTextPageReaderTests: XCTestCase {
    func testCreatePageInRenderedForm() throws {
        let page = try PageReader.read(path: try TestPaths.seed("000"), displayPath: "000.txt").page
        XCTAssertEqual(page.format, .renderedText)
        XCTAssertEqual(page.title?.value, "Create mobileAppInstallStatus")
        XCTAssertEqual(page.operationKind?.value, .create)
        XCTAssertEqual(page.permissions.map(\.type), ["Delegated (work or school account)", "Delegated (personal Microsoft account)", "Application"])
        XCTAssertEqual(page.permissions[0].scopes, ["DeviceManagementApps.ReadWrite.All"])
        XCTAssertTrue(page.permissions[1].notSupported)
        XCTAssertEqual(page.httpRequests.map(\.location.line), [22, 23])
        XCTAssertEqual(page.requestHeaders.map(\.name), ["Authorization", "Accept"])
        XCTAssertEqual(page.properties.count, 13)
        XCTAssertEqual(page.properties.first { $0.name == "errorCode" }?.type, "Int32")
        XCTAssertEqual(page.properties.first { $0.name == "installStateDetail" }?.possibleValues.count, 36)
        XCTAssertEqual(page.properties.first { $0.name == "installStateDetail" }?.location.line, 44)
        XCTAssertEqual(page.response?.statusCode, 201)
        XCTAssertEqual(page.requestBodyType?.value, "mobileAppInstallStatus")
        let example = try XCTUnwrap(page.examples.first)
        XCTAssertEqual(example.request?.location.line, 62)
        XCTAssertEqual(example.request?.body?["lastSyncDateTime"]?.string, "2017-01-01T00:02:49.3205976-08:00")
        XCTAssertEqual(example.request?.body?["errorCode"]?.value, .number("9"))
        XCTAssertEqual(example.response?.statusCode, 201)
        XCTAssertEqual(example.response?.headers.map(\.name), ["Content-Type", "Content-Length"])
        XCTAssertEqual(example.response?.body?["id"]?.location.line, 92)
    }

    func testBothFormsGiveTheSameTableForTheSameOperation() throws {
        let text = try PageReader.read(path: try TestPaths.seed("001"), displayPath: "001.txt").page
        XCTAssertEqual(text.properties.map(\.name), ["id", "userName", "userPrincipalName", "installedDeviceCount", "failedDeviceCount", "notInstalledDeviceCount"])
        XCTAssertEqual(text.properties.map(\.type), ["String", "String", "String", "Int32", "Int32", "Int32"])
        XCTAssertEqual(text.examples.first?.response?.body?["installedDeviceCount"]?.value, .number("4"))
    }

    func testUnclosedJSONBodyIsALocatedError() {
        let text = "Create widget\n\nHTTP Request\n\nPOST /things\n\nExample\n\nRequest\n\nPOST https://graph.microsoft.com/beta/things\n\n{\n  \"a\": 1\n"
        XCTAssertThrowsError(try PageReader.read(text: text, file: "w.txt")) { error in
            XCTAssertEqual((error as? DiagnosticError)?.description, "w.txt:13:1: error: invalid JSON: the example body never closes [example-json]")
        }
    }
}
