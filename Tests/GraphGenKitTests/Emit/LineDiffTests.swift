import XCTest
@testable import GraphGenKit

final class LineDiffTests: XCTestCase {
    func testEqualTextsHaveNoDiff() {
        XCTAssertEqual(LineDiff.unified(old: "a\nb\n", new: "a\nb\n", oldName: "o", newName: "n"), "")
    }

    func testAChangedLineIsOneHunkWithContext() {
        let old = (1...9).map { "line \($0)" }.joined(separator: "\n")
        let new = old.replacingOccurrences(of: "line 5", with: "line five")
        XCTAssertEqual(LineDiff.unified(old: old, new: new, oldName: "a/x", newName: "b/x"), """
        --- a/x
        +++ b/x
        @@ -2,7 +2,7 @@
         line 2
         line 3
         line 4
        -line 5
        +line five
         line 6
         line 7
         line 8

        """)
    }

    func testDistantChangesAreSeparateHunksAndAddedFilesStartAtZeroLines() {
        let old = (1...20).map(String.init).joined(separator: "\n")
        let new = old.replacingOccurrences(of: "\n2\n", with: "\ntwo\n").replacingOccurrences(of: "\n19\n", with: "\nnineteen\n")
        XCTAssertEqual(LineDiff.unified(old: old, new: new, oldName: "o", newName: "n").components(separatedBy: "@@ -").count - 1, 2)
        XCTAssertEqual(LineDiff.unified(old: "", new: "x\ny", oldName: "o", newName: "n"), "--- o\n+++ n\n@@ -0,0 +1,2 @@\n+x\n+y\n")
        XCTAssertEqual(LineDiff.unified(old: "x", new: "", oldName: "o", newName: "n"), "--- o\n+++ n\n@@ -1,1 +0,0 @@\n-x\n")
    }
}
