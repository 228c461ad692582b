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
        let exampleTests = files.filter { $0.path.hasPrefix("Tests/") && $0.path.contains("/ExampleTests+") }.map(\.contents).joined()
        let tests = exampleTests.components(separatedBy: "    func test_").count - 1
        let repeats = exampleTests.components(separatedBy: "    /// Also shown at: ").count - 1
        XCTAssertEqual(tests + repeats, 10, "every example body in the five seed pages is checked")
        XCTAssertEqual(repeats, 2, "a body two pages show as the same type is checked by one test that names both")
    }
}
