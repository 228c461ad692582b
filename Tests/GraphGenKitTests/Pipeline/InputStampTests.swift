import Foundation
import XCTest
@testable import GraphGenKit

final class InputStampTests: XCTestCase {
    func testDigestFollowsContentsSettingsAndOrder() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.md").path, b = folder.appendingPathComponent("b.md").path
        try "ab".write(toFile: a, atomically: true, encoding: .utf8)
        try "c".write(toFile: b, atomically: true, encoding: .utf8)
        let stamp = InputStamp(files: [a, b], settings: ["Out"])
        XCTAssertEqual(stamp, InputStamp(files: [a, b], settings: ["Out"]), "same inputs, same digest")
        XCTAssertNotEqual(stamp, InputStamp(files: [b, a], settings: ["Out"]))
        XCTAssertNotEqual(stamp, InputStamp(files: [a, b], settings: ["Other"]))
        try "a".write(toFile: a, atomically: true, encoding: .utf8)
        try "bc".write(toFile: b, atomically: true, encoding: .utf8)
        XCTAssertNotEqual(stamp, InputStamp(files: [a, b], settings: ["Out"]), "moving a byte between files changes the digest")
    }

    func testCurrentOnlyWithItsDigestAndNoNewerOutput() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Out").path
        let writer = OutputWriter(folder: output, files: [GeneratedFile(path: "A.swift", contents: "a\n")])
        try writer.write()
        let stamp = InputStamp(files: [], settings: ["x"])
        XCTAssertFalse(stamp.isCurrent(in: output), "no stamp yet")
        try writer.write(stamp: stamp.text)
        XCTAssertTrue(stamp.isCurrent(in: output))
        XCTAssertFalse(InputStamp(files: [], settings: ["y"]).isCurrent(in: output))
        let later = Date().addingTimeInterval(5)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: output + "/A.swift")
        XCTAssertFalse(stamp.isCurrent(in: output), "an output touched after the stamp")
        try FileManager.default.removeItem(atPath: output + "/A.swift")
        XCTAssertFalse(stamp.isCurrent(in: output), "a missing output")
    }
}
