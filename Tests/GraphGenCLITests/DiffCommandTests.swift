import Foundation
import XCTest

/// `graphgen diff` against a git revision of a copy of the seed area.
final class DiffCommandTests: XCTestCase {
    func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=GraphGen Tests", "-c", "user.email=tests@example.invalid"] + arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XCTSkip("git \(arguments.first ?? "") failed; is git installed?") }
    }

    func testBaseRevisionAgainstTheWorkTree() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: CLI.repoRoot.appendingPathComponent("schemas"), to: folder.appendingPathComponent("schemas"))
        try "schema: schemas/intune-apps.yaml\npages: schemas/intune-apps/pages\n".write(to: folder.appendingPathComponent("graphgen.yaml"), atomically: true, encoding: .utf8)
        try git(["init", "-q"], in: folder)
        try git(["add", "."], in: folder)
        try git(["commit", "-q", "-m", "seed"], in: folder)

        let unchanged = try CLI.run(["diff", "--base", "HEAD"], in: folder)
        XCTAssertEqual(unchanged.status, 0, unchanged.stderr)
        XCTAssertEqual(unchanged.stdout, "0 breaking, 0 additive, 0 other: none version change\n")

        let schemaURL = folder.appendingPathComponent("schemas/intune-apps.yaml")
        let schema = try String(contentsOf: schemaURL, encoding: .utf8)
        try schema.replacingOccurrences(of: "{ name: errorCode, type: Int32,", with: "{ name: errorCode, type: Int64,")
            .write(to: schemaURL, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: schemaURL)
        let changed = try CLI.run(["diff", "--base", "HEAD"], in: folder)
        XCTAssertEqual(changed.status, 1, changed.stderr)
        XCTAssertTrue(changed.stdout.contains("schemas/intune-apps.yaml:95:17: breaking: MobileAppInstallStatus.errorCode: Int32? → Int64? [changed]\nHEAD:schemas/intune-apps.yaml:95:17: note: was here\n"), changed.stdout)
        XCTAssertTrue(changed.stdout.hasSuffix("1 breaking, 0 additive, 0 other: major version change\n"), changed.stdout)
        XCTAssertEqual(try Data(contentsOf: schemaURL), before, "the work tree is not touched")
        XCTAssertEqual(try CLI.run(["diff", "--base", "HEAD", "--fail-on", "never"], in: folder).status, 0)

        let missing = try CLI.run(["diff", "--base", "no-such-revision"], in: folder)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("does not exist at no-such-revision"), missing.stderr)
        XCTAssertEqual(try CLI.run(["diff", "--base=--output=x"], in: folder).status, 2, "a revision is never read as an option")
    }

    /// The config as it was at the revision names the old inputs; a revision without the config is bad input.
    func testTheConfigAtTheRevisionNamesItsInputs() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: CLI.repoRoot.appendingPathComponent("schemas"), to: folder.appendingPathComponent("schemas"))
        try git(["init", "-q"], in: folder)
        try git(["add", "."], in: folder)
        try git(["commit", "-q", "-m", "pages and schema, no config"], in: folder)
        try "schema: schemas/intune-apps.yaml\npages: schemas/intune-apps/pages\n".write(to: folder.appendingPathComponent("graphgen.yaml"), atomically: true, encoding: .utf8)
        try git(["add", "."], in: folder)
        try git(["commit", "-q", "-m", "config"], in: folder)

        let noConfig = try CLI.run(["diff", "--base", "HEAD~1"], in: folder)
        XCTAssertEqual(noConfig.status, 2)
        XCTAssertTrue(noConfig.stderr.contains("'graphgen.yaml' does not exist at HEAD~1"), noConfig.stderr)

        try git(["mv", "schemas/intune-apps.yaml", "schemas/apps.yaml"], in: folder)
        try "schema: schemas/apps.yaml\npages: schemas/intune-apps/pages\n".write(to: folder.appendingPathComponent("graphgen.yaml"), atomically: true, encoding: .utf8)
        let moved = try CLI.run(["diff", "--base", "HEAD"], in: folder)
        XCTAssertEqual(moved.status, 0, moved.stderr)
        XCTAssertEqual(moved.stdout, "0 breaking, 0 additive, 0 other: none version change\n", "the old schema is read from where the old config put it")
    }
}
