import Foundation
import XCTest
@testable import GraphGenKit

final class SchemaInferenceTests: XCTestCase {
    func seedPages() throws -> [APIPage] {
        try ModelLoader.pageFiles([TestPaths.seedPages]).map { try PageReader.read(path: $0, displayPath: $0).page }
    }

    func testSeedPagesGiveAValidSchema() throws {
        let inferred = SchemaInference(pages: try seedPages(), options: .init(module: "Seeds")).infer()
        let schema = try SchemaDecoder.decode(inferred.yaml, file: "inferred.yaml")
        XCTAssertEqual(schema.namespace, "microsoft.graph")
        XCTAssertEqual(schema.baseURL, "https://graph.microsoft.com")
        XCTAssertEqual(schema.apiVersion, "beta")
        XCTAssertEqual(schema.entity(named: "mobileAppInstallStatus")?.properties.count, 12, "13 with id, which the base declares")
        XCTAssertEqual(schema.entity(named: "userAppInstallStatus")?.properties.count, 5)
        XCTAssertEqual(schema.entity(named: "mobileAppInstallStatus")?.properties.first { $0.name == "installStateDetail" }?.type, .enumeration("resultantAppStateDetail"))
        XCTAssertEqual(schema.enumeration(named: "resultantAppState")?.members.count, 7)
        XCTAssertEqual(schema.enumeration(named: "resultantAppStateDetail")?.members.count, 36, "the longest list wins")
        XCTAssertEqual(schema.root.map(\.name), ["deviceAppManagement"])
        let user = try XCTUnwrap(schema.entity(named: "userAppInstallStatus"))
        XCTAssertEqual(user.navigation.first { $0.name == "deviceStatuses" }?.operations.map(\.value), [.create, .update, .addReference])
        let model = ModelBuilder.build(schema: schema, pages: try seedPages())
        XCTAssertTrue(model.operations.allSatisfy(\.pathIsNavigable), "every seed path walks the inferred navigation")
    }

    /// Real v1.0 pages title action pages "assign action": such a page is a call, never an entity or navigation.
    func testActionPagesAreLeftOutAndNamed() throws {
        let folder = TestPaths.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/graph-docs-v1.0/api-reference/v1.0/api").path
        guard FileManager.default.fileExists(atPath: folder) else { throw XCTSkip("../shared/corpus is not beside this clone") }
        let pages = try ModelLoader.pageFiles([folder]).map { try PageReader.read(path: $0, displayPath: $0).page }
        let inferred = SchemaInference(pages: pages, options: .init(module: "V1")).infer()
        let schema = try SchemaDecoder.decode(inferred.yaml, file: "inferred.yaml")
        XCTAssertNil(schema.entities.first { $0.name.lowercased().hasPrefix("parameter") }, inferred.yaml)
        XCTAssertFalse(schema.entities.contains { $0.navigation.contains { $0.name == "assign" } })
        let assign = try XCTUnwrap(schema.entity(named: "mobileApp")?.actions.first, inferred.yaml)
        XCTAssertEqual(assign.name, "assign")
        XCTAssertFalse(assign.boundToCollection)
        XCTAssertEqual(assign.parameters.map { "\($0.name): \($0.type)" }, ["mobileAppAssignments: Collection(mobileAppAssignment)"])
        XCTAssertNil(assign.returns, "the page documents 204 No Content")
        XCTAssertTrue(inferred.summary.contains("1 actions and functions from 1 action and function pages"), inferred.summary)
    }

    func testTypeNamesMustBeIdentifiers() {
        let text = "namespace: n\nmodule: M\nentities:\n  - name: parameters.\n    properties: []\n"
        XCTAssertThrowsError(try SchemaDecoder.decode(text, file: "s.yaml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("s.yaml:4:11: error: the type name 'parameters.' is not an identifier"), "\(error)")
        }
        XCTAssertNil(TypeName.problem("security.alert"))
        for bad in ["", "a..b", "1a", "a/b", "a b", "é"] { XCTAssertNotNil(TypeName.problem(bad), bad) }
    }

    func testMergeReportsConflictsAndAdditions() throws {
        var schemaText = try String(contentsOfFile: TestPaths.schema, encoding: .utf8)
        schemaText = schemaText.replacingOccurrences(of: "{ name: errorCode, type: Int32,", with: "{ name: errorCode, type: Int64,")
            .replacingOccurrences(of: "      - { name: displayVersion, type: String, description: Human readable version of the application }\n", with: "")
        let existing = try SchemaDecoder.decode(schemaText, file: "s.yaml")
        let inferred = try SchemaDecoder.decode(SchemaInference(pages: try seedPages()).infer().yaml, file: "i.yaml")
        let report = SchemaMerge.compare(inferred: inferred, existing: existing)
        XCTAssertEqual(report.conflicts.count, 1)
        XCTAssertTrue(report.conflicts[0].hasPrefix("mobileAppInstallStatus.errorCode is Int64 in the schema (s.yaml:"), report.conflicts[0])
        XCTAssertTrue(report.additions.contains("property mobileAppInstallStatus.displayVersion: String"), report.text)
    }

    /// `--merge --apply`: additions are written into the schema (its leading comments kept) and read back; a
    /// conflict writes nothing.
    func testMergeApplyWritesAdditionsAndRefusesConflicts() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schemaPath = folder.appendingPathComponent("s.yaml").path
        let original = try String(contentsOfFile: TestPaths.schema, encoding: .utf8)
        let trimmed = "# Intune apps, by hand.\n" + original.replacingOccurrences(of: "      - { name: displayVersion, type: String, description: Human readable version of the application }\n", with: "")
        try trimmed.write(toFile: schemaPath, atomically: true, encoding: .utf8)
        let outcome = try InferRun.run(pages: [TestPaths.seedPages], merge: schemaPath, apply: true, module: nil, namespace: nil, output: nil)
        XCTAssertFalse(outcome.conflicts, outcome.mergeReport ?? "")
        XCTAssertTrue(outcome.applied)
        let written = try String(contentsOfFile: schemaPath, encoding: .utf8)
        XCTAssertTrue(written.hasPrefix("# Intune apps, by hand.\n# GraphGen entity schema"), String(written.prefix(200)))
        let merged = try SchemaDecoder.decode(written, file: "s.yaml")
        XCTAssertEqual(merged.entity(named: "mobileAppInstallStatus")?.properties.last?.name, "displayVersion")
        let again = try InferRun.run(pages: [TestPaths.seedPages], merge: schemaPath, apply: true, module: nil, namespace: nil, output: nil)
        XCTAssertFalse(again.applied, again.mergeReport ?? "")
        XCTAssertFalse(again.mergeReport?.contains("add: property mobileAppInstallStatus.displayVersion") ?? true)

        let conflicting = written.replacingOccurrences(of: "{ name: errorCode, type: Int32,", with: "{ name: errorCode, type: Int64,")
            .replacingOccurrences(of: "      - { name: displayVersion, type: String, description: Human readable version of the application }\n", with: "")
        XCTAssertNotEqual(conflicting, written)
        try conflicting.write(toFile: schemaPath, atomically: true, encoding: .utf8)
        let refused = try InferRun.run(pages: [TestPaths.seedPages], merge: schemaPath, apply: true, module: nil, namespace: nil, output: nil)
        XCTAssertTrue(refused.conflicts)
        XCTAssertFalse(refused.applied)
        XCTAssertEqual(try String(contentsOfFile: schemaPath, encoding: .utf8), conflicting, "nothing written on conflicts")
    }

    /// Newer-style pages: a table intro pulled in with INCLUDE, a singleton in the middle of the path, a get
    /// response with members no request table lists, and "The possible values are" sentences.
    static let updatePage = """
    ---
    title: "Update shelf"
    ---
    # Update shelf

    ## HTTP request
    ```http
    PATCH /library/management/shelves/{shelfId}
    ```

    ## Request body
    [!INCLUDE [table-intro](../../includes/update-property-table-intro.md)]

    |Property|Type|Description|
    |:---|:---|:---|
    |label|String|What the shelf is called.|
    |kind|shelfKind|How it is used. The possible values are: `fiction`, `reference`.|

    ## Response
    If successful, this method returns a `204 No Content` response code.
    """

    static let getPage = """
    # Get shelf

    ## HTTP request
    ```http
    GET /library/management/shelves/{shelfId}
    ```

    ## Response
    If successful, this method returns a `200 OK` response code and a [shelf](../resources/shelf.md) object in the response body.

    ## Examples
    ```http
    GET https://api.example.com/v2/library/management/shelves/7
    ```

    ```http
    HTTP/1.1 200 OK
    Content-Type: application/json

    {"id": "7", "label": "Novels", "kind": "fiction", "createdDateTime": "2024-05-01T10:00:00Z"}
    ```
    """

    func testNewerPageShapes() throws {
        let pages = try [("update.md", Self.updatePage), ("get.md", Self.getPage)].map { try PageReader.read(text: $0.1, file: $0.0).page }
        XCTAssertEqual(pages[0].requestBodyType?.value, nil, "an INCLUDE's link is not the body type")
        let yaml = SchemaInference(pages: pages).infer().yaml
        let schema = try SchemaDecoder.decode(yaml, file: "inferred.yaml")
        XCTAssertEqual(schema.root.first?.navigation.map { "\($0.name) → \($0.target)" }, ["management → management"])
        XCTAssertEqual(schema.entity(named: "management")?.navigation.map { "\($0.name) → \($0.target)" }, ["shelves → shelf"])
        let shelf = try XCTUnwrap(schema.entity(named: "shelf"))
        XCTAssertEqual(shelf.properties.map(\.name), ["label", "kind", "createdDateTime"])
        XCTAssertEqual(shelf.properties.map(\.readOnly), [false, false, true], "seen only in responses while updates are documented")
        XCTAssertEqual(shelf.properties.first { $0.name == "kind" }?.description, "How it is used.")
        XCTAssertEqual(shelf.properties.first { $0.name == "createdDateTime" }?.type, .primitive(.dateTimeOffset))

        // Drift over the same pages and the inferred schema: update tables need not list what the service sets.
        let model = ModelBuilder.build(schema: schema, pages: pages)
        XCTAssertEqual(schema.baseURL, "https://api.example.com")
        XCTAssertEqual(schema.apiVersion, "v2")
        XCTAssertEqual(DriftCheck().run(model, pages: pages).findings.map(\.rule.rawValue), ["permission-missing", "permission-missing"], "the pages have no permissions tables")
    }

    /// Infer writes through the schema writer, so names YAML would read as something else (`on`, `n`, `null`) come back
    /// as the same strings.
    func testNamesYAMLWouldMisreadComeBackAsWritten() throws {
        let page = """
        # switch resource type

        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |on|Boolean|Whether it is on.|
        |null|String|Nothing in particular.|
        |position|switchPosition|Where it points. Possible values are `y`, `n`, `off` or `no`.|
        """
        let inferred = SchemaInference(pages: [try PageReader.read(text: page, file: "switch.md").page]).infer()
        let schema = try SchemaDecoder.decode(inferred.yaml, file: "inferred.yaml")
        let type = try XCTUnwrap(schema.entity(named: "switch"), inferred.yaml)
        XCTAssertEqual(type.properties.map(\.name), ["on", "null", "position"], inferred.yaml)
        let position = try XCTUnwrap(type.properties.last)
        XCTAssertEqual(position.type, .enumeration("switchPosition"))
        XCTAssertEqual(schema.enumeration(named: "switchPosition")?.members.map(\.name), ["y", "n", "off", "no"], inferred.yaml)
        XCTAssertNoThrow(try InferRun.checkReadsBack(inferred.yaml, as: "inferred.yaml"))
    }

    func testResourcePageRelationshipsAndReadOnlyNotes() throws {
        let page = """
        # shelf resource type

        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |label|String|What the shelf is called.|
        |placedDateTime|DateTimeOffset|When it was put up. Read-only.|

        ## Relationships
        |Relationship|Type|Description|
        |:---|:---|:---|
        |books|[book](book.md) collection|The books on it. Nullable.|
        |owner|[librarian](librarian.md)|Who looks after it.|
        """
        let yaml = SchemaInference(pages: [try PageReader.read(text: page, file: "shelf.md").page]).infer().yaml
        let schema = try SchemaDecoder.decode(yaml, file: "inferred.yaml")
        let shelf = try XCTUnwrap(schema.entity(named: "shelf"))
        XCTAssertEqual(shelf.properties.map(\.readOnly), [false, true])
        XCTAssertEqual(shelf.navigation.map { "\($0.name) → \($0.target) \($0.collection)" }, ["books → book true", "owner → librarian false"])
        XCTAssertNotNil(schema.entity(named: "book"))
        XCTAssertNotNil(schema.entity(named: "librarian"))
    }

    /// "Inherits from", rows "Inherited from X", an abstract summary, a type without a key, and a nested
    /// `@odata.type` naming a type the pages never describe.
    func testInheritanceComplexTypesAndDerivedTypesFromExamples() throws {
        let shape = """
        # shape resource type

        An abstract base for everything drawn.

        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |id|String|Key of the entity.|
        |label|String|What it is called.|
        |fill|[paint](paint.md)|How it is filled.|
        """
        let circle = """
        # circle resource type

        Inherits from [roundShape](roundShape.md)

        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |id|String|Key of the entity. Inherited from [shape](shape.md)|
        |label|String|What it is called. Inherited from [shape](shape.md)|
        |radius|Double|How far the edge is from the centre.|
        """
        let paint = """
        # paint resource type

        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |color|String|The colour.|
        """
        let get = """
        # Get circle

        ## HTTP request
        ```http
        GET /shapes/{shapeId}
        ```

        ## Response
        If successful, this method returns a `200 OK` response code and a [circle](circle.md) object in the response body.

        ## Example
        ### Request
        ```http
        GET https://api.example.com/v1/shapes/1
        ```
        ### Response
        ```http
        HTTP/1.1 200 OK
        Content-Type: application/json

        {"@odata.type": "#example.circle", "id": "1", "radius": 2.5, "fill": {"@odata.type": "#example.stripedPaint", "color": "red", "stripes": 3}}
        ```
        """
        let pages = try [("shape.md", shape), ("circle.md", circle), ("paint.md", paint), ("circle-get.md", get)].map { try PageReader.read(text: $0.1, file: $0.0).page }
        let inferred = SchemaInference(pages: pages).infer()
        let schema = try SchemaDecoder.decode(inferred.yaml, file: "inferred.yaml")
        let circleType = try XCTUnwrap(schema.entity(named: "circle"), inferred.yaml)
        XCTAssertEqual(circleType.base?.value, "roundShape")
        XCTAssertEqual(circleType.properties.map(\.name), ["radius"], "inherited rows belong to shape")
        XCTAssertEqual(schema.entity(named: "roundShape")?.base?.value, "shape", "rows inherited from shape make it an ancestor")
        let shapeType = try XCTUnwrap(schema.entity(named: "shape"))
        XCTAssertTrue(shapeType.abstract)
        XCTAssertEqual(shapeType.kind, .entity)
        XCTAssertEqual(shapeType.properties.map(\.name), ["label", "fill"], "id comes from entity")
        XCTAssertEqual(schema.entity(named: "paint")?.kind, .complex, "no key and no path: a complex type")
        let striped = try XCTUnwrap(schema.entity(named: "stripedPaint"))
        XCTAssertEqual(striped.kind, .complex)
        XCTAssertEqual(striped.base?.value, "paint")
        XCTAssertEqual(striped.properties.map(\.name), ["stripes"])
        XCTAssertTrue(inferred.summary.hasPrefix("3 entities, 2 complex types"), inferred.summary)
        let model = ModelBuilder.build(schema: schema, pages: pages)
        XCTAssertEqual(DriftCheck().run(model, pages: pages).findings.filter { $0.rule.rawValue.hasPrefix("example") }.map(\.message), [])
    }

    /// Graph's v1.0 Intune app pages: inheritance as the pages state it, complex types, no entity from an action page.
    func testRealV1PagesGiveInheritanceAndComplexTypes() throws {
        let folder = TestPaths.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/graph-docs-v1.0/api-reference/v1.0").path
        guard FileManager.default.fileExists(atPath: folder) else { throw XCTSkip("../shared/corpus is not beside this clone") }
        let pages = try ModelLoader.pageFiles([folder]).map { try PageReader.read(path: $0, displayPath: $0).page }
        let inferred = SchemaInference(pages: pages, options: .init(module: "V1")).infer()
        let schema = try SchemaDecoder.decode(inferred.yaml, file: "inferred.yaml")
        let win32 = try XCTUnwrap(schema.entity(named: "win32LobApp"))
        XCTAssertEqual(win32.base?.value, "mobileLobApp")
        XCTAssertEqual(schema.entity(named: "mobileLobApp")?.base?.value, "mobileApp")
        let inherited = Set(["mobileLobApp", "mobileApp", "entity"].flatMap { schema.entity(named: $0)?.properties.map(\.name) ?? [] })
        XCTAssertEqual(win32.properties.filter { inherited.contains($0.name) }.map(\.name), [])
        XCTAssertEqual(schema.entity(named: "mimeContent")?.kind, .complex)
        XCTAssertEqual(schema.entity(named: "mobileAppAssignmentSettings")?.kind, .complex)
        XCTAssertEqual(schema.entity(named: "mobileApp")?.abstract, true)
        XCTAssertNil(schema.entities.first { $0.name.lowercased().hasPrefix("parameter") })
    }

    /// Action and function pages become the schema's actions: bound where the path's other pages lead, parameters
    /// from the request body table, the return type from the response section.
    func testActionAndFunctionPages() throws {
        let list = """
        # List devices

        ## HTTP request
        ```http
        GET /devices
        ```

        ## Response
        If successful, this method returns a `200 OK` response code and a collection of [device](device.md) objects in the response body.
        """
        let wipe = """
        # wipe action

        ## HTTP request
        ```http
        POST /devices/{deviceId}/wipe
        ```

        ## Request body
        |Parameter|Type|Description|
        |:---|:---|:---|
        |keepData|Boolean|Whether to keep user data.|
        |note|String|Why.|

        ## Response
        If successful, this action returns a `204 No Content` response code.
        """
        let count = """
        # countActive function

        ## HTTP request
        ```http
        GET /devices/countActive()
        ```

        ## Response
        If successful, this function returns a `200 OK` response code and a Int64 in the response body.
        """
        let stray = """
        # reboot action

        ## HTTP request
        ```http
        POST /printers/{printerId}/reboot
        ```
        """
        let pages = try [("list.md", list), ("wipe.md", wipe), ("count.md", count), ("stray.md", stray)].map { try PageReader.read(text: $0.1, file: $0.0).page }
        let inferred = SchemaInference(pages: pages).infer()
        let schema = try SchemaDecoder.decode(inferred.yaml, file: "inferred.yaml")
        let actions = try XCTUnwrap(schema.entity(named: "device")?.actions, inferred.yaml)
        XCTAssertEqual(actions.map(\.name), ["countActive", "wipe"], "in page path order")
        XCTAssertEqual(actions.map(\.kind), [.function, .action])
        XCTAssertEqual(actions.map(\.boundToCollection), [true, false])
        guard actions.count == 2 else { return }
        XCTAssertEqual(schema.root.map { "\($0.name): \($0.type ?? "-") \($0.collection)" }, ["devices: device true"])
        XCTAssertEqual(actions[1].parameters.map { "\($0.name): \($0.type)" }, ["keepData: Boolean", "note: String"])
        XCTAssertNil(actions[1].returns)
        XCTAssertEqual(actions[0].returns, .primitive(.int64))
        XCTAssertTrue(inferred.summary.contains("1 action or function pages left out (their path does not walk the navigation other pages document): stray.md"), inferred.summary)
        let model = ModelBuilder.build(schema: schema, pages: pages)
        XCTAssertEqual(model.operations.filter { $0.call != nil }.map(\.path.description).sorted(), ["/devices/countActive()", "/devices/{deviceId}/wipe"])
        XCTAssertEqual(model.operations.filter { !$0.pathIsNavigable }.map(\.path.description), ["/printers/{printerId}/reboot"], "only the stray page's path")
    }

    /// Type cells as real pages write them.
    func testTypeCellsAsPagesWriteThem() {
        XCTAssertTrue(SchemaInference.typeCell("recipient collection")! == ("recipient", true))
        XCTAssertTrue(SchemaInference.typeCell("Collection(recipient)")! == ("recipient", true))
        XCTAssertTrue(SchemaInference.typeCell("Collection(String)")! == ("String", true))
        XCTAssertTrue(SchemaInference.typeCell("teamVisibilityType (optional)")! == ("teamVisibilityType", false))
        XCTAssertTrue(SchemaInference.typeCell("String (enum)")! == ("String", false))
        XCTAssertTrue(SchemaInference.typeCell("microsoft.graph.itemBody")! == ("itemBody", false))
        XCTAssertNil(SchemaInference.typeCell("..."))
        XCTAssertNil(SchemaInference.typeCell("{group-id"))
        XCTAssertFalse(SchemaInference.isNavigationName("$value"))
        XCTAssertFalse(SchemaInference.isNavigationName("root:"))
        XCTAssertFalse(SchemaInference.isNavigationName("microsoft.graph.user"))
    }

    /// Pages spell one type several ways; the resource page's spelling names the one type.
    func testTypesDifferingOnlyByCaseAreOneType() throws {
        let resource = """
        # message resource type

        Derived from [outlookItem](outlookitem.md).

        ## Properties
        | Property | Type | Description |
        |:--|:--|:--|
        | subject | String | The subject. |
        | body | [ItemBody](itembody.md) | The body. |
        | toRecipients | [recipient](recipient.md) collection | To. |
        """
        let other = """
        # Get Message

        ## HTTP request
        ```http
        GET /me/messages/{id}
        ```

        ## Response
        If successful, this method returns a `200 OK` response code and a [Message](message.md) object in the response body.
        """
        let body = "# itemBody resource type\n\n## Properties\n| Property | Type | Description |\n|:--|:--|:--|\n| content | String | The content. |\n"
        let pages = try [("message.md", resource), ("get.md", other), ("itembody.md", body)].map { try PageReader.read(text: $0.1, file: $0.0).page }
        let schema = try SchemaDecoder.decode(SchemaInference(pages: pages).infer().yaml, file: "inferred.yaml")
        let names = schema.entities.map(\.name) + schema.enums.map(\.name)
        XCTAssertEqual(Set(names.map { $0.lowercased() }).count, names.count, "no two types differ only by case: \(names)")
        let message = try XCTUnwrap(schema.entity(named: "message"))
        XCTAssertEqual(message.base?.value, "outlookItem")
        XCTAssertEqual(message.properties.first { $0.name == "toRecipients" }?.type, .collection(.complex("recipient")))
        XCTAssertEqual(message.properties.first { $0.name == "body" }?.type, .complex("itemBody"))
    }

    /// The whole v1.0 reference as it stood in 2020, uncleaned: infer goes through, and what it proposes is a schema
    /// generate accepts (InferRun reads it back before anything is written).
    func testTheWhole2020ReferenceGivesASchemaGenerateAccepts() throws {
        let folder = TestPaths.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/graph-docs-2020-v1.0").path
        guard FileManager.default.fileExists(atPath: folder) else { throw XCTSkip("../shared/corpus/graph-docs-2020-v1.0 is not beside this clone") }
        let outcome = try InferRun.run(pages: [folder], merge: nil, module: "Graph", namespace: nil, output: nil)
        let schema = try SchemaDecoder.decode(try XCTUnwrap(outcome.yaml), file: "inferred.yaml")
        let names = schema.entities.map(\.name) + schema.enums.map(\.name)
        XCTAssertEqual(Set(names.map { $0.lowercased() }).count, names.count, "no two types differ only by case")
        XCTAssertGreaterThan(schema.entities.count, 800)
        XCTAssertEqual(schema.entity(named: "fileAttachment")?.base?.value, "attachment")
        XCTAssertEqual(schema.entity(named: "event")?.properties.first { $0.name == "attendees" }?.type, .collection(.complex("attendee")))
        XCTAssertTrue(outcome.summary.contains("pages read"), outcome.summary)
    }
}
