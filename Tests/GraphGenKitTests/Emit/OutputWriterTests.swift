import Foundation
import XCTest
@testable import GraphGenKit

final class OutputWriterTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws { folder = try TestPaths.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testWritesOnlyChangesAndRemovesOnlyStaleOwnedFiles() throws {
        let path = folder.path
        try OutputWriter(folder: path, files: [GeneratedFile(path: "A.swift", contents: "a\n"), GeneratedFile(path: "B.swift", contents: "b\n")]).write()
        try "mine\n".write(to: folder.appendingPathComponent("Keep.swift"), atomically: true, encoding: .utf8)
        let before = try FileManager.default.attributesOfItem(atPath: path + "/A.swift")[.modificationDate] as? Date
        let plan = try OutputWriter(folder: path, files: [GeneratedFile(path: "A.swift", contents: "a\n"), GeneratedFile(path: "C.swift", contents: "c\n")]).write()
        XCTAssertEqual(plan.added, ["C.swift"])
        XCTAssertEqual(plan.removed, ["B.swift"])
        XCTAssertEqual(plan.changed, [".graphgen-manifest"])
        XCTAssertEqual(plan.unchanged, ["A.swift"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "/B.swift"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + "/Keep.swift"))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path + "/A.swift")[.modificationDate] as? Date, before)
    }

    func testDiffShowsTheChange() throws {
        try OutputWriter(folder: folder.path, files: [GeneratedFile(path: "A.swift", contents: "one\ntwo\n")]).write()
        let diff = OutputWriter(folder: folder.path, files: [GeneratedFile(path: "A.swift", contents: "one\n2\n")]).diff()
        XCTAssertEqual(diff, "--- a/A.swift\n+++ b/A.swift\n@@ -1,3 +1,3 @@\n one\n-two\n+2\n \n")
    }

    func testUnwritableOutputLeavesNothingBehind() throws {
        let blocker = folder.appendingPathComponent("Sources")
        try "not a folder\n".write(to: blocker, atomically: true, encoding: .utf8)
        let writer = OutputWriter(folder: folder.path, files: [GeneratedFile(path: "Z.swift", contents: "z\n"), GeneratedFile(path: "Sources/A.swift", contents: "a\n")])
        XCTAssertThrowsError(try writer.write()) { error in
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics.first?.ruleID, "output-unwritable")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(left, ["Sources"], "staged files must be cleaned up")
    }
}
