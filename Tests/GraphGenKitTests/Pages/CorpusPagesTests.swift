import XCTest
@testable import GraphGenKit

/// Reads the real Graph pages in ../shared/corpus in place; skipped where they are not beside the clone.
final class CorpusPagesTests: XCTestCase {
    func testEveryCorpusPageReadsWithItsTablesAndExamples() throws {
        let root = try TestPaths.corpus()
        let files = try ModelLoader.pageFiles([root])
        XCTAssertEqual(files.count, 15)
        for file in files {
            let page = try PageReader.read(path: file, displayPath: file).page
            let name = (file as NSString).lastPathComponent
            switch page.kind {
            case .operation:
                XCTAssertFalse(page.httpRequests.isEmpty, name)
                XCTAssertFalse(page.examples.isEmpty, name)
                XCTAssertFalse(page.permissions.isEmpty, name)
                XCTAssertNotNil(page.examples.first?.response, name)
                if name.contains("-create") || name.contains("-update") { XCTAssertFalse(page.properties.isEmpty, name) }
            case .resource:
                XCTAssertFalse(page.properties.isEmpty, name)
                XCTAssertNotNil(page.representation, name)
            case .enumeration:
                XCTAssertFalse(page.enumMembers.isEmpty, name)
            case .unknown:
                XCTFail("\(name) was not recognised")
            }
        }
    }

    func testEnumPagesOfDifferentAges() throws {
        let root = try TestPaths.corpus() + "/api-reference/beta/resources/"
        let detail = try PageReader.read(path: root + "intune-apps-resultantappstatedetail.md", displayPath: "d.md").page
        let state = try PageReader.read(path: root + "intune-shared-resultantappstate.md", displayPath: "s.md").page
        XCTAssertEqual(state.enumMembers.first?.name, "installed")
        XCTAssertEqual(state.enumMembers.first { $0.name == "notApplicable" }?.value, "-1")
        XCTAssertGreaterThan(detail.enumMembers.count, 20)
    }
}
