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

    func testDeclaredOperationsCoverEveryPathOnce() throws {
        let declared = try walker().declaredOperations().map { "\($0.kind.value.rawValue) \($0.path)" }
        XCTAssertEqual(Set(declared).count, declared.count)
        XCTAssertTrue(declared.contains("create /stores/{storeId}/products"), "\(declared)")
        XCTAssertTrue(declared.contains("get /stores/{storeId}/featured"), "\(declared)")
    }
}
