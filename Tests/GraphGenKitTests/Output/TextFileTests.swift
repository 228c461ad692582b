import Foundation
@testable import GraphGenKit
import XCTest

final class TextFileTests: XCTestCase {
    func testWritesOnlyWhenTheBytesDifferAndCreatesFolders() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a/b/schema.yaml").path
        XCTAssertTrue(try TextFile.write("one\n", to: path))
        XCTAssertFalse(try TextFile.write("one\n", to: path), "the same bytes are not written again")
        XCTAssertTrue(try TextFile.write("two\n", to: path))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "two\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("a/b").path), ["schema.yaml"],
                       "no temporary file is left beside it")
    }

    func testAnUnwritablePathIsALocatedError() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        XCTAssertThrowsError(try TextFile.write("y", to: file.path + "/below")) { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostics.first
            XCTAssertEqual(diagnostic?.ruleID, "output-unwritable")
            XCTAssertEqual(diagnostic?.location?.line, 1)
        }
    }
}
