import Foundation
import XCTest
@testable import GraphGenKit

final class SchemaInferenceTests: XCTestCase {
    func seedPages() throws -> [APIPage] {
        try ModelLoader.pageFiles([TestPaths.seedPages]).map { try PageReader.read(path: $0, displayPath: $0).page }
    }

    func testSeedPagesGiveAValidSchema() throws {
        let inferred = SchemaInference(pages: try seedPages(), options: .init(module: "Seeds")).infer()
        let schema = try SchemaDecoder.decode(inferred.yaml, file: "inferred.yaml")
        XCTAssertEqual(schema.namespace, "microsoft.graph")
        XCTAssertEqual(schema.baseURL, "https://graph.microsoft.com")
        XCTAssertEqual(schema.apiVersion, "beta")
        XCTAssertEqual(schema.entity(named: "mobileAppInstallStatus")?.properties.count, 12, "13 with id, which the base declares")
        XCTAssertEqual(schema.entity(named: "userAppInstallStatus")?.properties.count, 5)
        XCTAssertEqual(schema.entity(named: "mobileAppInstallStatus")?.properties.first { $0.name == "installStateDetail" }?.type, .enumeration("resultantAppStateDetail"))
        XCTAssertEqual(schema.enumeration(named: "resultantAppState")?.members.count, 7)
        XCTAssertEqual(schema.enumeration(named: "resultantAppStateDetail")?.members.count, 36, "the longest list wins")
        XCTAssertEqual(schema.root.map(\.name), ["deviceAppManagement"])
        let user = try XCTUnwrap(schema.entity(named: "userAppInstallStatus"))
        XCTAssertEqual(user.navigation.first { $0.name == "deviceStatuses" }?.operations.map(\.value), [.create, .update, .addReference])
        let model = ModelBuilder.build(schema: schema, pages: try seedPages())
        XCTAssertTrue(model.operations.allSatisfy(\.pathIsNavigable), "every seed path walks the inferred navigation")
    }

    func testMergeReportsConflictsAndAdditions() throws {
        var schemaText = try String(contentsOfFile: TestPaths.schema, encoding: .utf8)
        schemaText = schemaText.replacingOccurrences(of: "{ name: errorCode, type: Int32,", with: "{ name: errorCode, type: Int64,")
            .replacingOccurrences(of: "      - { name: displayVersion, type: String, description: Human readable version of the application }\n", with: "")
        let existing = try SchemaDecoder.decode(schemaText, file: "s.yaml")
        let inferred = try SchemaDecoder.decode(SchemaInference(pages: try seedPages()).infer().yaml, file: "i.yaml")
        let report = SchemaMerge.compare(inferred: inferred, existing: existing)
        XCTAssertEqual(report.conflicts.count, 1)
        XCTAssertTrue(report.conflicts[0].hasPrefix("mobileAppInstallStatus.errorCode is Int64 in the schema (s.yaml:"), report.conflicts[0])
        XCTAssertTrue(report.additions.contains("property mobileAppInstallStatus.displayVersion: String"), report.text)
    }
}
