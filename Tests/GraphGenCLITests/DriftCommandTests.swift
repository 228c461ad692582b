import Foundation
import XCTest

final class DriftCommandTests: XCTestCase {
    func testRepoDriftIsAllInTheBaseline() throws {
        let result = try CLI.run(["drift"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.hasPrefix("0 findings (39 in baseline, 0 suppressed)"), result.stderr)
    }

    /// A temporary folder with the seed schema and pages and a config without a baseline.
    func seedCopy() throws -> URL {
        let folder = try CLI.temporaryFolder()
        try FileManager.default.copyItem(at: CLI.repoRoot.appendingPathComponent("schemas"), to: folder.appendingPathComponent("schemas"))
        try "schema: schemas/intune-apps.yaml\npages: schemas/intune-apps/pages\n".write(to: folder.appendingPathComponent("graphgen.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    func testFormatsAndExitCodes() throws {
        let folder = try seedCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try CLI.run(["drift"], in: folder)
        XCTAssertEqual(text.status, 1, "property-type findings are errors")
        XCTAssertTrue(text.stdout.contains("schemas/intune-apps/pages/004_af6752e3603030b2.txt:50:15: error: the page types 'installState' as 'Enumeration', the schema as 'resultantAppState' [property-type]"), text.stdout)
        XCTAssertEqual(try CLI.run(["drift", "--fail-on", "never"], in: folder).status, 0)

        let json = try CLI.run(["drift", "--format", "json"], in: folder)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["count"] as? Int, 39)

        let sarif = try CLI.run(["drift", "--format", "sarif"], in: folder)
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 39)
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        for result in results {
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, result["ruleId"] as? String)
            let region = (((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])
            XCTAssertNotNil(region?["startLine"] as? Int)
        }

        let github = try CLI.run(["drift", "--format", "github"], in: folder)
        XCTAssertTrue(github.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("::warning file=") || $0.hasPrefix("::error file=") }, github.stdout)
    }

    func testBaselineFailsOnlyOnNewDrift() throws {
        let folder = try seedCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(try CLI.run(["drift", "--write-baseline", "base.json"], in: folder).status, 0)
        XCTAssertEqual(try CLI.run(["drift", "--baseline", "base.json", "--fail-on", "warning"], in: folder).status, 0)

        // A new property row with a wrong type on the newest page: exactly one new finding, at that row.
        let page = folder.appendingPathComponent("schemas/intune-apps/pages/003_46979571aad2c824.txt")
        var text = try String(contentsOf: page, encoding: .utf8)
        text = text.replacingOccurrences(of: "|errorCode|Int32|The error code for install or uninstall failures.|\n", with: "|errorCode|Int64|The error code for install or uninstall failures.|\n")
        try text.write(to: page, atomically: true, encoding: .utf8)
        let result = try CLI.run(["drift", "--baseline", "base.json"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.contains(": note: ") }, [
            "schemas/intune-apps/pages/003_46979571aad2c824.txt:60:12: error: the page types 'errorCode' as 'Int64', the schema as 'Int32' [property-type]",
        ])
    }

    func testAbsolutePathsStillMatchTheBaseline() throws {
        let folder = try seedCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(try CLI.run(["drift", "--write-baseline", "base.json"], in: folder).status, 0)
        let page = folder.appendingPathComponent("schemas/intune-apps/pages/003_46979571aad2c824.txt")
        let text = try String(contentsOf: page, encoding: .utf8)
        try text.replacingOccurrences(of: "|osVersion|String|", with: "|osVersion|Int32|").write(to: page, atomically: true, encoding: .utf8)
        let result = try CLI.run(["drift", "--absolute-paths", "--baseline", "base.json"], in: folder)
        XCTAssertEqual(result.status, 1)
        let first = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(first.hasPrefix(folder.standardizedFileURL.path + "/schemas/intune-apps/pages/003_46979571aad2c824.txt:61:12: error:"), first)
        XCTAssertTrue(result.stdout.contains(folder.standardizedFileURL.path + "/schemas/intune-apps.yaml:"), "the other side is absolute too")
    }

    func testListRulesNeedsNoInputs() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["drift", "--list-rules"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 48)
        XCTAssertTrue(lines.contains { $0.hasPrefix("example-value-wrapper ") && $0.hasSuffix("the shape of a collection response.") }, result.stdout)
    }

    func testMalformedBaselineIsBadInput() throws {
        let folder = try seedCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{\"findings\": [}".write(to: folder.appendingPathComponent("base.json"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["drift", "--baseline", "base.json"], in: folder)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "base.json:1:15: error: invalid JSON: unexpected character '}' [example-json]\n")
    }
}
