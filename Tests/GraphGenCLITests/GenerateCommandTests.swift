import Foundation
import XCTest

/// `graphgen generate` on a temporary copy of the repo's schema and seed pages.
final class GenerateCommandTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = try CLI.temporaryFolder()
        let manager = FileManager.default
        try manager.copyItem(at: CLI.repoRoot.appendingPathComponent("schemas"), to: folder.appendingPathComponent("schemas"))
        try "schema: schemas/intune-apps.yaml\npages: schemas/intune-apps/pages\noutput: Out\n".write(to: folder.appendingPathComponent("graphgen.yaml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func snapshot() throws -> [String: Data] {
        let root = folder.appendingPathComponent("Out")
        var result: [String: Data] = [:]
        // The stamp is a cache beside the output, not output.
        for case let relative as String in FileManager.default.enumerator(atPath: root.path)! where relative != ".graphgen-stamp" {
            if let data = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path) { result[relative] = data }
        }
        return result
    }

    /// The stamp lets an unchanged run stop early, but never hides a changed input or a hand-edited output.
    func testInputStampSkipsOnlyUnchangedRuns() throws {
        XCTAssertEqual(try CLI.run(["generate"], in: folder).status, 0)
        let generated = folder.appendingPathComponent("Out/Package.swift")
        let original = try Data(contentsOf: generated)

        try Data("// edited by hand\n".utf8).write(to: generated)
        XCTAssertEqual(try CLI.run(["generate"], in: folder).stdout, "Out: 0 added, 1 changed, 0 removed, 41 unchanged.\n")
        XCTAssertEqual(try Data(contentsOf: generated), original)

        let page = folder.appendingPathComponent("schemas/intune-apps/pages/003_46979571aad2c824.txt")
        let text = try String(contentsOf: page, encoding: .utf8)
        try text.replacingOccurrences(of: "\"Os Version value\"", with: "\"17.4\"").write(to: page, atomically: true, encoding: .utf8)
        let afterEdit = try CLI.run(["generate"], in: folder).stdout
        XCTAssertTrue(afterEdit.hasPrefix("Out: 0 added, ") && !afterEdit.contains(" 0 changed"), afterEdit)
        XCTAssertEqual(try CLI.run(["generate"], in: folder).stdout, "Out is up to date (inputs unchanged since the last generate).\n")

        try FileManager.default.removeItem(at: folder.appendingPathComponent("Out/Package.swift"))
        XCTAssertEqual(try CLI.run(["generate"], in: folder).stdout, "Out: 1 added, 0 changed, 0 removed, 41 unchanged.\n")
    }

    func testGenerateCheckAndIncrementalChange() throws {
        let first = try CLI.run(["generate"], in: folder)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(try CLI.run(["generate", "--check"], in: folder).status, 0)
        let before = try snapshot()
        XCTAssertEqual(try CLI.run(["generate"], in: folder).stdout, "Out is up to date (inputs unchanged since the last generate).\n")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Out/.graphgen-stamp"))
        XCTAssertEqual(try CLI.run(["generate"], in: folder).stdout, "Out: 0 added, 0 changed, 0 removed, 42 unchanged.\n", "without a stamp every file is compared")

        let schemaURL = folder.appendingPathComponent("schemas/intune-apps.yaml")
        var schema = try String(contentsOf: schemaURL, encoding: .utf8)
        schema = schema.replacingOccurrences(of: "      - { name: displayVersion, type: String, description: Human readable version of the application }\n",
                                             with: "      - { name: displayVersion, type: String, description: Human readable version of the application }\n      - { name: installCount, type: Int64, description: Times installed }\n")
        try schema.write(to: schemaURL, atomically: true, encoding: .utf8)

        let check = try CLI.run(["generate", "--check"], in: folder)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("+++ b/Sources/IntuneApps/Models/Models+M.swift"), check.stdout)
        XCTAssertTrue(check.stdout.contains("+    public var installCount: Int64?"), check.stdout)
        XCTAssertEqual(try snapshot(), before, "--check writes nothing")

        let regenerated = try CLI.run(["generate"], in: folder)
        XCTAssertEqual(regenerated.status, 0)
        XCTAssertEqual(regenerated.stdout, "Out: 0 added, 2 changed, 0 removed, 40 unchanged.\nAPI: 0 breaking, 1 additive (graphgen diff --base REVISION for details).\n")
        let after = try snapshot()
        XCTAssertEqual(Set(after.keys), Set(before.keys))
        XCTAssertEqual(after.keys.filter { after[$0] != before[$0] }.sorted(), [".graphgen-api", "Sources/IntuneApps/Models/Models+M.swift"])
        XCTAssertTrue(String(decoding: after[".graphgen-api"] ?? Data(), as: UTF8.self).contains("property MobileAppInstallStatus.installCount = Int64? Int64\n"))
    }

    /// A page documents a property the schema lacks: generate still succeeds, and says the model leaves it out.
    func testPagePropertiesTheSchemaLacksAreReported() throws {
        let page = folder.appendingPathComponent("schemas/intune-apps/pages/002_0ee7c172b0a4fef6.txt")
        let text = try String(contentsOf: page, encoding: .utf8)
        try text.replacingOccurrences(of: "|deviceName|String|Device name|\n", with: "|deviceName|String|Device name|\n|installCount|Int64|Times installed|\n")
            .write(to: page, atomically: true, encoding: .utf8)
        let result = try CLI.run(["generate"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("schemas/intune-apps/pages/002_0ee7c172b0a4fef6.txt:50:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("installCount"), result.stderr)
        XCTAssertTrue(result.stderr.contains("the generated model leaves it out until the schema declares it [property-extra]"), result.stderr)
    }

    func testTemplateErrorLeavesOutputUntouched() throws {
        XCTAssertEqual(try CLI.run(["generate"], in: folder).status, 0)
        let before = try snapshot()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("my-templates"), withIntermediateDirectories: true)
        try "{{header}}\n{{#properties}}\n".write(to: folder.appendingPathComponent("my-templates/model.swift.mustache"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["generate", "--templates", "my-templates"], in: folder)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("my-templates/model.swift.mustache:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("[template-syntax]"), result.stderr)
        XCTAssertEqual(try snapshot(), before)
    }

    /// A split the library cannot have is a usage error, and nothing is written.
    func testImpossibleModuleSplitsAreUsageErrors() throws {
        let outOfRange = try CLI.run(["generate", "--member-modules", "0"], in: folder)
        XCTAssertEqual(outOfRange.status, 2)
        XCTAssertTrue(outOfRange.stderr.contains("--member-modules must be from 1 (one module) to 64, not 0"), outOfRange.stderr)
        let internalAccess = try CLI.run(["generate", "--member-modules", "3", "--access-level", "internal"], in: folder)
        XCTAssertEqual(internalAccess.status, 2)
        XCTAssertTrue(internalAccess.stderr.contains("an internal library is one module"), internalAccess.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out").path))
        XCTAssertEqual(try CLI.run(["generate", "--member-modules", "1", "--access-level", "internal"], in: folder).status, 0)
    }

    /// graphgen.yaml's `memberModules` splits the library as the option does; the option wins over it.
    func testTheConfigChoosesTheModuleSplit() throws {
        let config = folder.appendingPathComponent("graphgen.yaml")
        try "schema: schemas/intune-apps.yaml\npages: schemas/intune-apps/pages\noutput: Out\nmemberModules: 2\n".write(to: config, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["generate"], in: folder).status, 0)
        let sources = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Out/Sources").path).sorted()
        XCTAssertEqual(sources, ["IntuneApps", "IntuneAppsCore", "IntuneAppsExamples", "IntuneAppsMembers1", "IntuneAppsMembers2"])
        XCTAssertEqual(try CLI.run(["generate", "--member-modules", "1"], in: folder).status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Out/Sources").path), ["IntuneApps"])
    }

    func testUnwritableOutput() throws {
        try "a file, not a folder\n".write(to: folder.appendingPathComponent("Blocked"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["generate", "--output", "Blocked"], in: folder)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("Blocked:1:1: error: the output folder 'Blocked' exists and is not a folder"), result.stderr)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("Blocked"), encoding: .utf8), "a file, not a folder\n")
    }

    func testSchemaPageMismatchIsReportedWithLocation() throws {
        let page = folder.appendingPathComponent("schemas/intune-apps/pages/zz-bad.md")
        try "# Get thing\n\n## HTTP request\n```http\nGET /deviceAppManagement/things\n```\n\n## Example\n```http\nGET https://graph.microsoft.com/beta/deviceAppManagement/things\n```\n\n```http\nHTTP/1.1 200 OK\n\n{\"a\": [1,}\n```\n"
            .write(to: page, atomically: true, encoding: .utf8)
        let result = try CLI.run(["generate"], in: folder)
        XCTAssertEqual(result.status, 0, "an example that is not JSON is left out; the rest is generated")
        XCTAssertTrue(result.stderr.contains("schemas/intune-apps/pages/zz-bad.md:16:10: warning: invalid JSON: unexpected character '}'; the block is left out [example-json]\n"), result.stderr)
        XCTAssertTrue(result.stderr.contains("zz-bad.md:5:1: warning: GET /deviceAppManagement/things is not a walk of the schema's navigation graph"), result.stderr)
        XCTAssertTrue(result.stderr.contains("; 1 block left out (example-json 1)\n"), result.stderr)
    }

    func testTemplatesDumpWritesTheBuiltInSet() throws {
        let result = try CLI.run(["templates", "dump", "dumped"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("dumped/model.swift.mustache").path))
        XCTAssertEqual(try CLI.run(["generate", "--templates", "dumped"], in: folder).status, 0)
    }
}

final class ConfigTests: XCTestCase {
    func testUnknownConfigKeyNamesKeyAndLine() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "schema: s.yaml\noutptu: Out\ndrift:\n  failOn: sometimes\n  disabledRules: [property-type, propety-extra]\n".write(to: folder.appendingPathComponent("graphgen.yaml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["generate"], in: folder)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, """
        graphgen.yaml:2:1: error: unknown key 'outptu' (expected one of: accessLevel, drift, memberModules, module, output, pages, runtime, schema, templates) [config-unknown-key]
        graphgen.yaml:4:11: error: 'failOn' is 'sometimes'; expected one of: error, warning, never [config]
        graphgen.yaml:5:34: error: 'propety-extra' is not a drift rule id (`graphgen drift --list-rules` lists them) [config]

        """)
    }

    func testHelpExplainsEverySubcommand() throws {
        let help = try CLI.run(["--help"])
        for command in ["generate", "drift", "dump-model", "schema", "templates"] {
            XCTAssertTrue(help.stdout.contains(command), command)
        }
        let infer = try CLI.run(["schema", "infer", "--help"])
        XCTAssertTrue(infer.stdout.contains("--merge"), infer.stdout)
    }
}
