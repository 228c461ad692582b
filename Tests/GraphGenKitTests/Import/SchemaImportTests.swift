import Foundation
import XCTest
@testable import GraphGenKit

/// Each CSDL construct on a small hand-written document, against a golden of the schema it imports to
/// (followed by the warnings and the summary). Re-record with `RECORD_GOLDENS=1 swift test --filter SchemaImportTests`.
final class SchemaImportTests: XCTestCase {
    static let folder = TestPaths.repoRoot.appendingPathComponent("Tests/GraphGenKitTests/Fixtures/csdl")

    func imported(_ name: String, _ configure: (inout SchemaImportOptions) -> Void = { _ in }) throws -> String {
        var options = SchemaImportOptions()
        options.module = "Example"
        configure(&options)
        let document = try CSDLDecoder.read(path: Self.folder.appendingPathComponent("\(name).xml").path, displayPath: "\(name).xml")
        let result = try SchemaImport.run(document, options: options)
        let yaml = SchemaYAMLWriter.render(result.schema)
        _ = try SchemaDecoder.decode(yaml, file: "\(name).yaml")
        return yaml + "\n# warnings\n" + result.warnings.map { "# \($0)" }.joined(separator: "\n") + "\n# summary\n" + result.summary.map { "# \($0)" }.joined(separator: "\n") + "\n"
    }

    func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.folder.appendingPathComponent("expected/\(name).yaml")
        if GoldenFiles.recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            XCTFail("recorded \(url.path); run again without RECORD_GOLDENS", file: file, line: line)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        if expected != text {
            XCTFail("import differs from \(url.lastPathComponent):\n" + LineDiff.unified(old: expected, new: text, oldName: "expected", newName: "imported"), file: file, line: line)
        }
    }

    func testNamespacesAndAliases() throws {
        let text = try imported("namespaces")
        try assertGolden(text, "namespaces")
        XCTAssertTrue(text.contains("- name: security.alert"), "a type of a namespace below the container's is named relative to it")
        XCTAssertTrue(text.contains("{ name: securityAlert, type: security.alert }"))
    }

    func testEnums() throws {
        let text = try imported("enums")
        try assertGolden(text, "enums")
        XCTAssertTrue(text.contains("flags: true"), text)
        XCTAssertTrue(text.contains("members: []"))
    }

    func testTypesAndAnnotations() throws {
        let text = try imported("types")
        try assertGolden(text, "types")
        XCTAssertTrue(text.contains("{ name: size, type: Int64, readOnly: true }"), "Core.Computed")
        XCTAssertTrue(text.contains("{ name: createdBy, type: String, readOnly: true, description: \"Who made it.\" }"), "Core.Immutable, LongDescription")
        XCTAssertTrue(text.contains("{ name: documents, target: document, operations: [list, get, update, delete]"), "InsertRestrictions on the navigation")
        XCTAssertTrue(text.contains("{ name: licenses, target: license, operations: [list, get, create, update]"), "DeleteRestrictions on the target type")
        XCTAssertTrue(text.contains("{ name: shape, type: GeographyPoint }"), "a spatial value, kept as GeoJSON")
        XCTAssertTrue(text.contains("{ name: anyValue, type: Untyped }"))
        XCTAssertTrue(text.contains("types.xml:21:9: warning: 1 properties have Edm types GraphGen does not support (Edm.AnnotationPath)"), text)
    }

    func testActionsAndFunctions() throws {
        let text = try imported("actions")
        try assertGolden(text, "actions")
        XCTAssertTrue(text.contains("- { name: wipe, parameters: [{ name: keepData, type: Boolean, nullable: false }, { name: options, type: options }, { name: tags, type: Collection(String) }] }"), text)
        XCTAssertTrue(text.contains("- { name: summarize, kind: function, parameters: [{ name: period, type: period }], returns: summary }"), text)
        XCTAssertTrue(text.contains("- { name: summarize, kind: function, parameters: [{ name: from, type: Date }], returns: summary }"), "an overload: \(text)")
        XCTAssertTrue(text.contains("- { name: findStale, kind: function, composable: true, bound: collection, returns: Collection(device) }"), text)
        for reason in ["unbound", "bound to a complex or unknown type", "declared again for the same binding", "named like a navigation property",
                       "with a parameter or return type GraphGen does not support (Edm.NavigationPropertyPath)"] {
            XCTAssertTrue(text.contains("1 actions and functions are not imported: \(reason)"), reason)
        }
        XCTAssertTrue(text.contains("# actions and functions: 5 of 10"), text)
    }

    func testPathsWholeAndTrimmed() throws {
        let whole = try imported("paths")
        try assertGolden(whole, "paths")
        XCTAssertTrue(whole.contains("- { name: attachments, target: attachment, operations: [list, get, create, update, delete] }"), "a derived type's navigation, reached below a cast")
        XCTAssertTrue(whole.contains("- { name: directReports, target: user, contained: false, operations: [list, get, addReference, removeReference] }"), "references to an entity set's items")
        let trimmed = try imported("paths") { $0.include = ["/me/folders/{id}/items"] }
        try assertGolden(trimmed, "paths-trimmed")
        XCTAssertFalse(trimmed.contains("name: settings"), "a navigation off the included path is left out")
        XCTAssertFalse(trimmed.contains("name: note"), "derived types only with --with-derived")
        XCTAssertFalse(trimmed.contains("name: reports"))
        XCTAssertFalse(trimmed.contains("name: users"))
        let derived = try imported("paths") { $0.include = ["/me/folders/{id}/items"]; $0.withDerived = true }
        XCTAssertTrue(derived.contains("- name: note\n    base: item"))
        let excluded = try imported("paths") { $0.include = ["/me/**"]; $0.exclude = ["/me/folders/*/childFolders"] }
        XCTAssertTrue(excluded.contains("name: items") && !excluded.contains("name: childFolders"), excluded)
        XCTAssertTrue(whole.contains("  - name: user\n    base: entity\n    alternateKeys: [mail]\n"), "Core.AlternateKeys of one property")
        XCTAssertTrue(whole.contains("paths.xml:21:9: warning: 1 alternate keys are left out: of several properties, or of none the type declares"), whole)
    }

    /// A whole import keeps navigation no path reaches, as members of their models; a trimmed one, and what an exclude
    /// pattern names, leave it out.
    func testWholeImportKeepsNavigationNoPathReaches() throws {
        let whole = try imported("paths")
        XCTAssertTrue(whole.contains("- { name: delegate, target: user, collection: false, contained: false, operations: [get] }"), "navigation on a complex type")
        XCTAssertTrue(whole.contains("- { name: actors, target: user, contained: false, operations: [list, get, addReference, removeReference] }"), "on an entity type no root reaches")
        XCTAssertTrue(whole.contains("# navigation properties: 9 of 9 (2 on no path from a root, kept as members of their models)"), whole)
        let trimmed = try imported("paths") { $0.include = ["/me/**"] }
        XCTAssertFalse(trimmed.contains("name: actors"), "a trimmed import keeps what its paths reach")
        let excluded = try imported("paths") { $0.exclude = ["/me/folders/*/childFolders", "/users/*/folders/*/childFolders"] }
        XCTAssertFalse(excluded.contains("name: childFolders"), "an excluded navigation stays out of a whole import")
        XCTAssertTrue(excluded.contains("name: actors"), excluded)
    }

    func errors(_ xml: String, _ configure: (inout SchemaImportOptions) -> Void = { _ in }) -> String {
        do {
            var options = SchemaImportOptions()
            configure(&options)
            _ = try SchemaImport.run(try CSDLDecoder.decode(Data(xml.utf8), file: "m.xml"), options: options)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    static func wrap(_ body: String) -> String {
        """
        <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
          <edmx:DataServices>
            <Schema Namespace="n" xmlns="http://docs.oasis-open.org/odata/ns/edm">
        \(body)
            </Schema>
          </edmx:DataServices>
        </edmx:Edmx>
        """
    }

    func testBadMetadataIsALocatedError() {
        XCTAssertEqual(errors(Self.wrap("      <ComplexType Name=\"a\">\n        <Property Name=\"b\" Type=\"n.missing\" />\n      </ComplexType>")),
                       "m.xml:5:9: error: unknown type 'n.missing' (no EntityType, ComplexType or EnumType of that name, and not an Edm primitive) [csdl-unknown-type]")
        XCTAssertEqual(errors(Self.wrap("      <ComplexType>\n      </ComplexType>")), "m.xml:4:7: error: <ComplexType> has no Name attribute [csdl-shape]")
        XCTAssertEqual(errors(Self.wrap("      <EntityType Name=\"a\">\n        <NavigationProperty Name=\"b\" Type=\"Collection(n.gone)\" ContainsTarget=\"true\" />\n      </EntityType>\n      <EntityContainer Name=\"c\"><Singleton Name=\"s\" Type=\"n.a\" /></EntityContainer>")),
                       "m.xml:5:9: error: unknown type 'n.gone' (no EntityType, ComplexType or EnumType of that name, and not an Edm primitive) [csdl-unknown-type]")
        XCTAssertTrue(errors("<edmx:Edmx xmlns:edmx=\"x\">\n  <edmx:DataServices>\n  </edmx:Edmx>").hasPrefix("m.xml:3:"), errors("<edmx:Edmx xmlns:edmx=\"x\">\n  <edmx:DataServices>\n  </edmx:Edmx>"))
        XCTAssertEqual(errors("<root/>"), "m.xml:1:1: error: the root element is <root>, not <edmx:Edmx>: this is not OData CSDL metadata [csdl-shape]")
        XCTAssertEqual(errors(Self.wrap("")) { $0.include = ["users/**"] }, "error: 'users/**' is not a path pattern (it must start with '/', e.g. /deviceAppManagement/**) [usage]")
    }

    func testBaseTypeProblemsAreErrorsAtTheCSDLLine() {
        let cycle = "      <EntityType Name=\"a\" BaseType=\"n.b\" />\n      <EntityType Name=\"b\" BaseType=\"n.c\" />\n      <EntityType Name=\"c\" BaseType=\"n.a\" />"
        XCTAssertEqual(errors(Self.wrap(cycle)), """
            m.xml:4:7: error: the BaseType chain a → b → c → a comes back to a [csdl-base-type]
            m.xml:5:7: error: the BaseType chain b → c → a → b comes back to b [csdl-base-type]
            m.xml:6:7: error: the BaseType chain c → a → b → c comes back to c [csdl-base-type]
            """)
        XCTAssertEqual(errors(Self.wrap("      <ComplexType Name=\"a\" BaseType=\"n.gone\" />")),
                       "m.xml:4:7: error: a's BaseType 'n.gone' is no EntityType or ComplexType of this document [csdl-unknown-type]")
        XCTAssertEqual(errors(Self.wrap("      <EntityType Name=\"a\" />\n      <ComplexType Name=\"b\" BaseType=\"n.a\" />")),
                       "m.xml:5:7: error: b is a ComplexType but its BaseType 'n.a' is an EntityType [csdl-base-type]")
    }

    func testForeignNamespacesAndVersionsAreWarned() throws {
        let xml = Self.wrap("      <EntityType Name=\"a\"><Key><PropertyRef Name=\"id\" /></Key><Property Name=\"id\" Type=\"Edm.String\" /></EntityType>\n      <EntityContainer Name=\"c\"><EntitySet Name=\"as\" EntityType=\"n.a\" /></EntityContainer>")
        XCTAssertTrue(try SchemaImport.run(try CSDLDecoder.decode(Data(xml.utf8), file: "m.xml"), options: SchemaImportOptions()).warnings.allSatisfy { $0.ruleID != "csdl-namespace" })
        let foreign = xml.replacingOccurrences(of: "Version=\"4.0\"", with: "Version=\"1.0\"")
            .replacingOccurrences(of: "xmlns=\"http://docs.oasis-open.org/odata/ns/edm\"", with: "xmlns=\"http://schemas.microsoft.com/ado/2008/09/edm\"")
        let warnings = try SchemaImport.run(try CSDLDecoder.decode(Data(foreign.utf8), file: "m.xml"), options: SchemaImportOptions()).warnings
            .filter { $0.ruleID == "csdl-namespace" }.map { "\($0)" }
        XCTAssertEqual(warnings, [
            "m.xml:1:1: warning: the metadata declares EDMX version 1.0; GraphGen reads OData v4 (4.0 and 4.01) [csdl-namespace]",
            "m.xml:3:5: warning: <Schema> is in the XML namespace 'http://schemas.microsoft.com/ado/2008/09/edm', not OData v4's 'http://docs.oasis-open.org/odata/ns/edm'; it is read as OData v4 [csdl-namespace]",
        ])
    }

    /// The whole Microsoft Graph v1.0 metadata: every element is imported or counted, checked against a count of
    /// the XML made here with plain text search, independent of the XML reader.
    func testGraphV1MetadataImportsWhole() throws {
        let path = TestPaths.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/csdl/graph-v1.0.csdl").path
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("../shared/csdl is not beside this clone") }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        func count(_ tag: String) -> Int { text.components(separatedBy: "<\(tag) ").count - 1 + text.components(separatedBy: "<\(tag)>").count - 1 }
        let document = try CSDLDecoder.read(path: path, displayPath: "graph-v1.0.csdl")
        XCTAssertEqual(document.schemas.count, count("Schema"))
        let result = try SchemaImport.run(document, options: SchemaImportOptions())
        let entities = result.schema.entities.filter { $0.kind == .entity }
        XCTAssertEqual(entities.count, count("EntityType"))
        XCTAssertEqual(result.schema.entities.count - entities.count, count("ComplexType"))
        XCTAssertEqual(result.schema.enums.count, count("EnumType"))
        XCTAssertEqual(result.schema.enums.reduce(0) { $0 + $1.members.count }, count("Member"))
        XCTAssertEqual(result.schema.entities.reduce(0) { $0 + $1.properties.count }, count("Property"), "no property dropped")
        XCTAssertEqual(result.schema.root.filter { !$0.collection }.count, count("Singleton"))
        XCTAssertEqual(result.schema.root.filter(\.collection).count, count("EntitySet"))
        let warnings = result.warnings.map(\.message).joined(separator: "\n")
        // Every action and function is imported or counted in a warning with its reason.
        let calls = count("Action") + count("Function")
        let imported = result.schema.entities.reduce(0) { $0 + $1.actions.count }
        XCTAssertTrue(result.summary.contains("actions and functions: \(imported) of \(calls)"), "\(result.summary)")
        let skipped = result.warnings.filter { $0.message.contains("actions and functions are not imported") }
            .compactMap { Int($0.message.prefix { $0.isNumber }) }.reduce(0, +)
        XCTAssertEqual(imported + skipped, calls, warnings)
        XCTAssertGreaterThan(imported, 1_100, warnings)
        XCTAssertEqual(result.schema.enums.filter(\.isFlags).count, text.components(separatedBy: "IsFlags=\"true\"").count - 1, "every flags enum is one")
        XCTAssertEqual(result.schema.enums.filter(\.isFlags).count, 64)
        XCTAssertEqual(result.schema.entities.filter(\.hasStream).count, text.components(separatedBy: "HasStream=\"true\"").count - 1)
        XCTAssertEqual(result.schema.entities.filter(\.isOpen).count, text.components(separatedBy: "OpenType=\"true\"").count - 1)
        XCTAssertTrue(result.summary.contains("entity types: 1182 of 1182"), "\(result.summary)")
        let navigation = count("NavigationProperty")
        XCTAssertEqual(result.schema.entities.reduce(0) { $0 + $1.navigation.count }, navigation, "no navigation property dropped")
        XCTAssertTrue(result.summary.contains { $0.hasPrefix("navigation properties: \(navigation) of \(navigation) ") }, "\(result.summary)")
        let schema = try SchemaDecoder.decode(SchemaYAMLWriter.render(result.schema), file: "v1.yaml")
        // Every navigation property is a typed member of its model: `user.messages`, `user.manager`, `group.members`.
        let model = ModelBuilder.build(schema: schema, pages: [])
        func members(_ type: String) -> [String: String] {
            Dictionary((model.entity(named: type)?.navigationProperties ?? []).map { ($0.name, $0.type.description) }, uniquingKeysWith: { first, _ in first })
        }
        XCTAssertEqual(members("user")["messages"], "Collection(message)")
        XCTAssertEqual(members("user")["manager"], "directoryObject")
        XCTAssertEqual(members("group")["members"], "Collection(directoryObject)")
        XCTAssertEqual(members("message")["attachments"], "Collection(attachment)")
        XCTAssertEqual(model.entities.reduce(0) { $0 + $1.navigationProperties.filter { $0.inheritedFrom == nil }.count }, navigation)
    }
}
