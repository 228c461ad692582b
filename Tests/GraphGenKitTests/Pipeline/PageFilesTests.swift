import Foundation
import XCTest
@testable import GraphGenKit

final class PageFilesTests: XCTestCase {
    func testNestedPagesSortedWithoutReadmesOrLinkedFolders() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        for relative in ["api/b.md", "api/a.txt", "api/README.md", "resources/deep/c.markdown", "resources/notes.json", "LICENSE.md"] {
            let url = folder.appendingPathComponent(relative)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "# x\n".write(to: url, atomically: true, encoding: .utf8)
        }
        // A link back to the root would loop if followed.
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("resources/loop").path, withDestinationPath: folder.path)
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("linked.md").path, withDestinationPath: folder.appendingPathComponent("api/b.md").path)

        let files = try ModelLoader.pageFiles([folder.path]).map { String($0.dropFirst(folder.path.count + 1)) }
        XCTAssertEqual(files, ["api/a.txt", "api/b.md", "linked.md", "resources/deep/c.markdown"])
    }

    /// One odd page among others is left out with a located warning under its rule, never the end of the run; an
    /// example that is not JSON leaves out its block only.
    func testAnOddPageOrBlockIsLeftOutAndCounted() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: TestPaths.seedPages, toPath: folder.appendingPathComponent("pages").path)
        let pages = folder.appendingPathComponent("pages")
        try "# Overview\n\nWords about the API, no reference sections.\n".write(to: pages.appendingPathComponent("overview.md"), atomically: true, encoding: .utf8)
        try Data([0x23, 0x20, 0xFF, 0x0A]).write(to: pages.appendingPathComponent("latin1.md"))
        // A link to a page is that page: a folder of links to pages kept elsewhere is read whole.
        let linked = pages.appendingPathComponent("linked")
        try FileManager.default.createDirectory(at: linked, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: linked.appendingPathComponent("page.txt").path, withDestinationPath: try TestPaths.seed("000_"))
        let good = try ModelLoader.readPages([TestPaths.seedPages])
        let read = try ModelLoader.readPages([pages.path], root: folder.path)
        XCTAssertEqual(read.pages.count, good.pages.count + 1)
        XCTAssertEqual(read.summary.pagesLeftOut.map(\.ruleID), ["input-encoding", "page-sections"])
        XCTAssertEqual(read.summary.pagesLeftOut.map { $0.location?.file ?? "" }, ["pages/latin1.md", "pages/overview.md"])
        XCTAssertTrue(read.summary.pagesLeftOut.allSatisfy { $0.severity == .warning && $0.message.hasSuffix("; the page is left out") })
        XCTAssertEqual(read.summary.text, "\(good.pages.count + 1) pages read, 2 left out (input-encoding 1, page-sections 1)")

        let (model, pagesRead) = try ModelLoader.loadWithPages(schemaPath: TestPaths.schema, pagePaths: [pages.path], root: folder.path)
        XCTAssertEqual(model.pageReading.pagesLeftOut.count, 2)
        let findings = DriftCheck().run(model, pages: pagesRead).findings
        XCTAssertEqual(Set(findings.filter { ["input-encoding", "page-sections"].contains($0.rule.rawValue) }.map(\.location.file)), ["pages/latin1.md", "pages/overview.md"],
                       "drift reports each page left out")
    }
}
