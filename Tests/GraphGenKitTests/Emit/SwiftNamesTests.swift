import XCTest
@testable import GraphGenKit

final class SwiftNamesTests: XCTestCase {
    func testTypeNames() {
        XCTAssertEqual(SwiftNames.typeName("mobileAppInstallStatus"), "MobileAppInstallStatus")
        XCTAssertEqual(SwiftNames.typeName("date"), "DateModel")
        XCTAssertEqual(SwiftNames.typeName("2fa-method"), "_2faMethod")
        XCTAssertEqual(SwiftNames.typeName("self"), "SelfModel")
        XCTAssertEqual(["gzip", "logger", "compressionMiddleware", "asyncHTTPClientTransport"].map(SwiftNames.typeName), ["GzipModel", "LoggerModel", "CompressionMiddlewareModel", "AsyncHTTPClientTransportModel"], "runtime types, optional parts included")
        XCTAssertEqual(SwiftNames.typeName("_internal"), "_internal")
        // Names that are not one ASCII word split at every character that is not a letter, digit or underscore.
        XCTAssertEqual(SwiftNames.typeName("café menu"), "CaféMenu")
        XCTAssertEqual(SwiftNames.typeName("élan"), "Élan")
        XCTAssertEqual(SwiftNames.typeName("--"), "Unnamed")
    }

    func testMemberNames() {
        XCTAssertEqual(SwiftNames.memberName("default"), "`default`")
        XCTAssertEqual(SwiftNames.memberName("self"), "self_")
        XCTAssertEqual(SwiftNames.memberName("foo-bar"), "fooBar")
        XCTAssertEqual(SwiftNames.memberName("2tone"), "_2tone")
        XCTAssertEqual(SwiftNames.memberName("DisplayName"), "displayName")
        XCTAssertEqual(SwiftNames.memberName("Ünit price"), "ünitPrice")
        XCTAssertEqual(SwiftNames.uniqueMemberNames(["default", "default"], reserved: []), ["`default`", "default2"])
        XCTAssertEqual(SwiftNames.uniqueMemberNames(["fooBar", "foo-bar", "odataType"], reserved: ["odataType"]), ["fooBar", "fooBar2", "odataType2"])
    }

    func testRawLiteralOutlastsHashesInTheText() {
        XCTAssertEqual(SwiftText.rawMultilineLiteral("a\"#b", indent: 2), "##\"\"\"\n  a\"#b\n  \"\"\"##")
    }
}
