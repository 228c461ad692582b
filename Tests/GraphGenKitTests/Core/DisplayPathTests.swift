import Foundation
import XCTest
@testable import GraphGenKit

final class DisplayPathTests: XCTestCase {
    func testStandardizingByTextMatchesFoundation() {
        let workingFolder = FileManager.default.currentDirectoryPath
        for path in ["pages/a.md", "./a//b/./c/", "/..", "/../a", "a/../../b", "", ".", "/tmp//x/", "a/b/..", "../x/y.md", "~/x", "/"] {
            XCTAssertEqual(DisplayPath.standardized(path, in: workingFolder), URL(fileURLWithPath: path).standardizedFileURL.path, path)
        }
    }

    func testPathsAreShownRelativeToTheRoot() {
        XCTAssertEqual(DisplayPath.of("/work/project/pages/a.md", root: "/work/project"), "pages/a.md")
        XCTAssertEqual(DisplayPath.of("/work/shared/pages/a.md", root: "/work/project/"), "../shared/pages/a.md")
        XCTAssertEqual(DisplayPath.of("/work/project/./pages/../b.md", root: "/work/project"), "b.md")
        XCTAssertEqual(DisplayPath.of("/elsewhere/a.md", root: "/work/project"), "/elsewhere/a.md")
    }
}
