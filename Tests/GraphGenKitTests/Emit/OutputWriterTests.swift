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

    /// A forged manifest or journal, as a cloned repository can carry, never makes a run read, write or remove
    /// anything outside the folder: each entry that is not a plain file GraphGen wrote is reported and left alone.
    func testForgedBookkeepingNeverReachesOutside() throws {
        let manager = FileManager.default
        let outside = folder.appendingPathComponent("outside")
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        try "secret\n".write(to: outside.appendingPathComponent("keys"), atomically: true, encoding: .utf8)
        try "precious\n".write(to: outside.appendingPathComponent(".keys.graphgen-tmp"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        try manager.createDirectory(at: out, withIntermediateDirectories: true)
        try manager.createSymbolicLink(at: out.appendingPathComponent("lnk"), withDestinationURL: outside)
        try manager.createSymbolicLink(at: out.appendingPathComponent("file-link"), withDestinationURL: outside.appendingPathComponent("keys"))
        XCTAssertEqual(link(outside.appendingPathComponent("keys").path, out.appendingPathComponent("hard").path), 0)
        XCTAssertEqual(mkfifo(out.appendingPathComponent("fifo").path, 0o644), 0)
        var forged = ["lnk/keys", "file-link", "hard", "fifo", "/etc/passwd", "../outside/keys", "lnk/../../outside/keys"]
        if mknod(out.appendingPathComponent("device").path, S_IFCHR | 0o644, dev_t((1 << 8) | 3)) == 0 { forged.append("device") } // /dev/null's numbers; needs the right to make devices
        let listing = forged.joined(separator: "\n") + "\n"
        for bookkeeping in [OutputWriter.manifestName, OutputWriter.journalName] {
            try listing.write(to: out.appendingPathComponent(bookkeeping), atomically: true, encoding: .utf8)
            let writer = OutputWriter(folder: out.path, files: [GeneratedFile(path: "A.swift", contents: "a\n")])
            XCTAssertFalse(writer.diff().contains("secret"), "\(bookkeeping): --check read outside the folder")
            let plan = try writer.write(stamp: "digest\n")
            XCTAssertEqual(plan.removed, [], bookkeeping)
            XCTAssertEqual(plan.leftAlone.count, forged.count, "\(bookkeeping): \(plan.leftAlone.map(\.message))")
            XCTAssertEqual(try String(contentsOf: outside.appendingPathComponent("keys"), encoding: .utf8), "secret\n", bookkeeping)
            XCTAssertEqual(try String(contentsOf: outside.appendingPathComponent(".keys.graphgen-tmp"), encoding: .utf8), "precious\n", bookkeeping)
            for entry in ["lnk", "file-link", "hard", "fifo"] {
                XCTAssertNotNil(try? manager.attributesOfItem(atPath: out.appendingPathComponent(entry).path), "\(bookkeeping): \(entry) was removed")
            }
            XCTAssertEqual(try String(contentsOf: out.appendingPathComponent(OutputWriter.stampName), encoding: .utf8), "digest\n")
            try manager.removeItem(at: out.appendingPathComponent(OutputWriter.manifestName))
        }
        XCTAssertTrue(OutputWriter(folder: out.path, files: []).plan().leftAlone.isEmpty, "a clean manifest leaves nothing to report")
    }

    /// A planted link or hard link where a generated file or a bookkeeping file goes is replaced, never written through.
    func testPlantedLinksAreReplacedNotWrittenThrough() throws {
        let manager = FileManager.default
        let target = folder.appendingPathComponent("target")
        try "untouched\n".write(to: target, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        try manager.createDirectory(at: out, withIntermediateDirectories: true)
        for name in [OutputWriter.journalName, ".A.swift.graphgen-tmp", ".\(OutputWriter.stampName).graphgen-tmp"] {
            try manager.createSymbolicLink(at: out.appendingPathComponent(name), withDestinationURL: target)
        }
        XCTAssertEqual(link(target.path, out.appendingPathComponent(OutputWriter.manifestName).path), 0)
        try OutputWriter(folder: out.path, files: [GeneratedFile(path: "A.swift", contents: "a\n")]).write(stamp: "digest\n")
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "untouched\n")
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("A.swift"), encoding: .utf8), "a\n")
        XCTAssertEqual(try manager.contentsOfDirectory(atPath: out.path).sorted(), [OutputWriter.manifestName, OutputWriter.stampName, "A.swift"])
    }
}
