import Foundation
import XCTest
@testable import GraphGenKit

/// Whole-output goldens for odd cases (keywords, clashes, enum collections, complex types, unknown enum values).
final class EmitterGoldenTests: XCTestCase {
    func testOddNamesPackage() throws {
        let folder = TestPaths.repoRoot.appendingPathComponent("Tests/GraphGenKitTests/Fixtures/golden/odd-names").path
        let model = try ModelLoader.load(schemaPath: folder + "/schema.yaml", pagePaths: [folder + "/pages"])
        let files = try Generator.render(model: model, templatesOverride: nil, module: nil, accessLevel: nil)
        try GoldenFiles.assertMatches(files, expectedFolder: folder + "/expected")
    }

    func testRenderingTwiceGivesTheSameBytes() throws {
        let model = try ModelLoader.load(schemaPath: TestPaths.schema, pagePaths: [TestPaths.seedPages])
        let first = try Generator.render(model: model, templatesOverride: nil, module: nil, accessLevel: nil)
        let second = try Generator.render(model: model, templatesOverride: nil, module: nil, accessLevel: nil)
        XCTAssertEqual(first, second)
        XCTAssertFalse(first.contains { $0.contents.contains("/work/") || $0.contents.contains(NSHomeDirectory()) && NSHomeDirectory() != "/" })
    }
}
