import Foundation
@testable import GraphGenKit
import XCTest

final class BundleFileTests: XCTestCase {
    private func seedFiles() throws -> [GeneratedFile] {
        let model = try ModelLoader.load(schemaPath: TestPaths.schema, pagePaths: [TestPaths.seedPages], root: TestPaths.repoRoot.path)
        return try Generator.render(model: model, templatesOverride: nil, module: nil, accessLevel: nil)
    }

    private func sections(_ bundle: String) -> [String] {
        bundle.split(separator: "\n").filter { $0.hasPrefix("// MARK: - ") }.map { String($0.dropFirst("// MARK: - ".count)) }
    }

    /// Spread over eight files, every library file is in exactly one of them, with the same text as in one file.
    func testEveryLibraryFileGoesIntoExactlyOneBundle() throws {
        let files = try seedFiles()
        let whole = BundleFile.contents(of: files)
        let bundles = (0..<8).map { BundleFile.contents(of: files, index: $0, count: 8) }
        let spread = bundles.flatMap(sections)
        XCTAssertEqual(spread.sorted(), sections(whole).sorted())
        XCTAssertEqual(Set(spread).count, spread.count, "a file in two bundles")
        XCTAssertGreaterThan(sections(whole).count, 8)
        XCTAssertGreaterThan(bundles.filter { !sections($0).isEmpty }.count, 4, "the files are spread, not piled into one")
        XCTAssertFalse(sections(whole).contains { $0.hasPrefix("Tests") || !$0.hasSuffix(".swift") }, "library sources only")
        // Each file's text is the same wherever it goes: the bundles' bodies add up to the whole one's.
        let header = SwiftEmitter.header + "\n"
        XCTAssertEqual(bundles.map { $0.dropFirst(header.count).count }.reduce(0, +), whole.dropFirst(header.count).count)
    }

    /// A change to one library file rewrites only the bundle it is in.
    func testAChangeRewritesOnlyItsBundle() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = (0..<8).map { folder.appendingPathComponent("GraphGenerated\($0).swift").path }
        var files = try seedFiles()
        XCTAssertEqual(try BundleFile.write(files, to: paths), 8)
        XCTAssertEqual(try BundleFile.write(files, to: paths), 0, "unchanged inputs write nothing")
        let index = try XCTUnwrap(files.firstIndex { $0.path.hasPrefix("Sources/") && $0.path.contains("/Models/") })
        files[index].contents += "\n// changed\n"
        XCTAssertEqual(try BundleFile.write(files, to: paths), 1)
        let changed = try paths.filter { try String(contentsOfFile: $0, encoding: .utf8).contains("// changed") }
        XCTAssertEqual(changed, [paths[BundleFile.bundle(of: files[index].path, count: 8)]])
    }
}
