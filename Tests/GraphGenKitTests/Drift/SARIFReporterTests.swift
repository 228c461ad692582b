import Foundation
import XCTest
@testable import GraphGenKit

/// The SARIF details that a JSON-schema check alone does not pin down.
final class SARIFReporterTests: XCTestCase {
    func testPathsBecomeURIReferences() {
        XCTAssertEqual(SARIFReporter.uriReference(forPath: "schemas/pages/a.md"), "schemas/pages/a.md")
        XCTAssertEqual(SARIFReporter.uriReference(forPath: "my pages/Café #1.md"), "my%20pages/Caf%C3%A9%20%231.md")
        XCTAssertEqual(SARIFReporter.uriReference(forPath: "/work/docs/a b.md"), "file:///work/docs/a%20b.md")
        XCTAssertEqual(SARIFReporter.uriReference(forPath: "../shared/x.md"), "../shared/x.md")
        XCTAssertEqual(SARIFReporter.uriReference(forPath: "c:notes.md"), "./c:notes.md", "a first segment with ':' must not read as a scheme")
        XCTAssertEqual(SARIFReporter.uriReference(forPath: "100%.md"), "100%25.md")
    }

    func testBracketsInMessagesAreNotLinks() {
        XCTAssertEqual(SARIFReporter.escapedText("lists [a](b) and ]"), "lists \\[a\\](b) and \\]")
    }

    func testResultsLinkTheOtherSideAndCarryStableFingerprints() throws {
        let finding = DriftFinding(rule: .propertyType, message: "the page types 'x' as 'Int64', the schema as 'Int32'",
                                   location: SourceLocation(file: "p.md", line: 12, column: 3), related: SourceLocation(file: "s.yaml", line: 4, column: 5), hint: "write Int32")
        var moved = finding
        moved.location.line = 40
        let first = try result(of: finding), second = try result(of: moved)

        XCTAssertEqual(first["ruleId"] as? String, "property-type")
        XCTAssertEqual(first["level"] as? String, "error")
        XCTAssertEqual((first["message"] as? [String: Any])?["text"] as? String,
                       "the page types 'x' as 'Int64', the schema as 'Int32'. The other side: [s.yaml:4:5](1). Hint: write Int32")
        let related = try XCTUnwrap((first["relatedLocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(related["id"] as? Int, 1)
        let fingerprint = (first["partialFingerprints"] as? [String: String])?["graphgenFinding/v1"]
        XCTAssertEqual(fingerprint?.count, 16)
        XCTAssertEqual(fingerprint, (second["partialFingerprints"] as? [String: String])?["graphgenFinding/v1"], "a moved line keeps its fingerprint")
        XCTAssertNotEqual(fingerprint, SARIFReporter.fingerprintHash("property-type|p.md|another message"))
    }

    func testRunDeclaresEveryRuleAndItsColumnKind() throws {
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(SARIFReporter.render([]).utf8)) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual(run["columnKind"] as? String, "unicodeCodePoints")
        XCTAssertEqual((run["results"] as? [Any])?.count, 0)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual((driver["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, DriftRuleID.allCases.sorted().map(\.rawValue))
        XCTAssertEqual(driver["semanticVersion"] as? String, GraphGenVersion.current)
    }

    private func result(of finding: DriftFinding) throws -> [String: Any] {
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(SARIFReporter.render([finding]).utf8)) as? [String: Any])
        return try XCTUnwrap(((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
    }
}
