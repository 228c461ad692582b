import Foundation
import XCTest
@testable import GraphGenKit

/// Each rule on small hand-written pages: a clean page fires nothing; each broken page fires its rule at the right line.
final class DriftRuleTests: XCTestCase {
    static let schema = """
    namespace: test.ns
    module: T
    baseURL: https://api.example.com
    apiVersion: v1
    root:
      - name: shop
        navigation:
          - { name: widgets, target: widget, operations: [list, get, create, update, delete] }
          - { name: tags, target: widget, operations: [addReference] }
    enums:
      - name: color
        members: [red, green]
    entities:
      - name: widget
        properties:
          - { name: id, type: String }
          - { name: size, type: Int32 }
          - { name: color, type: color }
          - { name: made, type: DateTimeOffset }
      - name: gadget
        base: widget
        properties:
          - { name: knobs, type: Int32 }
          - { name: part, type: part }
    complexTypes:
      - name: part
        properties:
          - { name: label, type: String }
    """

    static let clean = """
    ---
    title: "Create widget"
    author: someone
    ---
    # Create widget

    ## Permissions
    |Permission type|Permissions|
    |:---|:---|
    |Application|Widget.ReadWrite.All|

    ## HTTP request
    ```http
    POST /shop/widgets
    ```

    ## Request body
    In the request body, supply a JSON representation of the [widget](w.md) object.

    |Property|Type|Description|
    |:---|:---|:---|
    |id|String|Key.|
    |size|Int32|Size.|
    |color|[color](c.md)|Color. Possible values are: `red`, `green`.|
    |made|DateTimeOffset|When.|

    ## Response
    If successful, this method returns a `201 Created` response code and a [widget](w.md) object in the response body.

    ## Example
    ```http
    POST https://api.example.com/v1/shop/widgets
    Content-Type: application/json

    {"@odata.type": "#test.ns.widget", "size": 1, "color": "red", "made": "2024-01-01T00:00:00Z"}
    ```

    ```http
    HTTP/1.1 201 Created

    {"id": "1", "size": 1}
    ```
    """

    func findings(_ pages: [String: String]) throws -> [DriftFinding] {
        let schema = try SchemaDecoder.decode(Self.schema, file: "s.yaml")
        let read = try pages.sorted { $0.key < $1.key }.map { try PageReader.read(text: $0.value, file: $0.key) }
        return DriftCheck().run(ModelBuilder.build(schema: schema, pages: read.map(\.page), readingWarnings: read.flatMap(\.diagnostics)), pages: read.map(\.page)).findings
    }

    /// Findings for the clean page with one text replaced, as "line rule".
    func fired(replacing old: String, with new: String) throws -> [String] {
        XCTAssertTrue(Self.clean.contains(old), "fixture lacks \(old)")
        return try findings(["p.md": Self.clean.replacingOccurrences(of: old, with: new)]).map { "\($0.location.line) \($0.rule.rawValue)" }
    }

    func testCleanPageFiresNothing() throws {
        XCTAssertEqual(try findings(["p.md": Self.clean]).map(\.description), [])
    }

    func testPropertyRules() throws {
        XCTAssertEqual(try fired(replacing: "|size|Int32|Size.|\n", with: ""), [], "a create page's request-body table lists what the request sends: a subset")
        XCTAssertEqual(try fired(replacing: "|size|Int32|", with: "|Size|Int32|"), ["23 property-case"])
        XCTAssertEqual(try fired(replacing: "|size|Int32|Size.|", with: "|size|Int32|Size.|\n|weight|Double|W.|"), ["24 property-extra"])
        XCTAssertEqual(try fired(replacing: "|size|Int32|", with: "|size|Int64|"), ["23 property-type"])
        XCTAssertEqual(try fired(replacing: "|size|Int32|Size.|", with: "|size|Int32|Size.|\n|size|Int64|Size again.|"), ["24 property-duplicate"])
        XCTAssertEqual(try fired(replacing: "|color|[color](c.md)|", with: "|color|[test.ns.color](c.md)|"), [], "a name qualified by the schema's namespace is the same type")
    }

    func testEnumRules() throws {
        XCTAssertEqual(try fired(replacing: "`red`, `green`.", with: "`red`."), ["24 enum-member-missing"])
        XCTAssertEqual(try fired(replacing: "`red`, `green`.", with: "`red`, `green`, `blue`."), ["24 enum-member-extra"])
    }

    func testExampleBodyRules() throws {
        XCTAssertEqual(try fired(replacing: "\"size\": 1, \"color\"", with: "\"size\": 1, \"shape\": 2, \"color\""), ["35 example-unknown-property"])
        XCTAssertEqual(try fired(replacing: "\"size\": 1, \"color\"", with: "\"size\": true, \"color\""), ["35 example-wrong-type"])
        XCTAssertEqual(try fired(replacing: "\"size\": 1, \"color\"", with: "\"size\": \"Integer\", \"color\""), ["35 example-placeholder"])
        XCTAssertEqual(try fired(replacing: "\"size\": 1, \"color\"", with: "\"size\": 3000000000, \"color\""), ["35 example-integer-range"])
        XCTAssertEqual(try fired(replacing: "\"color\": \"red\"", with: "\"color\": \"blue\""), ["35 example-enum-value"])
        XCTAssertEqual(try fired(replacing: "2024-01-01T00:00:00Z", with: "2024-01-01 00:00"), ["35 example-datetime"])
        XCTAssertEqual(try fired(replacing: "#test.ns.widget", with: "#test.ns.gizmo"), ["35 example-odata-type"])
        // A wrapped single entity is reported once, and its members are still checked.
        XCTAssertEqual(try fired(replacing: "{\"id\": \"1\", \"size\": 1}", with: "{\"value\": {\"id\": \"1\", \"size\": true}}"),
                       ["41 example-value-wrapper", "41 example-wrong-type"])
        XCTAssertEqual(try fired(replacing: "{\"id\": \"1\", \"size\": 1}", with: "{\"value\": [{\"id\": \"1\"}]}"), ["41 example-unknown-property"],
                       "an array under 'value' is not the wrapper shape")
    }

    func testDerivedAndNestedTypes() throws {
        XCTAssertEqual(try fired(replacing: "\"#test.ns.widget\", \"size\": 1", with: "\"#test.ns.gadget\", \"knobs\": 2, \"size\": 1"), [],
                       "an example of a derived type is checked against it")
        let bare = try findings(["p.md": Self.clean.replacingOccurrences(of: "\"#test.ns.widget\"", with: "\"test.ns.gadget\"")])
        XCTAssertEqual(bare.map(\.message), ["the example's @odata.type 'test.ns.gadget' lacks the leading '#' OData writes"])
        let nested = try findings(["p.md": Self.clean.replacingOccurrences(of: "\"#test.ns.widget\", \"size\": 1", with: "\"#test.ns.gadget\", \"part\": {\"labl\": \"x\"}, \"size\": 1")])
        XCTAssertEqual(nested.map(\.message), ["the example has 'part.labl', which the schema's part does not declare"])
    }

    func testExampleRequestRules() throws {
        XCTAssertEqual(try fired(replacing: "POST https://api.example.com/v1/shop/widgets", with: "POST https://api.example.com/v1/shop/widgets/1"), ["32 example-request-path"])
        XCTAssertEqual(try fired(replacing: "https://api.example.com/v1/shop", with: "https://api.example.com/beta/shop"), ["32 example-base-url"])
        XCTAssertEqual(try fired(replacing: "Content-Type: application/json\n", with: ""), ["32 example-content-type"])
    }

    func testStatusAndPermissionAndFrontMatterRules() throws {
        XCTAssertEqual(try fired(replacing: "HTTP/1.1 201 Created", with: "HTTP/1.1 200 OK"), ["39 status-mismatch"])
        XCTAssertEqual(try fired(replacing: "|Widget.ReadWrite.All|", with: "|**TODO: scopes**|"), ["10 permission-placeholder"])
        XCTAssertEqual(try fired(replacing: "## Permissions\n|Permission type|Permissions|\n|:---|:---|\n|Application|Widget.ReadWrite.All|\n", with: ""), ["5 permission-missing"])
        XCTAssertEqual(try fired(replacing: "author: someone", with: "author: \"\""), ["3 front-matter-placeholder"])
        XCTAssertEqual(try fired(replacing: "title: \"Create widget\"", with: "title: \"Make widget\""), ["2 front-matter-title"])
    }

    func testReadingWarningsAreFindings() throws {
        XCTAssertEqual(try fired(replacing: "## HTTP request\n```http", with: "## HTTP request\n<!-- { \"blockType\": \"ignored\", } -->\n```http"),
                       ["13 annotation-json"])
        XCTAssertEqual(try fired(replacing: "POST /shop/widgets\n```", with: "POST /shop/widgets\nsee below\n```"), ["15 request-syntax"])
        XCTAssertEqual(try fired(replacing: "HTTP/1.1 201 Created\n", with: "HTTP/1.1 201 Created\nnot a header\n"), ["40 example-syntax"])
        XCTAssertEqual(try fired(replacing: "{\"id\": \"1\", \"size\": 1}\n```", with: "{\"id\": \"1\", \"size\": 1}\n```\n\n~~~~text\nleft open\n~~~"),
                       ["44 fence-unclosed"])
        XCTAssertEqual(try fired(replacing: "{\"id\": \"1\", \"size\": 1}\n```", with: "{\"id\": \"1\", \"size\": 1}\n````  "), [],
                       "a longer closing fence with trailing spaces closes the block")
    }

    func testNavigationRules() throws {
        XCTAssertEqual(try fired(replacing: "POST /shop/widgets\n", with: "POST /shop/widgets\nPOST /shop/gadgets\n"), ["15 path-not-navigable"])
        XCTAssertEqual(try fired(replacing: "POST /shop/widgets\n", with: "POST /shop/widgets\nPOST /shop/tags\n"), ["15 operation-undeclared"])
    }

    func testReferenceRules() throws {
        let page = Self.clean.replacingOccurrences(of: "POST /shop/widgets\n", with: "POST /shop/tags/$ref\n")
            .replacingOccurrences(of: "POST https://api.example.com/v1/shop/widgets", with: "POST https://api.example.com/v1/shop/tags/$ref")
        let rules = try findings(["p.md": page]).map { "\($0.location.line) \($0.rule.rawValue)" }
        XCTAssertEqual(rules, ["22 ref-request-body", "28 ref-status"])
    }

    func testPagesOfOneOperationMustAgree() throws {
        let other = Self.clean.replacingOccurrences(of: "`201 Created`", with: "`200 OK`").replacingOccurrences(of: "HTTP/1.1 201 Created", with: "HTTP/1.1 200 OK")
            .replacingOccurrences(of: "|Widget.ReadWrite.All|", with: "|Widget.Read.All|")
        let rules = try findings(["a.md": Self.clean, "b.md": other]).map { "\($0.location.file):\($0.location.line) \($0.rule.rawValue)" }
        XCTAssertEqual(rules, ["b.md:10 permission-disagreement", "b.md:14 operation-pages-disagree"])
    }

    /// Creates of two types derived from the collection's type are two documented operations, not a disagreement;
    /// neither is one page listing fewer (optional) headers.
    func testPagesOfDerivedCreatesAndOptionalHeadersDoNotDisagree() throws {
        let gadget = Self.clean.replacingOccurrences(of: "Create widget", with: "Create gadget")
            .replacingOccurrences(of: "[widget](w.md) object.\n", with: "[gadget](g.md) object.\n")
            .replacingOccurrences(of: "|made|DateTimeOffset|When.|", with: "|made|DateTimeOffset|When.|\n|knobs|Int32|Knobs.|")
            .replacingOccurrences(of: "#test.ns.widget", with: "#test.ns.gadget")
        XCTAssertEqual(try findings(["a.md": Self.clean, "b.md": gadget]).map(\.rule.rawValue), [])
        func headers(_ rows: String) -> String {
            Self.clean.replacingOccurrences(of: "## Request body", with: "## Request headers\n|Header|Value|\n|:---|:---|\n\(rows)\n## Request body")
        }
        let fewer = headers("|Authorization|Bearer {token}. Required.|\n")
        let more = headers("|Authorization|Bearer {token}. Required.|\n|Prefer|outlook.timezone. Optional.|\n")
        XCTAssertEqual(try findings(["a.md": fewer, "b.md": more]).map(\.rule.rawValue), [])
    }

    func testMemberCaseAndQuotedWrongTypes() throws {
        let cased = try findings(["p.md": Self.clean.replacingOccurrences(of: "\"size\": 1, \"color\"", with: "\"Size\": 1, \"color\"")])
        XCTAssertEqual(cased.map { "\($0.rule.rawValue) \($0.severity)" }, ["example-member-case note"])
        XCTAssertEqual(cased.first?.message, "the example spells 'size' as 'Size'; the schema's spelling is 'size'")
        let quoted = try findings(["p.md": Self.clean.replacingOccurrences(of: "\"size\": 1, \"color\"", with: "\"size\": \"1\", \"color\"")])
        XCTAssertEqual(quoted.map(\.message), ["'size' is \"1\" in the example; the schema types it Int32, which needs a JSON integer"])
    }

    /// A list's response annotation may name a collection of the type (`Collection(test.ns.widget)`); a single
    /// entity's may not.
    func testCollectionAnnotationsOnLists() throws {
        let list = """
        # List widgets

        ## HTTP request
        ```http
        GET /shop/widgets
        ```

        ## Example
        ```http
        GET https://api.example.com/v1/shop/widgets
        ```

        <!-- { "blockType": "response", "@odata.type": "Collection(test.ns.widget)" } -->
        ```http
        HTTP/1.1 200 OK
        Content-Type: application/json

        {"value": [{"id": "1"}]}
        ```
        """
        XCTAssertFalse(try findings(["l.md": list]).contains { $0.rule == .exampleODataType })
        let get = list.replacingOccurrences(of: "GET /shop/widgets", with: "GET /shop/widgets/{id}").replacingOccurrences(of: "v1/shop/widgets\n", with: "v1/shop/widgets/1\n")
            .replacingOccurrences(of: "{\"value\": [{\"id\": \"1\"}]}", with: "{\"id\": \"1\"}")
        XCTAssertTrue(try findings(["g.md": get]).contains { $0.rule == .exampleODataType })
    }

    func testEnumValuesInOtherLetterCaseAreANote() throws {
        let cased = try findings(["p.md": Self.clean.replacingOccurrences(of: "\"color\": \"red\"", with: "\"color\": \"RED\"")])
        XCTAssertEqual(cased.map { "\($0.rule.rawValue) \($0.severity)" }, ["example-enum-case note"])
    }

    /// Examples the page marks ignored are read only when whole; requests to another host (a callback) are not the
    /// service's; a call's arguments are values; `Edm.Stream` documents binary content.
    func testExamplesThatAreNotTheServicesRequests() throws {
        let fragment = Self.clean.replacingOccurrences(of: "## Example\n", with: "## Example\n<!-- { \"blockType\": \"ignored\" } -->\n```http\n{\n  \"size\": 1\n}\n```\n\n")
        XCTAssertEqual(try findings(["p.md": fragment]).map(\.rule.rawValue), [])
        XCTAssertEqual(try fired(replacing: "POST https://api.example.com/v1/shop/widgets", with: "POST https://bot.contoso.com/callback"), [])
        XCTAssertTrue(PathTemplate(parsing: "/books/{id}/cell(row={row},column={column})").accepts(PathTemplate(parsing: "/books/1/cell(row=<row>,column=2)")))
        XCTAssertFalse(PathTemplate(parsing: "/books/{id}/cell(row={row})").accepts(PathTemplate(parsing: "/books/1/cellar(row=1)")))
        let stream = """
        # Get widget

        ## HTTP request
        ```http
        GET /shop/widgets/{id}
        ```

        ## Example
        ```http
        GET https://api.example.com/v1/shop/widgets/1
        ```

        <!-- { "blockType": "response", "@odata.type": "Edm.Stream" } -->
        ```http
        HTTP/1.1 200 OK
        Content-Type: image/jpeg
        ```
        """
        XCTAssertEqual(try findings(["s.md": stream]).map(\.rule.rawValue), ["permission-missing"])
    }

    /// A singleton of an entity set's type (`me` of `users`) addresses one of its items: an example through it
    /// matches a documented request through the set.
    func testASingletonExampleMatchesTheSetsDocumentedRequest() throws {
        let schema = try SchemaDecoder.decode("""
        namespace: test.ns
        module: T
        baseURL: https://api.example.com
        apiVersion: v1
        root:
          - { name: users, type: user, collection: true, operations: [list, get] }
          - { name: me, type: user, operations: [get] }
        entities:
          - name: user
            properties:
              - { name: id, type: String }
            navigation:
              - { name: notes, target: note, operations: [list] }
          - name: note
            properties:
              - { name: id, type: String }
        """, file: "s.yaml")
        let page = """
        # List notes

        ## HTTP request
        ```http
        GET /users/{id}/notes
        ```

        ## Example
        ```http
        GET https://api.example.com/v1/Me/notes
        ```
        """
        let read = try PageReader.read(text: page, file: "n.md")
        let findings = DriftCheck().run(ModelBuilder.build(schema: schema, pages: [read.page]), pages: [read.page]).findings.map(\.rule.rawValue)
        XCTAssertFalse(findings.contains("example-request-path"), "\(findings)")
    }

    func testSuppressionsAndBaseline() throws {
        let page = Self.clean.replacingOccurrences(of: "|size|Int32|", with: "|size|Int64|")
            .replacingOccurrences(of: "## HTTP request\n```http", with: "## HTTP request\n<!-- { \"blockType\": \"ignored\", \"suppressions\": [\"property-type: the table is older\"] } -->\n```http")
        let schema = try SchemaDecoder.decode(Self.schema, file: "s.yaml")
        let suppressing = [try PageReader.read(text: page, file: "p.md").page]
        let model = ModelBuilder.build(schema: schema, pages: suppressing)
        XCTAssertEqual(DriftCheck().run(model, pages: suppressing).findings.count, 0)
        XCTAssertEqual(DriftCheck().run(model, pages: suppressing).suppressed, 1)
        let unsuppressed = try findings(["p.md": Self.clean.replacingOccurrences(of: "|size|Int32|", with: "|size|Int64|")])
        let baseline = Set(unsuppressed.map(\.fingerprint))
        let changed = [try PageReader.read(text: Self.clean.replacingOccurrences(of: "|size|Int32|", with: "|size|Int64|"), file: "p.md").page]
        let rerun = DriftCheck(baseline: baseline).run(ModelBuilder.build(schema: schema, pages: changed), pages: changed)
        XCTAssertEqual(rerun.findings.count, 0)
        XCTAssertEqual(rerun.baselined, 1)
        let misspelt = try findings(["p.md": page.replacingOccurrences(of: "\"property-type: the table is older\"", with: "\"property-typ\"")])
        XCTAssertEqual(misspelt.map { "\($0.location.line) \($0.rule.rawValue) \($0.hint)" },
                       ["13 suppression-unknown-rule did you mean 'property-type'?", "24 property-type write the schema's type 'Int32' in the Type column"])
        XCTAssertEqual(DriftCheck(disabledRules: [.propertyType]).run(ModelBuilder.build(schema: schema, pages: changed), pages: changed).suppressed, 1)
    }
}

extension DriftFinding {
    var description: String { "\(location): \(rule): \(message)" }
}
