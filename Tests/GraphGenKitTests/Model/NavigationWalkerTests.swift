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
}
