import Foundation
import XCTest
@testable import GraphGenKit

/// Real v1.0 pages of the Intune app area against the imported Graph v1.0 metadata (the check Graph's docs team
/// runs against the metadata): every finding is a disagreement between page and metadata, none comes from
/// derived types being checked as their base.
final class MetadataDriftTests: XCTestCase {
    func testV1PagesAgainstImportedMetadata() throws {
        let shared = TestPaths.repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
        let csdl = shared.appendingPathComponent("csdl/graph-v1.0.csdl").path
        let pages = shared.appendingPathComponent("corpus/graph-docs-v1.0/api-reference/v1.0").path
        guard FileManager.default.fileExists(atPath: csdl), FileManager.default.fileExists(atPath: pages) else {
            throw XCTSkip("../shared/csdl and ../shared/corpus are not beside this clone")
        }
        var options = SchemaImportOptions()
        options.include = ["/deviceAppManagement/**"]
        options.withDerived = true
        let outcome = try ImportRun.run(csdlPath: csdl, options: options)
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schemaPath = folder.appendingPathComponent("imported.yaml").path
        try outcome.yaml.write(toFile: schemaPath, atomically: true, encoding: .utf8)
        let loaded = try ModelLoader.loadWithPages(schemaPath: schemaPath, pagePaths: [pages], root: shared.path)
        let findings = DriftCheck().run(loaded.model, pages: loaded.pages).findings
        let counts = Dictionary(grouping: findings, by: \.rule.rawValue).mapValues(\.count)
        XCTAssertEqual(counts, ["example-odata-type": 56, "example-value-wrapper": 4, "property-missing": 1, "operation-undeclared": 3],
                       findings.map { "\($0.location): \($0.message) [\($0.rule.rawValue)]" }.joined(separator: "\n"))
        XCTAssertTrue(findings.filter { $0.rule == .exampleODataType }.allSatisfy { $0.message.contains("lacks the leading '#'") })
        XCTAssertEqual(Set(findings.filter { $0.rule == .propertyMissing }.map(\.message)),
                       ["the property table of win32LobApp has no row for 'allowedArchitectures', which the schema declares as windowsArchitecture"])
        let model = try ModelLoader.load(schemaPath: schemaPath, pagePaths: [pages], root: shared.path)
        let assign = model.operations.first { $0.path.description == "/deviceAppManagement/mobileApps/{mobileAppId}/assign" }
        XCTAssertEqual(assign?.kind, .action, "the action page documents the imported action")
        XCTAssertEqual(assign?.call?.parameters.map(\.name), ["mobileAppAssignments"])
        XCTAssertEqual(assign?.examples.count, 1)
    }
}
