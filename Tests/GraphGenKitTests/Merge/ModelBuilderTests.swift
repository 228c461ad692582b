import XCTest
@testable import GraphGenKit

final class ModelBuilderTests: XCTestCase {
    func seedModel() throws -> APIModel {
        try ModelLoader.load(schemaPath: TestPaths.schema, pagePaths: [TestPaths.seedPages])
    }

    func testEntitiesAndEnums() throws {
        let model = try seedModel()
        XCTAssertEqual(model.entity(named: "mobileAppInstallStatus")?.properties.count, 13)
        XCTAssertEqual(model.entity(named: "userAppInstallStatus")?.properties.count, 6)
        XCTAssertEqual(model.entity(named: "userAppInstallStatus")?.properties.first?.inheritedFrom, "entity")
        XCTAssertEqual(model.enums.map(\.members.count), [7, 36])
    }

    func testSeedOperationsMergeAcrossPages() throws {
        let model = try seedModel()
        let documented = model.operations.filter { operation in operation.sources.contains { $0.file.hasSuffix(".txt") } }
        let summary = documented.map { "\($0.method) \($0.path) \($0.sources.filter { $0.file.hasSuffix(".txt") }.map { ($0.file as NSString).lastPathComponent.prefix(3) + ":\($0.line)" })" }
        XCTAssertEqual(summary, [
            "POST /deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses [\"000:22\", \"002:31\"]",
            "PATCH /deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses/{mobileAppInstallStatusId} [\"003:36\"]",
            "POST /deviceAppManagement/mobileApps/{mobileAppId}/userStatuses [\"001:22\"]",
            "POST /deviceAppManagement/mobileApps/{mobileAppId}/userStatuses/{userAppInstallStatusId}/deviceStatuses [\"000:23\", \"002:32\"]",
            "POST /deviceAppManagement/mobileApps/{mobileAppId}/userStatuses/{userAppInstallStatusId}/deviceStatuses/$ref [\"004:29\"]",
            "PATCH /deviceAppManagement/mobileApps/{mobileAppId}/userStatuses/{userAppInstallStatusId}/deviceStatuses/{mobileAppInstallStatusId} [\"003:37\"]",
        ])
        let create = try XCTUnwrap(documented.first)
        XCTAssertEqual(create.requestType, "mobileAppInstallStatus")
        XCTAssertEqual(create.status, 201)
        XCTAssertEqual(create.parameters.map(\.name), ["mobileAppId"])
    }

    func testExamplesFollowTheirOwnRequestLine() throws {
        let model = try seedModel()
        let underUser = try XCTUnwrap(model.operations.first { $0.method == "POST" && $0.path.description.hasSuffix("{userAppInstallStatusId}/deviceStatuses") })
        XCTAssertEqual(underUser.examples.count, 1, "page 004's example posts to the collection, not to $ref")
    }

    func testTheModelKeepsWhatAnExampleShowsWithoutThePage() throws {
        let schema = try SchemaDecoder.read(path: TestPaths.schema, displayPath: "s.yaml")
        let text = """
        ---
        title: x
        ---
        # Get mobileApp

        ## HTTP request
        ```http
        GET /deviceAppManagement/mobileApps/{mobileAppId}
        ```

        ## Example
        <!-- { "blockType": "request", "name": "get_app" } -->
        ```http
        GET https://graph.microsoft.com/v1.0/deviceAppManagement/mobileApps/abc
        ```

        <!-- { "blockType": "response", "@odata.type": "microsoft.graph.managedApp" } -->
        ```http
        HTTP/1.1 200 OK
        Content-Type: application/json

        {"id": "abc"}
        ```
        """
        let page = try PageReader.read(text: text, file: "p.md").page
        let model = ModelBuilder.build(schema: schema, pages: [page])
        let get = try XCTUnwrap(model.operations.first { $0.method == "GET" && $0.path.description == "/deviceAppManagement/mobileApps/{mobileAppId}" })
        let example = try XCTUnwrap(get.examples.first)
        XCTAssertEqual(example.index, 1)
        XCTAssertEqual(example.name, "get_app")
        XCTAssertEqual(example.request?.method, "GET")
        XCTAssertEqual(example.request?.location, SourceLocation(file: "p.md", line: 14))
        XCTAssertNil(example.request?.bodyText)
        XCTAssertEqual(example.response?.statusCode, 200)
        XCTAssertEqual(example.response?.body?["id"]?.string, "abc")
        XCTAssertEqual(example.response?.odataType?.value, "microsoft.graph.managedApp")
        XCTAssertEqual(example.response?.odataType?.location, SourceLocation(file: "p.md", line: 17, column: 6), "at the annotation")
        XCTAssertEqual(get.documentedResponses.map(\.statusCode), [200], "every response the documenting page shows")
    }

    func testPathOutsideTheNavigationGraphIsKeptAndFlagged() throws {
        let schema = try SchemaDecoder.read(path: TestPaths.schema, displayPath: "s.yaml")
        let text = "---\ntitle: x\n---\n# Get thing\n\n## HTTP request\n```http\nGET /deviceAppManagement/mobileApps/{mobileAppId}/things\n```\n"
        let page = try PageReader.read(text: text, file: "p.md").page
        let model = ModelBuilder.build(schema: schema, pages: [page])
        let kept = try XCTUnwrap(model.operations.first { !$0.pathIsNavigable })
        XCTAssertEqual(kept.path.description, "/deviceAppManagement/mobileApps/{mobileAppId}/things")
        XCTAssertEqual(model.diagnostics.map(\.description), [
            "p.md:8:1: warning: GET /deviceAppManagement/mobileApps/{mobileAppId}/things is not a walk of the schema's navigation graph: 'things' is not a navigation property of 'mobileApp' (it has: deviceStatuses, userStatuses) [path-not-navigable]",
        ])
    }

    func testDumpIsDeterministic() throws {
        let first = ModelDump.json(try seedModel())
        let second = ModelDump.json(try seedModel())
        XCTAssertEqual(first, second)
        XCTAssertTrue(first.contains("\"sources\": ["))
    }
}
