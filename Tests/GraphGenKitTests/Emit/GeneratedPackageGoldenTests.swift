import Foundation
import XCTest
@testable import GraphGenKit

/// The checked-in Generated/ package must be exactly what the generator makes from the repo's config.
/// To update it: `swift run graphgen generate` (or `RECORD_GOLDENS=1 swift test --filter GeneratedPackageGoldenTests`).
final class GeneratedPackageGoldenTests: XCTestCase {
    func testCheckedInPackageIsCurrent() throws {
        let root = TestPaths.repoRoot.path
        let config = try GraphGenConfig.load(path: root + "/graphgen.yaml", displayPath: "graphgen.yaml")
        let schema = try XCTUnwrap(config.schema)
        let model = try ModelLoader.load(schemaPath: schema, pagePaths: config.pages, root: root)
        let files = try Generator.render(model: model, templatesOverride: config.templates, module: config.module, accessLevel: config.accessLevel)
        try GoldenFiles.assertMatches(files, expectedFolder: try XCTUnwrap(config.output))
        XCTAssertEqual(files.filter { $0.path.hasPrefix("Tests/") && $0.path.contains("/ExampleTests+") }.map { $0.contents.components(separatedBy: "    func test_").count - 1 }.reduce(0, +), 10,
                       "one test per example body in the five seed pages")
    }
}
