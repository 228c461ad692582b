import XCTest
@testable import GraphGenKit

final class NavigationWalkerTests: XCTestCase {
    private func walker() throws -> NavigationWalker {
        NavigationWalker(schema: try SchemaDecoder.decode(ShopFixture.schema, file: "shop.yaml"))
    }

    func testAWalkNamesItsTargetParametersAndKeys() throws {
        let walk = try walker().walk(PathTemplate(parsing: "/stores/s1/products/{productId}")).get()
        XCTAssertEqual(walk.canonicalPath.description, "/stores/{storeId}/products/{productId}")
        XCTAssertEqual(walk.parameters.map(\.name), ["storeId", "productId"])
        XCTAssertEqual(walk.keyValues, ["s1", "{productId}"])
        XCTAssertEqual(walk.target, "product")
        XCTAssertFalse(walk.endsAtCollection)
        XCTAssertEqual(walk.navigationOwner, "store")
    }

    func testAPathMayEndInACallOfAnActionBoundThere() throws {
        let walk = try walker().walk(PathTemplate(parsing: "/stores/{storeId}/products/{productId}/example.shop.discount")).get()
        XCTAssertEqual(walk.call?.name, "discount")
        XCTAssertEqual(walk.callOwner, "product")
        XCTAssertEqual(walk.canonicalPath.description, "/stores/{storeId}/products/{productId}/discount")
    }

    func testAWrongSegmentIsNamedWithWhatTheTypeHas() throws {
        guard case .failure(let failure) = try walker().walk(PathTemplate(parsing: "/stores/{storeId}/shelves")) else {
            return XCTFail("walked a navigation the schema does not have")
        }
        XCTAssertEqual(failure.segmentIndex, 2)
        XCTAssertTrue(failure.message.contains("'shelves' is not a navigation property of 'store'"), failure.message)
    }

    func testARootWithManyNavigationPropertiesFindsEachAndNamesAFewInAFailure() throws {
        let navigation = (1...30).map { "      - { name: things\($0), target: thing, operations: [get] }" }.joined(separator: "\n")
        let yaml = """
        namespace: example.many
        module: Many
        root:
          - name: service
            navigation:
        \(navigation)
        entities:
          - name: thing
            properties:
              - { name: id, type: String }
        """
        let walker = NavigationWalker(schema: try SchemaDecoder.decode(yaml, file: "many.yaml"))
        let walk = try walker.walk(PathTemplate(parsing: "/service/things30/t1")).get()
        XCTAssertEqual(walk.canonicalPath.description, "/service/things30/{thingId}")
        XCTAssertEqual(walk.navigationOwner, "service")
        guard case .failure(let failure) = walker.walk(PathTemplate(parsing: "/service/others")) else {
            return XCTFail("walked a navigation the root does not have")
        }
        XCTAssertTrue(failure.message.hasPrefix("'others' is not a navigation property of 'service' (it has: things1, things10, things11,"), failure.message)
        XCTAssertTrue(failure.message.hasSuffix(", … and 10 more)"), failure.message)
    }

    func testDeclaredOperationsCoverEveryPathOnce() throws {
        let declared = try walker().declaredOperations().operations.map { "\($0.kind.value.rawValue) \($0.path)" }
        XCTAssertEqual(Set(declared).count, declared.count)
        XCTAssertTrue(declared.contains("create /stores/{storeId}/products"), "\(declared)")
        XCTAssertTrue(declared.contains("get /stores/{storeId}/featured"), "\(declared)")
    }

    /// The service accepts segments in any letter case: the walk goes on with the schema's spelling and says so.
    func testACaseOnlyDifferenceWalksOnWithANote() throws {
        let walk = try walker().walk(PathTemplate(parsing: "/stores/{storeId}/Products/{productId}")).get()
        XCTAssertEqual(walk.canonicalPath.description, "/stores/{storeId}/products/{productId}")
        XCTAssertEqual(walk.caseDifferences.map(\.written), ["Products"])
        let schema = try SchemaDecoder.decode(ShopFixture.schema, file: "shop.yaml")
        let page = try PageReader.read(text: ShopFixture.createPage.replacingOccurrences(of: "POST /stores/{storeId}/products", with: "POST /stores/{storeId}/PRODUCTS"), file: "p.md").page
        let model = ModelBuilder.build(schema: schema, pages: [page])
        XCTAssertEqual(model.diagnostics.filter { $0.ruleID == "path-case" }.map(\.severity), [.note])
        XCTAssertFalse(model.diagnostics.contains { $0.ruleID == "path-not-navigable" })
    }

    /// Contained navigation multiplies paths at each level: a schema declaring more than a client could hold is a
    /// located error, reached in bounded time and memory.
    func testContainedNavigationThatExplodesIsALocatedError() throws {
        let types = (0..<12).map { "t\($0)" }
        let navigation = types.map { "      - { name: \($0)s, target: \($0), operations: [list, get] }" }.joined(separator: "\n")
        let entities = types.map { "  - name: \($0)\n    properties:\n      - { name: id, type: String }\n    navigation:\n\(navigation)" }.joined(separator: "\n")
        let yaml = "namespace: example.dense\nmodule: Dense\nroot:\n  - name: t0s\n    type: t0\n    collection: true\n    operations: [list]\nentities:\n" + entities + "\n"
        let model = ModelBuilder.build(schema: try SchemaDecoder.decode(yaml, file: "dense.yaml"), pages: [])
        let error = try XCTUnwrap(model.diagnostics.first { $0.ruleID == "schema-paths" })
        XCTAssertEqual(error.severity, .error)
        XCTAssertEqual(error.location?.file, "dense.yaml")
        XCTAssertEqual(model.operations.count, 0, "the run stops on the error; nothing is built from a partial walk")
    }

    /// Graph's Excel pages write paths relative to a type (`/workbook/…`): such a path is a note, not a wrong path,
    /// and an example that ends with it is one of the page's requests.
    func testAPathStartingAtANavigationPropertyIsRelative() throws {
        let schema = try SchemaDecoder.decode(ShopFixture.schema, file: "shop.yaml")
        XCTAssertEqual(NavigationWalker(schema: schema).relativeOwners(of: PathTemplate(parsing: "/products/{id}")), ["store"])
        XCTAssertEqual(NavigationWalker(schema: schema).relativeOwners(of: PathTemplate(parsing: "/stores/{id}/nope")), [], "a path from a root is not relative")
        let text = ShopFixture.createPage
            .replacingOccurrences(of: "POST /stores/{storeId}/products\n", with: "POST /products\n")
        let page = try PageReader.read(text: text, file: "p.md").page
        let model = ModelBuilder.build(schema: schema, pages: [page])
        XCTAssertEqual(model.diagnostics.filter { $0.ruleID.hasPrefix("path-") }.map(\.ruleID), ["path-relative"])
        XCTAssertTrue(model.diagnostics.first { $0.ruleID == "path-relative" }?.message.contains("starts at 'products', a navigation property of store") == true)
        let findings = DriftCheck().run(model).findings.map(\.ruleID)
        XCTAssertFalse(findings.contains("example-request-path"), "the example POST /stores/s%201/products ends with /products: \(findings)")
    }
}
