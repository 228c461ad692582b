import Foundation
import XCTest

final class DumpModelCommandTests: XCTestCase {
    func testJSONDumpOfTheSeeds() throws {
        let result = try CLI.run(["dump-model", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let entities = try XCTUnwrap(json["entities"] as? [[String: Any]])
        let counts = Dictionary(uniqueKeysWithValues: entities.map { ($0["name"] as? String ?? "", ($0["properties"] as? [Any])?.count ?? -1) })
        XCTAssertEqual(counts["mobileAppInstallStatus"], 13)
        XCTAssertEqual(counts["userAppInstallStatus"], 6)
        let enums = try XCTUnwrap(json["enums"] as? [[String: Any]])
        XCTAssertEqual(enums.map { ($0["members"] as? [Any])?.count ?? -1 }, [7, 36])
        let operations = try XCTUnwrap(json["operations"] as? [[String: Any]])
        let ref = try XCTUnwrap(operations.first { ($0["path"] as? String)?.hasSuffix("$ref") == true })
        XCTAssertEqual(ref["method"] as? String, "POST")
        XCTAssertTrue((ref["sources"] as? [String])?.contains("schemas/intune-apps/pages/004_af6752e3603030b2.txt:29") == true)
        XCTAssertEqual(try CLI.run(["dump-model", "--format", "json"]).stdout, result.stdout, "dump must be byte-identical between runs")
    }

    /// Writes a schema and one page into a temporary folder, with one of them broken.
    func runBroken(schema: String = validSchema, page: String = validPage, pageName: String = "p.md") throws -> CLI.Result {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try schema.write(to: folder.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pages"), withIntermediateDirectories: true)
        try page.write(to: folder.appendingPathComponent("pages/\(pageName)"), atomically: true, encoding: .utf8)
        return try CLI.run(["dump-model", "--schema", "s.yaml", "--pages", "pages"], in: folder)
    }

    static let validSchema = "namespace: n\nmodule: M\nroot:\n  - name: things\n    navigation:\n      - { name: items, target: item, operations: [create] }\nentities:\n  - name: item\n    properties:\n      - { name: size, type: Int32 }\n"
    static let validPage = "# Create item\n\n## HTTP request\n```http\nPOST /things/items\n```\n\n## Example\n```http\nPOST https://example.com/v1.0/things/items\n\n{\"size\": 1}\n```\n"

    func testValidInputsPass() throws {
        let result = try runBroken()
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func testMalformedYAML() throws {
        let result = try runBroken(schema: "namespace: n\nmodule: M\nentities: [\n")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("s.yaml:4:1: error: YAML: "), result.stderr)
    }

    func testUnknownType() throws {
        let result = try runBroken(schema: Self.validSchema.replacingOccurrences(of: "Int32", with: "Int33"))
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "s.yaml:10:29: error: unknown type 'Int33' (not a Graph primitive, enum, entity or complex type in this schema) [schema-unknown-type]\n")
    }

    func testPageWithoutSections() throws {
        let result = try runBroken(page: "# Create item\n\nSome words and nothing else.\n")
        XCTAssertEqual(result.status, 0, "one odd page is left out, not the end of the run")
        XCTAssertEqual(result.stderr, "pages/p.md:1:1: warning: page has none of the sections a reference page has (HTTP request, Properties, Members); the page is left out [page-sections]\n0 pages read, 1 left out (page-sections 1)\n")
    }

    func testInvalidJSONInExample() throws {
        let lenient = try runBroken(page: Self.validPage.replacingOccurrences(of: "{\"size\": 1}", with: "{\"size\": 1,}"))
        XCTAssertEqual(lenient.status, 0, "a trailing comma is read past")
        XCTAssertTrue(lenient.stdout.contains("size"), lenient.stdout)
        let result = try runBroken(page: Self.validPage.replacingOccurrences(of: "{\"size\": 1}", with: "{\"size\": }"))
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "pages/p.md:12:10: warning: invalid JSON: unexpected character '}'; the block is left out [example-json]\n1 page read; 1 block left out (example-json 1)\n")
    }

    func testUnreadableFile() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["dump-model", "--schema", "missing.yaml", "--pages", "."], in: folder)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "missing.yaml:1:1: error: cannot read file [input-unreadable]\n")
    }

    func testPageThatIsNotUTF8() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.validSchema.write(to: folder.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        try Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]).write(to: folder.appendingPathComponent("bad.md"))
        let result = try CLI.run(["dump-model", "--schema", "s.yaml", "--pages", "bad.md"], in: folder)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "bad.md:1:3: warning: file is not valid UTF-8 (byte 0xFF here); the page is left out [input-encoding]\n0 pages read, 1 left out (input-encoding 1)\n")
    }
}
