import Foundation
@testable import GraphGenKit
import XCTest

final class DriftRunTests: XCTestCase {
    /// Every finding written as a baseline is accepted by the next run, which then fails on nothing.
    func testABaselineWrittenAcceptsEveryFindingAndFailOnDecides() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (model, pages) = try ModelLoader.loadWithPages(schemaPath: TestPaths.schema, pagePaths: [TestPaths.seedPages], root: TestPaths.repoRoot.path)
        var settings = DriftRun.Settings()
        settings.failOn = .warning
        guard case .checked(let before, let failed) = try DriftRun.run(model, pages: pages, settings: settings) else { return XCTFail("checks") }
        XCTAssertTrue(failed, "the seed pages have warnings")
        settings.failOn = .never
        guard case .checked(_, let never) = try DriftRun.run(model, pages: pages, settings: settings) else { return XCTFail("checks") }
        XCTAssertFalse(never)

        let baseline = folder.appendingPathComponent("baseline.json").path
        settings.writeBaseline = baseline
        guard case .wroteBaseline(let count) = try DriftRun.run(model, pages: pages, settings: settings) else { return XCTFail("writes") }
        XCTAssertEqual(count, before.findings.count)
        settings.writeBaseline = nil
        settings.baseline = baseline
        settings.failOn = .warning
        guard case .checked(let after, let stillFailed) = try DriftRun.run(model, pages: pages, settings: settings) else { return XCTFail("checks") }
        XCTAssertEqual(after.findings.count, 0)
        XCTAssertEqual(after.baselined, count)
        XCTAssertFalse(stillFailed)
    }

    func testDisabledRulesAreCountedAsSuppressed() throws {
        let (model, pages) = try ModelLoader.loadWithPages(schemaPath: TestPaths.schema, pagePaths: [TestPaths.seedPages], root: TestPaths.repoRoot.path)
        guard case .checked(let all, _) = try DriftRun.run(model, pages: pages, settings: DriftRun.Settings()) else { return XCTFail("checks") }
        let rule = try XCTUnwrap(all.findings.first?.rule)
        var settings = DriftRun.Settings()
        settings.disabledRules = [rule]
        guard case .checked(let fewer, _) = try DriftRun.run(model, pages: pages, settings: settings) else { return XCTFail("checks") }
        XCTAssertEqual(fewer.suppressed, all.findings.filter { $0.rule == rule }.count)
        XCTAssertFalse(fewer.findings.contains { $0.rule == rule })
    }
}
