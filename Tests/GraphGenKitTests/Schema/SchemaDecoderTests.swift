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

    /// Actions and functions: read with their parameters and return types, walked to from paths (own and
    /// inherited, plain or qualified names, a function's arguments inline), written back unchanged.
    func testActionsAndFunctions() throws {
        let yaml = """
        namespace: n
        module: M
        root:
          - { name: devices, type: device, collection: true, operations: [list, get] }
        entities:
          - name: base
            actions:
              - { name: ping }
          - name: device
            base: base
            properties:
              - { name: id, type: String }
            actions:
              - { name: wipe, parameters: [{ name: keep, type: Boolean, nullable: false }, { name: tags, type: Collection(String) }], returns: device }
              - { name: countActive, kind: function, bound: collection, returns: Int64 }
              - { name: summary, kind: function, parameters: [{ name: days, type: Int32 }], returns: String }
              - { name: wipe, namespace: n.security, parameters: [{ name: reason, type: String }] }

        """
        let schema = try SchemaDecoder.decode(yaml, file: "s.yaml")
        let actions = try XCTUnwrap(schema.entity(named: "device")?.actions)
        XCTAssertEqual(actions.map(\.name), ["wipe", "countActive", "summary", "wipe"])
        XCTAssertEqual(actions.map(\.namespace), [nil, nil, nil, "n.security"])
        XCTAssertEqual(actions[0].parameters.map { "\($0.name) \($0.type) \($0.nullable)" }, ["keep Boolean false", "tags Collection(String) true"])
        XCTAssertEqual(actions[0].returns, .entity("device"))
        XCTAssertEqual(actions[1].returns, .primitive(.int64))
        XCTAssertTrue(actions[1].boundToCollection)
        let walker = NavigationWalker(schema: schema)
        for (path, expected) in [("/devices/7/wipe", "/devices/{deviceId}/wipe"), ("/devices/7/n.wipe", "/devices/{deviceId}/wipe"),
                                 ("/devices/countActive()", "/devices/countActive()"), ("/devices/7/summary(days=3)", "/devices/{deviceId}/summary(days=@days)"),
                                 ("/devices/7/ping", "/devices/{deviceId}/ping"),
                                 ("/devices/7/n.security.wipe", "/devices/{deviceId}/n.security.wipe")] {
            let walk = try walker.walk(PathTemplate(parsing: path)).get()
            XCTAssertEqual(walk.canonicalPath.description, expected, path)
            XCTAssertNotNil(walk.call, path)
        }
        XCTAssertEqual(try walker.walk(PathTemplate(parsing: "/devices/7/ping")).get().callOwner, "base", "inherited from the base")
        XCTAssertEqual(try walker.walk(PathTemplate(parsing: "/devices/7/n.security.wipe")).get().call?.namespace, "n.security", "a call of another namespace is told apart by it")
        XCTAssertNil(try walker.walk(PathTemplate(parsing: "/devices/7/wipe")).get().call?.namespace)
        guard case .failure(let failure) = walker.walk(PathTemplate(parsing: "/devices/7/wipe/more")) else { return XCTFail("a segment after a call") }
        XCTAssertTrue(failure.message.contains("nothing may follow the call of 'wipe'"), failure.message)
        let declared = walker.declaredOperations().operations.filter { [.action, .function].contains($0.kind.value) }.map { "\($0.kind.value) \($0.path)" }
        XCTAssertEqual(declared, ["action /devices/{deviceId}/wipe", "function /devices/countActive()", "function /devices/{deviceId}/summary(days=@days)",
                                  "action /devices/{deviceId}/n.security.wipe", "action /devices/{deviceId}/ping"])
        XCTAssertEqual(SchemaYAMLWriter.render(try SchemaDecoder.decode(SchemaYAMLWriter.render(schema), file: "s.yaml")), SchemaYAMLWriter.render(schema), "written back unchanged")
    }

    func testActionErrorsAreLocated() {
        let yaml = """
        namespace: n
        module: M
        entities:
          - name: device
            navigation:
              - { name: owner, target: device, collection: false }
            actions:
              - { name: owner }
              - { name: wipe, kind: procedure, bound: everything, parameters: [{ name: p, type: Nothing }], returns: Missing }
              - { name: wipe }
              - { name: scan, namespace: "n..x" }
        complexTypes:
          - name: c
            actions: []

        """
        let message = decodeError(yaml)
        for expected in ["s.yaml:8:17: error: the action or function 'owner' has the name of a navigation property of 'device'",
                         "s.yaml:9:29: error: 'kind' must be action or function", "s.yaml:9:47: error: 'bound' must be entity or collection",
                         "s.yaml:9:89: error: unknown type 'Nothing'", "s.yaml:9:110: error: unknown type 'Missing'",
                         "s.yaml:10:17: error: duplicate action or function of 'device' 'wipe'", "s.yaml:14:5: error: unknown key 'actions' in complex type",
                         "s.yaml:11:34: error: 'namespace' must be a dotted name"] {
            XCTAssertTrue(message.contains(expected), "\(expected)\n\(message)")
        }
    }

    /// A function may be declared again with other parameters (an overload); with the same parameter names it is a
    /// duplicate, in any order.
    func testFunctionOverloadsDifferByTheirParametersNames() throws {
        let yaml = """
        namespace: n
        module: M
        entities:
          - name: sheet
            actions:
              - { name: range, kind: function, returns: sheet }
              - { name: range, kind: function, parameters: [{ name: address, type: String }], returns: sheet }
              - { name: image, kind: function, parameters: [{ name: width, type: Int32 }, { name: height, type: Int32 }], returns: String }
              - { name: image, kind: function, parameters: [{ name: height, type: Int32 }, { name: width, type: Int32 }], returns: String }

        """
        XCTAssertTrue(decodeError(yaml).contains("s.yaml:9:17: error: duplicate action or function of 'sheet' 'image(height,width)' (first declared at s.yaml:8:17)"), decodeError(yaml))
        let overloads = yaml.replacingOccurrences(of: "      - { name: image, kind: function, parameters: [{ name: height, type: Int32 }, { name: width, type: Int32 }], returns: String }\n", with: "")
        let schema = try SchemaDecoder.decode(overloads, file: "s.yaml")
        XCTAssertEqual(schema.entities.first?.actions.map(\.signature), ["range()", "range(address)", "image(height,width)"])
    }

    func testAlternateKeysNameTheTypesProperties() throws {
        let yaml = """
        namespace: n
        module: M
        entities:
          - name: app
            alternateKeys: [appId, missing, appId]
            properties:
              - { name: appId, type: String }

        """
        let message = decodeError(yaml)
        XCTAssertTrue(message.contains("s.yaml:5:28: error: alternate key property 'missing' is not a property of 'app'"), message)
        XCTAssertTrue(message.contains("s.yaml:5:37: error: duplicate alternate key of 'app' 'appId' (first declared at s.yaml:5:21)"), message)
        let schema = try SchemaDecoder.decode(yaml.replacingOccurrences(of: "[appId, missing, appId]", with: "[appId]"), file: "s.yaml")
        XCTAssertEqual(schema.entities.first?.alternateKeys, ["appId"])
    }

    func testTypedRoots() throws {
        let yaml = "namespace: n\nmodule: M\nroot:\n  - { name: users, type: user, collection: true, operations: [list, get] }\n  - { name: me, type: user, operations: [get] }\nentities:\n  - name: user\n"
        let schema = try SchemaDecoder.decode(yaml, file: "s.yaml")
        XCTAssertEqual(schema.root.map(\.asNavigation?.collection), [true, false])
        XCTAssertEqual(schema.root.first?.operations.map(\.value), [.list, .get])
        let walk = try NavigationWalker(schema: schema).walk(PathTemplate(parsing: "/users/{id}")).get()
        XCTAssertEqual(walk.canonicalPath.description, "/users/{userId}")
        XCTAssertEqual(walk.navigationOwner, EntryPoint.serviceRoot)
        XCTAssertEqual(NavigationWalker(schema: schema).declaredOperations().operations.map { "\($0.kind.value) \($0.path)" },
                       ["list /users", "get /users/{userId}", "get /me"])
        XCTAssertEqual(decodeError("namespace: n\nmodule: M\nroot:\n  - { name: me, type: nobody }\n"),
                       "s.yaml:4:23: error: root type 'nobody' is not an entity type of this schema [schema-unknown-type]")
        XCTAssertEqual(decodeError("namespace: n\nmodule: M\nroot:\n  - { name: me, operations: [get] }\n"),
                       "s.yaml:4:29: error: 'operations' needs 'type': only a typed root (a singleton or entity set) has operations of its own [schema-shape]")
    }
}
