import Foundation
@testable import GraphGenKit
import XCTest

/// The generate run's outcomes, on the seed schema and pages: written, current, checked, bundled.
final class GenerateRunTests: XCTestCase {
    private func settings(output: String) -> GenerateRun.Settings {
        GenerateRun.Settings(schema: TestPaths.schema, pages: [TestPaths.seedPages], root: TestPaths.repoRoot.path, configFile: nil,
                             output: output, outputSetting: nil, templates: nil, module: "Seeds", accessLevel: nil)
    }

    private func run(_ settings: GenerateRun.Settings) throws -> (GenerateRun.Outcome, warnings: [Diagnostic]) {
        var warnings: [Diagnostic] = []
        let outcome = try GenerateRun.run(settings, warnings: { warnings += $0 }, waiting: {})
        return (outcome, warnings)
    }

    func testWritesThenStopsOnTheStampThenChecksClean() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out").path
        guard case .written(let plan, let api) = try run(settings(output: output)).0 else { return XCTFail("first run writes") }
        XCTAssertGreaterThan(plan.added.count, 20)
        XCTAssertNil(api, "no earlier API surface to compare with")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/Package.swift"))
        guard case .current = try run(settings(output: output)).0 else { return XCTFail("unchanged inputs stop on the stamp") }
        var check = settings(output: output)
        check.check = true
        guard case .checked(let checked, let diff, let interrupted, _) = try run(check).0 else { return XCTFail("--check compares") }
        XCTAssertTrue(checked.isEmpty)
        XCTAssertEqual(diff, "")
        XCTAssertFalse(interrupted)
        // A hand edit is what --check reports, as a diff naming the file.
        let model = try XCTUnwrap(FileManager.default.enumerator(atPath: output)?.compactMap { $0 as? String }.first { $0.contains("/Models/") })
        try "// edited\n".write(toFile: output + "/" + model, atomically: true, encoding: .utf8)
        guard case .checked(let changed, let edited, _, _) = try run(check).0 else { return XCTFail("--check compares") }
        XCTAssertFalse(changed.isEmpty)
        XCTAssertTrue(edited.contains(model), edited)
    }

    func testBundleFilesHoldTheLibraryAndNothingElseIsWritten() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bundled = settings(output: folder.appendingPathComponent("out").path)
        bundled.bundleFiles = (0..<3).map { folder.appendingPathComponent("Bundle\($0).swift").path }
        guard case .bundle(let written) = try run(bundled).0 else { return XCTFail("bundles are written") }
        XCTAssertEqual(written, 3)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path), "no output folder")
        guard case .bundle(let again) = try run(bundled).0 else { return XCTFail("bundles are written") }
        XCTAssertEqual(again, 0, "unchanged bundles are not rewritten (no stamp is used for them)")
    }

    /// Bundle files go into one target, so a requested split into modules does not apply to them.
    func testBundleFilesAreOneModuleWhateverSplitIsAsked() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bundled = settings(output: folder.appendingPathComponent("out").path)
        bundled.bundleFiles = [folder.appendingPathComponent("Bundle.swift").path]
        bundled.memberModules = 3
        _ = try run(bundled)
        let text = try String(contentsOfFile: bundled.bundleFiles[0], encoding: .utf8)
        XCTAssertFalse(text.contains("import SeedsCore"), "a bundle imports no module of a split")
        XCTAssertFalse(text.contains("@_exported"))
        XCTAssertTrue(text.contains("public struct MobileApp"))
        XCTAssertTrue(text.contains("var deviceStatuses"), "a model's members are in the bundle with it")

        var split = settings(output: folder.appendingPathComponent("split").path)
        split.memberModules = 3
        guard case .written(let plan, _) = try run(split).0 else { return XCTFail("the split library is written") }
        XCTAssertTrue(plan.added.contains("Sources/Seeds/Seeds.swift"), "\(plan.added)")
        XCTAssertEqual(Set(plan.added.filter { $0.hasPrefix("Sources/") }.compactMap { $0.split(separator: "/").dropFirst().first.map(String.init) }),
                       ["Seeds", "SeedsCore", "SeedsExamples", "SeedsMembers1", "SeedsMembers2", "SeedsMembers3"])
        XCTAssertTrue(plan.added.contains("Sources/SeedsCore/Models/Models+M.swift"), "with no type modules the core declares the models")
        XCTAssertTrue(plan.added.contains("Sources/SeedsExamples/DocumentedExamples/DocumentedExamples.swift"), "the stub's examples are a module of their own")
    }

    /// A property a page's table documents that the schema lacks is a warning: the generated model cannot have it.
    func testAPagePropertyTheSchemaLacksIsAWarningUnlessDriftAcceptsIt() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = folder.appendingPathComponent("s.yaml").path
        try DriftRuleTests.schema.write(toFile: schema, atomically: true, encoding: .utf8)
        let pages = folder.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        try DriftRuleTests.clean.replacingOccurrences(of: "|size|Int32|Size.|\n", with: "|size|Int32|Size.|\n|colour|String|Undeclared.|\n")
            .write(to: pages.appendingPathComponent("p.md"), atomically: true, encoding: .utf8)
        var check = GenerateRun.Settings(schema: schema, pages: [pages.path], root: folder.path, configFile: nil,
                                         output: folder.appendingPathComponent("out").path, outputSetting: nil, templates: nil, module: "T", accessLevel: nil)
        check.check = true
        let warned = try run(check).warnings.filter { $0.ruleID == DriftRuleID.propertyExtra.rawValue }
        XCTAssertEqual(warned.map(\.location?.line), [24], "the row after size")
        XCTAssertTrue(warned.allSatisfy { $0.message.contains("colour") && $0.message.hasSuffix("the generated model leaves it out until the schema declares it") })
        check.driftDisabledRules = [.propertyExtra]
        XCTAssertEqual(try run(check).warnings.filter { $0.ruleID == DriftRuleID.propertyExtra.rawValue }.count, 0)
    }
}
