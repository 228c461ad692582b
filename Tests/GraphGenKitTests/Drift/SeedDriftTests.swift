import Foundation
import XCTest
@testable import GraphGenKit

/// The full set of disagreements in the seed pages, each at its line and column.
final class SeedDriftTests: XCTestCase {
    func testSeedFindings() throws {
        let (model, pages) = try ModelLoader.loadWithPages(schemaPath: TestPaths.schema, pagePaths: [TestPaths.seedPages], root: TestPaths.repoRoot.path)
        let findings = DriftCheck().run(model, pages: pages).findings
        let summary = findings.map { "\(($0.location.file as NSString).lastPathComponent.prefix(3)):\($0.location.line):\($0.location.column) \($0.rule.rawValue)" }
        XCTAssertEqual(summary, [
            "002:4:9 front-matter-placeholder",
            "002:6:10 front-matter-placeholder",
            "002:20:37 permission-placeholder",
            "002:21:41 permission-placeholder",
            "002:22:14 permission-placeholder",
            "002:31:1 operation-pages-disagree",
            "002:54:2 enum-member-missing",
            "002:82:18 example-odata-type",
            "002:85:23 example-placeholder",
            "002:86:34 example-placeholder",
            "002:87:19 example-placeholder",
            "002:88:25 example-placeholder",
            "002:89:16 example-placeholder",
            "002:101:6 example-odata-type",
            "002:112:18 example-odata-type",
            "002:116:23 example-placeholder",
            "002:117:34 example-placeholder",
            "002:118:19 example-placeholder",
            "002:119:25 example-placeholder",
            "002:120:16 example-placeholder",
            "004:4:9 front-matter-placeholder",
            "004:6:10 front-matter-placeholder",
            "004:19:37 permission-placeholder",
            "004:21:14 permission-placeholder",
            "004:45:2 ref-request-body",
            "004:49:30 property-type",
            "004:50:15 property-type",
            "004:51:2 enum-member-missing",
            "004:51:21 property-type",
            "004:62:1 ref-status",
            "004:74:1 example-base-url",
            "004:74:1 example-request-path",
            "004:83:34 example-placeholder",
            "004:84:19 example-placeholder",
            "004:85:25 example-placeholder",
            "004:97:6 example-odata-type",
            "004:114:34 example-placeholder",
            "004:115:19 example-placeholder",
            "004:116:25 example-placeholder",
        ])
        XCTAssertFalse(findings.contains { $0.location.file.hasPrefix("schemas/intune-apps/pages/001") || $0.location.file.hasPrefix("schemas/intune-apps/pages/003") },
                       "the newest pages agree with the schema")
    }

    /// Each kind of edit to the newest page (which agrees with the schema) gives exactly its own finding, at the edited row.
    func testPageEditsGiveExactlyTheMatchingFinding() throws {
        let edits: [(name: String, from: String, to: String, expected: [String], named: String)] = [
            ("new property row",
             "|errorCode|Int32|The error code for install or uninstall failures.|\n",
             "|errorCode|Int32|The error code for install or uninstall failures.|\n|retryCount|Int32|How often the install was retried.|\n",
             ["61:2 property-extra"], "retryCount"),
            ("changed type",
             "|deviceName|String|Device name|",
             "|deviceName|Int64|Device name|",
             ["54:13 property-type"], "Int64"),
            ("removed enum member",
             "`dependencyPendingReboot`, ",
             "",
             ["59:2 enum-member-missing"], "Missing: dependencyPendingReboot"),
        ]
        for edit in edits {
            let folder = try TestPaths.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let pages = folder.appendingPathComponent("pages")
            try FileManager.default.copyItem(atPath: TestPaths.seedPages, toPath: pages.path)
            let page = pages.appendingPathComponent("003_46979571aad2c824.txt")
            let original = try String(contentsOf: page, encoding: .utf8)
            XCTAssertTrue(original.contains(edit.from), edit.name)
            try original.replacingOccurrences(of: edit.from, with: edit.to).write(to: page, atomically: true, encoding: .utf8)

            let loaded = try ModelLoader.loadWithPages(schemaPath: TestPaths.schema, pagePaths: [pages.path], root: folder.path)
            let onPage = DriftCheck().run(loaded.model, pages: loaded.pages).findings.filter { $0.location.file == "pages/003_46979571aad2c824.txt" }
            XCTAssertEqual(onPage.map { "\($0.location.line):\($0.location.column) \($0.rule.rawValue)" }, edit.expected, edit.name)
            XCTAssertTrue(onPage.first?.message.contains(edit.named) == true, "\(edit.name): \(onPage.first?.message ?? "no finding")")
        }
    }

    /// The real pages of the same area (../shared/corpus, skipped in a user's clone) against the repo's schema.
    func testCorpusFindings() throws {
        let corpus = try TestPaths.corpus()
        let pages = ["\(corpus)/api-reference/beta/api", "\(corpus)/api-reference/beta/resources"]
        let loaded = try ModelLoader.loadWithPages(schemaPath: TestPaths.schema, pagePaths: pages, root: corpus)
        let summary = DriftCheck().run(loaded.model, pages: loaded.pages).findings.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.rule.rawValue)" }
        XCTAssertEqual(summary, [
            "api-reference/beta/api/intune-apps-mobileappinstallstatus-create.md:56:2 enum-member-missing",
            "api-reference/beta/api/intune-apps-mobileappinstallstatus-get.md:68:3 example-value-wrapper",
            "api-reference/beta/api/intune-apps-mobileappinstallstatus-update.md:58:2 enum-member-missing",
            "api-reference/beta/api/intune-apps-userappinstallstatus-get.md:67:3 example-value-wrapper",
        ])
    }

    func testMessagesNameBothSides() throws {
        let (model, pages) = try ModelLoader.loadWithPages(schemaPath: TestPaths.schema, pagePaths: [TestPaths.seedPages], root: TestPaths.repoRoot.path)
        let messages = DriftCheck().run(model, pages: pages).findings.map(\.message)
        XCTAssertTrue(messages.contains("the page types 'installState' as 'Enumeration', the schema as 'resultantAppState'"))
        XCTAssertTrue(messages.contains("'errorCode' is the placeholder \"Integer\"; the schema types it Int32, which needs a JSON integer"))
        XCTAssertTrue(messages.contains { $0.hasPrefix("'installStateDetail' lists 21 members of resultantAppStateDetail; the schema has 36. Missing: supersededAppUninstallFailed,") })
    }
}
