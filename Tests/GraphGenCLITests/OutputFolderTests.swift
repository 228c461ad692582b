import Foundation
import XCTest

/// `generate` writes only inside an output folder it owns, one run at a time, and repairs a run that died.
final class OutputFolderTests: XCTestCase {
    var folder: URL!
    let manager = FileManager.default

    override func setUpWithError() throws {
        folder = try CLI.temporaryFolder()
        try manager.copyItem(at: CLI.repoRoot.appendingPathComponent("schemas"), to: folder.appendingPathComponent("schemas"))
        try config("output: Out\n")
    }

    override func tearDownWithError() throws { try? manager.removeItem(at: folder) }

    func config(_ extra: String, name: String = "graphgen.yaml") throws {
        try ("schema: schemas/intune-apps.yaml\npages: schemas/intune-apps/pages\n" + extra)
            .write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// Every file under `url`, relative.
    func tree(_ url: URL) -> [String] {
        (manager.enumerator(atPath: url.path)?.allObjects as? [String] ?? []).sorted()
    }

    func testModuleNamesCannotLeaveTheOutputFolder() throws {
        for module in ["../../escaped", "", "a/b", "1abc", "class", "Foundation", "FoundationNetworking", "XCTest", "_Concurrency"] {
            try config("output: Out\nmodule: \"\(module)\"\n")
            let result = try CLI.run(["generate"], in: folder)
            XCTAssertEqual(result.status, 2, module)
            XCTAssertTrue(result.stderr.hasPrefix("graphgen.yaml:4:9: error: the module name"), result.stderr)
        }
        try config("output: Out\n")
        let schema = folder.appendingPathComponent("schemas/intune-apps.yaml")
        let text = try String(contentsOf: schema, encoding: .utf8)
        try text.replacingOccurrences(of: "module: IntuneApps", with: "module: ../../escaped").write(to: schema, atomically: true, encoding: .utf8)
        let fromSchema = try CLI.run(["generate"], in: folder)
        XCTAssertEqual(fromSchema.status, 2)
        XCTAssertTrue(fromSchema.stderr.contains("schemas/intune-apps.yaml:5:9: error: the module name '../../escaped' is not a Swift identifier"), fromSchema.stderr)
        XCTAssertEqual(try CLI.run(["generate", "--module", ".."], in: folder).status, 2)
        XCTAssertFalse(manager.fileExists(atPath: folder.appendingPathComponent("Out").path))
        XCTAssertFalse(manager.fileExists(atPath: folder.deletingLastPathComponent().appendingPathComponent("escaped").path))
    }

    func testControlCharactersInPathsAreRefused() throws {
        for output in ["out\\0/../../escaped-through-nul", "out\\nx", "out\\x7f"] {
            try config("output: \"\(output)\"\n")
            let result = try CLI.run(["generate"], in: folder)
            XCTAssertEqual(result.status, 2, output)
            XCTAssertTrue(result.stderr.hasPrefix("graphgen.yaml:3:9: error: the path 'out\\u{"), result.stderr)
        }
        XCTAssertEqual(tree(folder).filter { !$0.hasPrefix("schemas") }, ["graphgen.yaml"])
        XCTAssertFalse(manager.fileExists(atPath: folder.deletingLastPathComponent().appendingPathComponent("escaped-through-nul").path))
    }

    func testOnlyAnEmptyNewOrOwnedFolderIsWritten() throws {
        for output in ["/", NSHomeDirectory()] {
            let result = try CLI.run(["generate", "--output", output, "--force"], in: folder)
            XCTAssertEqual(result.status, 2, output)
            XCTAssertTrue(result.stderr.contains("is the file-system root or the home folder"), result.stderr)
        }
        let foreign = folder.appendingPathComponent("Foreign")
        try manager.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        try config("output: Foreign\n")
        let refused = try CLI.run(["generate"], in: folder)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.hasPrefix("graphgen.yaml:3:9: error: the output folder 'Foreign' holds files GraphGen did not write (notes.txt)"), refused.stderr)
        XCTAssertEqual(tree(foreign), ["notes.txt"])
        XCTAssertEqual(try CLI.run(["generate", "--force"], in: folder).status, 0)
        XCTAssertTrue(tree(foreign).contains("Package.swift"))
        XCTAssertEqual(try CLI.run(["generate"], in: folder).status, 0, "a folder with GraphGen's manifest is its own")

        let elsewhere = folder.appendingPathComponent("Elsewhere")
        try manager.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try manager.createSymbolicLink(at: folder.appendingPathComponent("Linked"), withDestinationURL: elsewhere)
        let linked = try CLI.run(["generate", "--output", "Linked"], in: folder)
        XCTAssertEqual(linked.status, 2)
        XCTAssertTrue(linked.stderr.contains("error: the output folder 'Linked' is a symbolic link"), linked.stderr)
        XCTAssertEqual(tree(elsewhere), [])
    }

    func testSymbolicLinksInsideTheOutputAreNotFollowedOut() throws {
        XCTAssertEqual(try CLI.run(["generate"], in: folder).status, 0)
        let outside = folder.appendingPathComponent("Outside")
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        let tests = folder.appendingPathComponent("Out/Tests")
        try manager.removeItem(at: tests)
        try manager.createSymbolicLink(at: tests, withDestinationURL: outside)
        let result = try CLI.run(["generate"], in: folder)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("'Tests' is a symbolic link; GraphGen does not pass through it [output-path]"), result.stderr)
        XCTAssertEqual(tree(outside), [])
    }

    /// Two runs at once into one folder, from empty and from an older output, always end complete and correct.
    func testConcurrentRunsEndWithACompleteOutput() throws {
        try config("output: Out\nmodule: Older\n", name: "older.yaml")
        for round in 0..<10 {
            let out = folder.appendingPathComponent("Out")
            try? manager.removeItem(at: out)
            if round % 2 == 1 { XCTAssertEqual(try CLI.run(["generate", "--config", "older.yaml"], in: folder).status, 0) }
            let runs = try (0..<2).map { _ in try CLI.start(["generate"], in: folder) }
            for run in runs {
                run.waitUntilExit()
                XCTAssertEqual(run.terminationStatus, 0, "round \(round)")
            }
            let check = try CLI.run(["generate", "--check"], in: folder)
            XCTAssertEqual(check.status, 0, "round \(round): " + check.stderr)
            XCTAssertFalse(tree(out).contains { $0.hasSuffix(".graphgen-tmp") || $0.contains("Older") }, "round \(round): \(tree(out))")
        }
    }

    /// A run killed after any file operation leaves the old output, the new one, or a folder that the next run
    /// reports as interrupted and repairs.
    func testInterruptedRunsAreDetectedAndRepaired() throws {
        try config("output: Out\nmodule: Older\n", name: "older.yaml")
        let out = folder.appendingPathComponent("Out")
        var outcomes: [String: Int] = [:]
        /// Kills a run at `step`; false when the run got through all its file operations.
        func kill(at step: Int) throws -> Bool {
            try? manager.removeItem(at: out)
            XCTAssertEqual(try CLI.run(["generate", "--config", "older.yaml"], in: folder).status, 0)
            let killed = try CLI.run(["generate"], in: folder, environment: ["GRAPHGEN_FAULT_AFTER": "\(step)"])
            if killed.status == 0 { return false }
            XCTAssertEqual(killed.status, 86, "step \(step): " + killed.stderr)
            let newCheck = try CLI.run(["generate", "--check"], in: folder)
            let oldCheck = try CLI.run(["generate", "--check", "--config", "older.yaml"], in: folder)
            let interrupted = newCheck.stderr.contains("a generate into it was interrupted")
            let leftovers = tree(out).filter { $0.hasSuffix(".graphgen-tmp") || $0.hasSuffix(".graphgen-journal") }
            if interrupted {
                XCTAssertEqual(newCheck.status, 1, "step \(step)")
                outcomes["detected", default: 0] += 1
            } else {
                XCTAssertEqual(leftovers, [], "step \(step): leftovers --check does not report")
                XCTAssertTrue(newCheck.status == 0 || oldCheck.status == 0, "step \(step): neither old nor new, and not marked interrupted")
                outcomes[newCheck.status == 0 ? "new" : "old", default: 0] += 1
            }
            let repair = try CLI.run(["generate"], in: folder)
            XCTAssertEqual(repair.status, 0, repair.stderr)
            XCTAssertEqual(try CLI.run(["generate", "--check"], in: folder).status, 0, "step \(step): not repaired")
            XCTAssertFalse(tree(out).contains { $0.hasSuffix(".graphgen-tmp") || $0.contains("Older") || $0.hasSuffix(".graphgen-journal") }, "step \(step)")
            return true
        }
        // The first steps one by one, then a sample, then every step of the end: renames, removals, the stamp, the journal.
        var step = 1
        while try kill(at: step) { step += step < 6 ? 1 : 9 }
        for late in max(7, step - 9)..<step where (late - 6) % 9 != 0 { _ = try kill(at: late) }
        XCTAssertGreaterThan(outcomes["detected", default: 0], 5, "\(outcomes)")
        XCTAssertGreaterThan(outcomes["old", default: 0], 0, "\(outcomes)")
    }
}
