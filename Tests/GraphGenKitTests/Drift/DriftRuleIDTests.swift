import Foundation
@testable import GraphGenKit
import XCTest

final class DriftRuleIDTests: XCTestCase {
    /// README's rule table names every id once, and no id the enum lacks.
    func testReadmeRuleTableListsEveryIDOnce() throws {
        let readme = try String(contentsOf: TestPaths.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        let header = try XCTUnwrap(lines.firstIndex(of: "| rule | checks |"), "README has no drift rule table")
        var listed: [String] = []
        for line in lines[(header + 2)...] {
            guard line.hasPrefix("| ") else { break }
            let cell = line.dropFirst(2).prefix { $0 != "|" }
            listed += cell.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        XCTAssertEqual(listed.sorted(), DriftRuleID.allCases.map(\.rawValue).sorted())
        XCTAssertEqual(listed.count, Set(listed).count, "an id is listed twice")
    }

    func testEveryReadingWarningHasAHintAndEveryFamilyAnID() {
        let reading = DriftRuleID.allCases.filter { $0.family == .readingWarnings }
        XCTAssertEqual(Set(ReadingWarningsRule.hints.keys), Set(reading))
        XCTAssertEqual(Set(DriftRuleID.allCases.map(\.family)), Set(DriftFamily.allCases))
        XCTAssertEqual(DriftRuleID(rawValue: "property-extra"), .propertyExtra)
        XCTAssertEqual(DriftRuleID.propertyType.level, .error)
        XCTAssertEqual(DriftRuleID.pathCase.level, .note)
    }

    /// The families run alone report only their own ids (the generate run asks property tables alone for one id).
    func testAFamilyReportsOnlyItsOwnIDs() throws {
        let (model, pages) = try ModelLoader.loadWithPages(schemaPath: TestPaths.schema, pagePaths: [TestPaths.seedPages], root: TestPaths.repoRoot.path)
        var reported = 0
        for family in DriftFamily.allCases {
            let findings = DriftCheck.allFindings(model, pages: pages, families: [family])
            reported += findings.count
            XCTAssertEqual(findings.filter { $0.rule.family != family }.map(\.rule), [], "\(family)")
        }
        XCTAssertEqual(reported, DriftCheck.allFindings(model, pages: pages).count)
        XCTAssertGreaterThan(reported, 0, "the seed pages have findings to sort")
    }
}
