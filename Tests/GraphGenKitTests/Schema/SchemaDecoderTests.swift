import XCTest
@testable import GraphGenKit

final class SchemaDecoderTests: XCTestCase {
    func testSeedSchema() throws {
        let schema = try SchemaDecoder.read(path: TestPaths.schema, displayPath: "s.yaml")
        XCTAssertEqual(schema.namespace, "microsoft.graph")
        XCTAssertEqual(schema.module, "IntuneApps")
        XCTAssertEqual(schema.enumeration(named: "resultantAppStateDetail")?.members.count, 36)
        XCTAssertEqual(schema.enumeration(named: "resultantAppState")?.members.map(\.value), ["1", "2", "3", "4", "5", "99", "-1"])
        XCTAssertEqual(schema.entity(named: "mobileAppInstallStatus")?.properties.first { $0.name == "installState" }?.type, .enumeration("resultantAppState"))
        XCTAssertEqual(schema.root.map(\.name), ["deviceAppManagement"])
    }

    func decodeError(_ yaml: String) -> String {
        do {
            _ = try SchemaDecoder.decode(yaml, file: "s.yaml")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testUnknownTypeNamesTheSpelling() {
        let yaml = "namespace: n\nmodule: M\nentities:\n  - name: a\n    properties:\n      - { name: x, type: Collection(Strin) }\n"
        XCTAssertEqual(decodeError(yaml), "s.yaml:6:26: error: unknown type 'Strin' (not a Graph primitive, enum, entity or complex type in this schema) [schema-unknown-type]")
    }

    func testUnknownKeyIsAnError() {
        let yaml = "namespace: n\nmodule: M\nentites: []\n"
        XCTAssertTrue(decodeError(yaml).hasPrefix("s.yaml:3:1: error: unknown key 'entites' in schema"), decodeError(yaml))
    }

    func testMalformedYAMLNamesLineAndColumn() {
        let yaml = "namespace: n\nmodule: [M\n"
        XCTAssertTrue(decodeError(yaml).hasPrefix("s.yaml:3:1: error: YAML: "), decodeError(yaml))
    }

    func testNavigationToUnknownEntity() {
        let yaml = "namespace: n\nmodule: M\nroot:\n  - name: r\n    navigation:\n      - { name: xs, target: nothing }\n"
        XCTAssertEqual(decodeError(yaml), "s.yaml:6:17: error: navigation 'xs' targets unknown entity type 'nothing' [schema-unknown-type]")
    }

    func testEveryErrorIsReportedInOneRun() {
        let yaml = "namespace: n\nmodule: M\nenums:\n  - name: e\n    members:\nentities:\n  - name: a\n    base: b\n"
        let message = decodeError(yaml)
        XCTAssertTrue(message.contains("enum 'e' has no members"), message)
        XCTAssertTrue(message.contains("unknown base type 'b'"), message)
    }

    func testTypedRoots() throws {
        let yaml = "namespace: n\nmodule: M\nroot:\n  - { name: users, type: user, collection: true, operations: [list, get] }\n  - { name: me, type: user, operations: [get] }\nentities:\n  - name: user\n"
        let schema = try SchemaDecoder.decode(yaml, file: "s.yaml")
        XCTAssertEqual(schema.root.map(\.asNavigation?.collection), [true, false])
        XCTAssertEqual(schema.root.first?.operations.map(\.value), [.list, .get])
        let walk = try NavigationWalker(schema: schema).walk(PathTemplate(parsing: "/users/{id}")).get()
        XCTAssertEqual(walk.canonicalPath.description, "/users/{userId}")
        XCTAssertEqual(walk.navigationOwner, SchemaSingleton.serviceRoot)
        XCTAssertEqual(NavigationWalker(schema: schema).declaredOperations().map { "\($0.kind.value) \($0.path)" },
                       ["list /users", "get /users/{userId}", "get /me"])
        XCTAssertEqual(decodeError("namespace: n\nmodule: M\nroot:\n  - { name: me, type: nobody }\n"),
                       "s.yaml:4:23: error: root type 'nobody' is not an entity type of this schema [schema-unknown-type]")
        XCTAssertEqual(decodeError("namespace: n\nmodule: M\nroot:\n  - { name: me, operations: [get] }\n"),
                       "s.yaml:4:29: error: 'operations' needs 'type': only a typed root (a singleton or entity set) has operations of its own [schema-shape]")
    }
}
