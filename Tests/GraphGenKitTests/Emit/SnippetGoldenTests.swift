import Foundation
import XCTest
@testable import GraphGenKit

/// Small goldens: one feature each, a schema of a few lines and the generated files that show it, so a template
/// change shows as a few short diffs. `RECORD_GOLDENS=1 swift test --filter SnippetGoldenTests` re-records them
/// (Fixtures/snippets/<test>/). The whole packages are checked by GeneratedPackageGoldenTests and EmitterGoldenTests.
final class SnippetGoldenTests: XCTestCase {
    private func assertSnippet(_ schema: String, files: [String], memberModules: Int? = nil, name: String = #function,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let model = ModelBuilder.build(schema: try SchemaDecoder.decode("namespace: example.snip\nmodule: Snip\n" + schema, file: "schema.yaml"), pages: [])
        XCTAssertEqual(model.diagnostics.filter { $0.severity >= .warning }.map(\.message), [], file: file, line: line)
        let rendered = try Generator.render(model: model, templatesOverride: nil, module: nil, accessLevel: nil, memberModules: memberModules)
        let chosen = rendered.filter { files.contains($0.path) }
        XCTAssertEqual(chosen.map(\.path).sorted(), files.sorted(), "a file the snippet names was not generated", file: file, line: line)
        let folder = TestPaths.repoRoot.appendingPathComponent("Tests/GraphGenKitTests/Fixtures/snippets")
            .appendingPathComponent(String(name.prefix { $0 != "(" }.dropFirst("test".count))).path
        try GoldenFiles.assertMatches(chosen, expectedFolder: folder, file: file, line: line)
    }

    func testModelProperties() throws {
        try assertSnippet("""
        entities:
          - name: widget
            description: "A widget.\\r\\nIts second line stays in the comment."
            properties:
              - { name: id, type: String, nullable: false, readOnly: true }
              - { name: size, type: Int32, description: Size in millimetres. }
              - { name: created, type: DateTimeOffset }
              - { name: tags, type: Collection(String) }
              - { name: colour, type: colour }
              - { name: place, type: address }
        complexTypes:
          - name: address
            properties:
              - { name: city, type: String }
        enums:
          - name: colour
            members: [red, green]
        """, files: ["Sources/Snip/Models/Models+W.swift", "Sources/Snip/Models/Models+A.swift"])
    }

    func testEnumAndFlags() throws {
        try assertSnippet("""
        enums:
          - name: colour
            members: [red, default, "2tone"]
          - name: rights
            flags: true
            members: [read, write]
        entities:
          - name: widget
            properties:
              - { name: colour, type: colour }
        """, files: ["Sources/Snip/Enums/Enums+C.swift", "Sources/Snip/Enums/Enums+R.swift"])
    }

    func testFamilyProtocol() throws {
        try assertSnippet("""
        entities:
          - name: shape
            abstract: true
            properties:
              - { name: id, type: String }
              - { name: label, type: String }
          - name: circle
            base: shape
            properties:
              - { name: radius, type: Double }
        """, files: ["Sources/Snip/Models/Models+S.swift", "Sources/Snip/Models/Models+C.swift", "Sources/Snip/Runtime/GraphModelTypes.swift"])
    }

    func testCollectionAndItemBuilders() throws {
        try assertSnippet("""
        root:
          - name: widgets
            type: widget
            collection: true
            operations: [list, get, create, update, delete]
        entities:
          - name: widget
            properties:
              - { name: id, type: String }
            navigation:
              - { name: parts, target: part, operations: [list, get] }
          - name: part
            properties:
              - { name: id, type: String }
        """, files: ["Sources/Snip/RequestBuilders/RequestBuilders+W.swift", "Sources/Snip/RequestBuilders/GraphClient+Roots.swift"])
    }

    func testBoundFunctionWithParameters() throws {
        try assertSnippet("""
        root:
          - name: widgets
            type: widget
            collection: true
            operations: [get]
        entities:
          - name: widget
            properties:
              - { name: id, type: String }
            actions:
              - { name: resize, kind: action, parameters: [{ name: width, type: Int32 }], returns: widget }
              - { name: preview, kind: function, parameters: [{ name: at, type: DateTimeOffset }, { name: scale, type: Double }], returns: String }
        """, files: ["Sources/Snip/Parameters/Parameters+W.swift", "Sources/Snip/RequestBuilders/RequestBuilders+W.swift"])
    }

    func testAlternateKey() throws {
        try assertSnippet("""
        root:
          - name: widgets
            type: widget
            collection: true
            operations: [list, get]
        entities:
          - name: widget
            alternateKeys: [serial]
            properties:
              - { name: id, type: String }
              - { name: serial, type: String }
        """, files: ["Sources/Snip/RequestBuilders/RequestBuilders+W.swift"])
    }

    /// A library split into modules (four member modules, so two type modules): the core holds the runtime and the
    /// family protocols, type modules declare the types, parameters modules the calls' parameters, member modules
    /// hold the types' members as extensions, and the package's module has the client's roots and re-exports them all.
    func testLibrarySplitIntoModules() throws {
        try assertSnippet("""
        root:
          - name: widgets
            type: widget
            collection: true
            operations: [list, get, create]
        entities:
          - name: widget
            properties:
              - { name: id, type: String }
              - { name: size, type: Int32 }
              - { name: colour, type: colour }
            actions:
              - { name: resize, kind: action, parameters: [{ name: width, type: Int32 }], returns: widget }
          - name: gadget
            base: widget
            properties:
              - { name: wheels, type: Int32 }
        enums:
          - name: colour
            members: [red, green]
        """, files: ["Package.swift", "Sources/Snip/Snip.swift", "Sources/Snip/GraphClient+Roots.swift",
                     "Sources/SnipCore/Families/Families+W.swift", "Sources/SnipTypes2/Models/Models+W.swift",
                     "Sources/SnipTypes2/Enums/Enums+C.swift", "Sources/SnipTypes1/RequestBuilders/RequestBuilders+W.swift",
                     "Sources/SnipParameters2/Parameters/Parameters+W.swift", "Sources/SnipMembers2/Models/Models+W.swift",
                     "Sources/SnipMembers3/RequestBuilders/RequestBuilders+W.swift"], memberModules: 4)
    }
}
