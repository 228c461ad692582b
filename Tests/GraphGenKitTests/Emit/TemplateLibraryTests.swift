import Foundation
import XCTest
@testable import GraphGenKit

final class TemplateLibraryTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws { folder = try TestPaths.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testOverrideReplacesOneTemplate() throws {
        try "// custom {{typeName}}\n".write(to: folder.appendingPathComponent("enum.swift.mustache"), atomically: true, encoding: .utf8)
        let model = try ModelLoader.load(schemaPath: TestPaths.schema, pagePaths: [TestPaths.seedPages])
        let files = try Generator.render(model: model, templatesOverride: folder.path, module: nil, accessLevel: nil)
        XCTAssertEqual(files.first { $0.path.hasSuffix("Enums/Enums+R.swift") }?.contents.split(separator: "\n").filter { $0.hasPrefix("// custom") }, ["// custom ResultantAppState", "// custom ResultantAppStateDetail"])
        XCTAssertTrue(files.first { $0.path.hasSuffix("Models/Models+U.swift") }?.contents.contains("struct UserAppInstallStatus") == true)
    }

    func testMissingKeyIsAnErrorAtTheTemplateLine() throws {
        try "{{header}}\n\n// {{typeNmae}}\n".write(to: folder.appendingPathComponent("enum.swift.mustache"), atomically: true, encoding: .utf8)
        let model = try ModelLoader.load(schemaPath: TestPaths.schema, pagePaths: [TestPaths.seedPages])
        XCTAssertThrowsError(try Generator.render(model: model, templatesOverride: folder.path, module: nil, accessLevel: nil)) { error in
            let first = (error as? DiagnosticError)?.diagnostics.first?.description ?? ""
            XCTAssertTrue(first.hasSuffix("enum.swift.mustache:3:4: error: template uses 'typeNmae', which its context does not have (it has: access, asyncHTTPClient, coreModule, defaultBaseURL, docLines, exportedModules, header, isFlags, logging, members, module, moduleTargets, packageAccess, runtimeDependencies, tracing, typeName) [template-key]"), first)
        }
    }

    func testNamesAreCheckedWhenTheLibraryLoadsNotOnlyWhenAFileUsesThem() throws {
        // No enum is flags in a library check: the name inside the section is checked all the same.
        try "{{#isFlags}}\n{{memberz}}\n{{/isFlags}}\n".write(to: folder.appendingPathComponent("enum.swift.mustache"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try TemplateLibrary(overrides: folder.path)) { error in
            let first = (error as? DiagnosticError)?.diagnostics.first
            XCTAssertEqual(first?.ruleID, "template-key")
            XCTAssertEqual(first?.location?.line, 2)
        }
    }

    func testAnOverrideNamingNoTemplateIsAnError() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tests"), withIntermediateDirectories: true)
        try "{{header}}\n".write(to: folder.appendingPathComponent("tests/ExampleTest.swift.mustache"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try TemplateLibrary(overrides: folder.path)) { error in
            let first = (error as? DiagnosticError)?.diagnostics.first
            XCTAssertEqual(first?.ruleID, "template-missing")
            XCTAssertTrue(first?.message.contains("'tests/ExampleTest.swift'") == true, first?.message ?? "")
        }
        // A new runtime file is allowed: every runtime template becomes a file.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("tests"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("runtime"), withIntermediateDirectories: true)
        try "{{header}}\n{{#textTypes}}// {{name}}\n{{/textTypes}}".write(to: folder.appendingPathComponent("runtime/Extra.swift.mustache"), atomically: true, encoding: .utf8)
        XCTAssertTrue(try TemplateLibrary(overrides: folder.path).hasTemplate("runtime/Extra.swift"))
    }

    func testSyntaxErrorNamesFileAndLine() throws {
        try "line one\n{{#members}}\n{{/member}}\n".write(to: folder.appendingPathComponent("model.swift.mustache"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try TemplateLibrary(overrides: folder.path)) { error in
            let first = (error as? DiagnosticError)?.diagnostics.first
            XCTAssertEqual(first?.location?.line, 3)
            XCTAssertEqual(first?.ruleID, "template-syntax")
            XCTAssertTrue(first?.location?.file.hasSuffix("model.swift.mustache") == true)
        }
    }

    func testPartialsAreASyntaxErrorAtTheirPlace() throws {
        try "{{> header}}\n".write(to: folder.appendingPathComponent("model.swift.mustache"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try TemplateLibrary(overrides: folder.path)) { error in
            let first = (error as? DiagnosticError)?.diagnostics.first
            XCTAssertEqual(first?.ruleID, "template-syntax")
            XCTAssertEqual(first.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }, "1:1")
            XCTAssertTrue(first?.message.contains("not supported") == true, first?.message ?? "")
        }
    }
}
