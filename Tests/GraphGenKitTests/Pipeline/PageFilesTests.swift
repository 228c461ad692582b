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
}
