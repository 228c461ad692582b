import XCTest
@testable import GraphGenKit

final class MarkdownPageReaderTests: XCTestCase {
    func readSeed(_ prefix: String) throws -> APIPage {
        try PageReader.read(path: try TestPaths.seed(prefix), displayPath: "seed.md").page
    }

    func testOlderCreatePageKeepsPermissionPlaceholders() throws {
        let page = try readSeed("002")
        XCTAssertEqual(page.format, .markdown)
        XCTAssertEqual(page.title?.value, "Create mobileAppInstallStatus")
        XCTAssertEqual(page.title?.location.line, 10)
        XCTAssertEqual(page.kind, .operation)
        XCTAssertEqual(page.operationKind?.value, .create)
        XCTAssertEqual(page.permissions.count, 3)
        XCTAssertEqual(page.permissions.map(\.scopes), [[], [], []])
        XCTAssertEqual(page.permissions.first?.placeholder, "TODO: Provide applicable permissions.")
        XCTAssertEqual(page.permissions.map(\.location.line), [20, 21, 22])
        XCTAssertEqual(page.frontMatter.first { $0.key == "author" }?.location.line, 4)
    }

    func testRequestLinesHeadersAndBodyTable() throws {
        let page = try readSeed("002")
        XCTAssertEqual(page.httpRequests.map(\.method), ["POST", "POST"])
        XCTAssertEqual(page.httpRequests.map(\.path.description), [
            "/deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses",
            "/deviceAppManagement/mobileApps/{mobileAppId}/userStatuses/{userAppInstallStatusId}/deviceStatuses",
        ])
        XCTAssertEqual(page.httpRequests.map(\.location.line), [31, 32])
        XCTAssertEqual(page.requestHeaders.map(\.name), ["Authorization", "Content-Type"])
        XCTAssertEqual(page.requestBodyType?.value, "mobileAppInstallStatus")
        XCTAssertEqual(page.properties.count, 13)
        let detail = try XCTUnwrap(page.properties.first { $0.name == "installStateDetail" })
        XCTAssertEqual(detail.type, "resultantAppStateDetail")
        XCTAssertEqual(detail.possibleValues.count, 27)
        XCTAssertEqual(detail.location.line, 54)
        XCTAssertEqual(page.properties.first { $0.name == "installState" }?.possibleValues.count, 7)
        XCTAssertEqual(page.response?.statusCode, 201)
        XCTAssertEqual(page.response?.typeName, "mobileAppInstallStatus")
    }

    func testExamplesKeepAnnotationsAndBodies() throws {
        let page = try readSeed("002")
        XCTAssertEqual(page.examples.count, 1)
        let request = try XCTUnwrap(page.examples.first?.request)
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.version, "beta")
        XCTAssertEqual(request.annotation?.name, "create_mobileappinstallstatus_from_")
        XCTAssertEqual(request.annotation?.blockType, "request")
        XCTAssertEqual(request.headers.map(\.name), ["Content-Type", "Content-length"])
        XCTAssertEqual(request.body?["errorCode"]?.value, .string("Integer"))
        XCTAssertEqual(request.body?["errorCode"]?.location.line, 89)
        let response = try XCTUnwrap(page.examples.first?.response)
        XCTAssertEqual(response.statusCode, 201)
        XCTAssertEqual(response.annotation?.isTruncated, true)
        XCTAssertEqual(response.headers.map(\.name), ["Content-Type"])
        XCTAssertEqual(response.body?["id"]?.string, "f05d6c06-6c06-f05d-066c-5df0066c5df0")
    }

    func testReferencePageReadsDollarRefAndOldEnumList() throws {
        let page = try readSeed("004")
        XCTAssertEqual(page.operationKind?.value, .addReference)
        XCTAssertEqual(page.httpRequests.first?.path.description, "/deviceAppManagement/mobileApps/{mobileAppId}/userStatuses/{userAppInstallStatusId}/deviceStatuses/$ref")
        XCTAssertEqual(page.properties.first { $0.name == "installStateDetail" }?.type, "Enumeration")
        XCTAssertEqual(page.properties.first { $0.name == "installStateDetail" }?.possibleValues.count, 21)
        XCTAssertEqual(page.permissions.compactMap(\.placeholder).count, 2)
        XCTAssertEqual(page.permissions[1].notSupported, true)
        let request = try XCTUnwrap(page.examples.first?.request)
        XCTAssertNil(request.version)
        XCTAssertEqual(request.path.description, "/docs\\api/deviceAppManagement/mobileApps/{mobileAppId}/userStatuses/{userAppInstallStatusId}/deviceStatuses")
    }

    func testOddSyntaxFixture() throws {
        let page = try PageReader.read(path: TestPaths.fixture("pages/odd-syntax.md"), displayPath: "odd-syntax.md").page
        XCTAssertEqual(page.title?.value, "Get widget")
        XCTAssertEqual(page.summary?.text, "Read the properties of a widget.")
        XCTAssertEqual(page.httpRequests.map(\.path.description), ["/things/{thingId}/widgets/{widgetId}", "/things/{thingId}/widgets/{widgetId}"])
        XCTAssertEqual(page.permissions.first?.scopes, ["Widget.Read.All", "Widget.ReadWrite.All"])
        XCTAssertEqual(page.examples.count, 2, "snippet tabs and INCLUDE lines must not hide the second example")
        XCTAssertEqual(page.examples.map { $0.response?.statusCode }, [200, 200])
        XCTAssertEqual(page.examples[1].request?.query, "$select=name")
        XCTAssertEqual(page.suppressions.map(\.value), ["example-unknown-property"])
        XCTAssertEqual(page.properties.first?.possibleValues, ["red", "green", "blue"])
    }

    func testPossibleValuesAreWordsJoinedByCommasAndOrEndingAtAnyOtherText() throws {
        let text = """
        # widget resource type

        ## Properties

        |Property|Type|Description|
        |:---|:---|:---|
        |size|String|Possible values are: small, medium_2, and large. Default is small.|
        |shade|String|The possible values are grün, e\u{301}tat or blau|
        |mode|String|Possible values are: on, off soon, never.|
        |contentType|bodyType|The type of the content. Possible values are `text` and `html`.|
        |flag|String|Possible values are `notFlagged`, `complete`, and `flagged`. Required.|

        """
        let page = try PageReader.read(text: text, file: "values.md").page
        XCTAssertEqual(page.properties.map(\.possibleValues), [
            ["small", "medium_2", "large"], ["grün", "e\u{301}tat", "blau"], ["on", "off"], ["text", "html"], ["notFlagged", "complete", "flagged"],
        ])
    }

    /// Permission cells as real pages write them: scopes grouped by resource, prose, "None".
    func testPermissionCellsKeepOnlyScopeNames() throws {
        let text = """
        # Get photo

        ## Permissions
        |Permission type|Permissions|
        |:---|:---|
        |Delegated (work or school account)|For **user** resource:<br/>User.Read, User.ReadBasic.All<br /><br />For **group** resource:<br />Group.Read.All, User.Read|
        |Delegated (personal Microsoft account)|_varies by context_|
        |Application|None.|
        |Application permission|Mail.Send.|

        ## HTTP request
        ```http
        GET /me/photo
        ```
        """
        let permissions = try PageReader.read(text: text, file: "photo.md").page.permissions
        XCTAssertEqual(permissions.map(\.scopes), [["User.Read", "User.ReadBasic.All", "Group.Read.All"], [], [], ["Mail.Send"]])
        XCTAssertEqual(permissions.map(\.placeholder), [nil, "varies by context", nil, nil])
        XCTAssertEqual(permissions.map(\.notSupported), [false, false, true, false])
    }

    /// A row with only its first cell is a label or the tail of a row broken across lines, not a property.
    func testLabelRowsAreNoProperties() throws {
        let text = """
        # widget resource type

        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |**Onboarding**|
        |threats|String collection|Threats it mitigates (a,
        b,c).|
        |size|Int32|Possible values are:<br/>`1`<br/>`2`|
        """
        let page = try PageReader.read(text: text, file: "w.md").page
        XCTAssertEqual(page.properties.map(\.name), ["threats", "size"])
        XCTAssertEqual(page.properties.last?.description, "Possible values are: 1 2", "a line break separates words")
    }

    /// Under Properties, a table of derived types and a sub-heading about another subject's properties are not the
    /// type's properties.
    func testTablesUnderPropertiesThatAreNotTheTypesProperties() throws {
        let text = """
        # policy resource type

        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |definition|String collection|JSON text, described below.|

        ### Properties of a policy definition
        |Property|Type|Description|
        |:---|:---|:---|
        |PreferredDomain|String|Inside the JSON text.|

        ### Derived types
        |Type|Description|
        |:---|:---|
        |[strictPolicy](strictpolicy.md)|A stricter policy.|
        """
        XCTAssertEqual(try PageReader.read(text: text, file: "policy.md").page.properties.map(\.name), ["definition"])
    }

    func testCRLFPageKeepsLineNumbers() throws {
        let text = "---\r\ntitle: \"Delete widget\"\r\n---\r\n\r\n# Delete widget\r\n\r\n## HTTP request\r\n```http\r\nDELETE /things/{id}\r\n```\r\n"
        let page = try PageReader.read(text: text, file: "crlf.md").page
        XCTAssertEqual(page.httpRequests.first?.location.line, 9)
        XCTAssertEqual(page.operationKind?.value, .delete)
    }

    /// cmark reports byte columns; locations count Unicode scalars like the JSON and YAML readers do.
    func testColumnsCountScalarsNotBytes() throws {
        let text = "# Update widget\n\n## HTTP request\n\n```http\nPATCH /widgets/{id}\n```\n\n## Request body\n\n|Property|Type|Description|\n|:---|:---|:---|\n|café|String|Naïve ☕ name|\n| ünïcödé | Int32 |x|\n"
        let page = try PageReader.read(text: text, file: "columns.md").page
        XCTAssertEqual(page.properties.map(\.name), ["café", "ünïcödé"])
        XCTAssertEqual(page.properties.map(\.typeLocation.column), [7, 12])
        XCTAssertEqual(page.properties.map(\.typeLocation.line), [13, 14])
    }

    /// Short pages put the example right under "HTTP request"; its response is an example, not request syntax.
    func testResponseBlockUnderHTTPRequestIsAnExample() throws {
        let text = "# Get widget\n\n## HTTP request\n```http\nGET /widgets/{id}\n```\n\n```http\nHTTP/1.1 200 OK\n\n{\"id\": \"1\"}\n```\n"
        let read = try PageReader.read(text: text, file: "short.md")
        XCTAssertEqual(read.page.httpRequests.map(\.path.description), ["/widgets/{id}"])
        XCTAssertEqual(read.page.examples.first?.response?.statusCode, 200)
        XCTAssertEqual(read.diagnostics.map(\.ruleID), [])
    }

    func testFrontMatterIsReadAndBlankedSoLinesStillMatch() throws {
        let document = try MarkdownPageReader.read("---\ntitle: \"Get thing\"\nms.date: 2024-01-02\n...\n# Get thing\n\ntext\n", file: "p.md")
        XCTAssertEqual(document.frontMatter.map { "\($0.key)=\($0.value)@\($0.location.line)" }, ["title=Get thing@2", "ms.date=2024-01-02@3"])
        XCTAssertEqual(document.title?.location.line, 5)
        XCTAssertEqual(try MarkdownPageReader.read("--- not front matter\n# T\n", file: "p.md").frontMatter.count, 0)
        XCTAssertThrowsError(try MarkdownPageReader.read("---\ntitle: x\n# T\n", file: "p.md")) { error in
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics.first?.description, "p.md:1:1: error: front matter starts with '---' but never ends [front-matter]")
        }
    }

    func testARowOfVeryManyCellsIsALocatedError() {
        let page = "---\ntitle: x\n---\n# x\n\n|a|b|\n|-|-|\n" + String(repeating: "|", count: 50_000) + "\n"
        XCTAssertThrowsError(try MarkdownPageReader.read(page, file: "p.md")) { error in
            XCTAssertEqual("\(error)", "p.md:8:1: error: this line holds more than 1000 '|' characters; GraphGen reads table rows of at most that many cells [markdown]")
        }
        XCTAssertNoThrow(try MarkdownPageReader.read("# x\n\n|a|b|\n|-|-|\n" + String(repeating: "|", count: 1_000) + "\n", file: "p.md"))
    }
}
