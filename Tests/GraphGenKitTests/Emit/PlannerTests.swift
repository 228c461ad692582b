import XCTest
@testable import GraphGenKit

/// The planners' render models for a small API, checked as data rather than through rendered text.
final class PlannerTests: XCTestCase {
    private var model: APIModel!
    private var names: TypeNames!

    override func setUpWithError() throws {
        model = try ShopFixture.model()
        names = TypeNames(model: model)
    }

    func testBuildersFollowTheNavigationGraph() throws {
        let plan = RequestBuilderPlanner(model: model, names: names).builders()
        XCTAssertEqual(plan.builders.map(\.typeName), [
            "ProductDiscountActionRequestBuilder", "StoreFeaturedRequestBuilder", "StoreProductsItemRequestBuilder",
            "StoreProductsRequestBuilder", "StoresItemRequestBuilder", "StoresRequestBuilder",
        ])
        XCTAssertEqual(plan.roots.map(\.builderType), ["StoresRequestBuilder"])
        let builders = Dictionary(uniqueKeysWithValues: plan.builders.map { ($0.typeName, $0) })
        let store = try XCTUnwrap(builders["StoresItemRequestBuilder"])
        XCTAssertEqual(store.navigations.map { "\($0.property) \($0.segment) \($0.builderType)" },
                       ["products products StoreProductsRequestBuilder", "featured featured StoreFeaturedRequestBuilder"])
        let products = try XCTUnwrap(builders["StoreProductsRequestBuilder"])
        XCTAssertEqual(products.keys.map { "\($0.method)(\($0.parameter)) \($0.builderType)" }, ["byProductId(productId) StoreProductsItemRequestBuilder"])
        XCTAssertEqual(products.operations.map(\.name), ["get", "post"])
        let list = products.operations[0], create = products.operations[1]
        XCTAssertEqual(list.listElement, "Product")
        XCTAssertEqual(list.result, .collection(of: "Product"))
        XCTAssertEqual(create.bodyType, "Product")
        XCTAssertTrue(create.encodesCreate, "a create body names its type")
        XCTAssertFalse(create.encodesBody)
        XCTAssertEqual(create.result, .entity("Product"), "the page documents 201 with the entity")
        XCTAssertTrue(create.discardable)
        XCTAssertTrue(create.docLines.contains("Documented in create-product.md:11."), "\(create.docLines)")
    }

    func testItemBuildersHoldItemOperationsAndCalls() throws {
        let builders = RequestBuilderPlanner(model: model, names: names).builders().builders
        let item = try XCTUnwrap(builders.first { $0.typeName == "StoreProductsItemRequestBuilder" })
        XCTAssertEqual(item.operations.map(\.httpMethod), ["DELETE", "GET", "PATCH"])
        XCTAssertEqual(item.operations.map(\.result), [.nothing, .entity("Product"), .entity("Product")],
                       "operations the schema declares answer with their kind's usual status")
        XCTAssertEqual(item.navigations.map(\.builderType), ["ProductDiscountActionRequestBuilder"])
        let discount = try XCTUnwrap(builders.first { $0.typeName == "ProductDiscountActionRequestBuilder" }?.operations.first)
        XCTAssertEqual(discount.parametersType, "ProductDiscountParameters")
        XCTAssertTrue(discount.encodesParameters)
        XCTAssertFalse(discount.functionAliases)
        XCTAssertEqual(discount.result, .entity("Product"))
    }

    func testUsualOperationsAreSentByRuntimeProtocolsAndTheRestByTheirBuilder() throws {
        let builders = Dictionary(uniqueKeysWithValues: RequestBuilderPlanner(model: model, names: names).builders().builders.map { ($0.typeName, $0) })
        let item = try XCTUnwrap(builders["StoreProductsItemRequestBuilder"])
        XCTAssertEqual(item.conformances, ["DeletingRequestBuilder", "ReadingRequestBuilder", "UpdatingRequestBuilder"])
        XCTAssertEqual(item.entity, "Product")
        XCTAssertEqual(item.operations.map(\.sender), ["DeletingRequestBuilder", "ReadingRequestBuilder", "UpdatingRequestBuilder"])
        let products = try XCTUnwrap(builders["StoreProductsRequestBuilder"])
        XCTAssertEqual(products.conformances, ["ListingRequestBuilder", "CreatingRequestBuilder"])
        let discount = try XCTUnwrap(builders["ProductDiscountActionRequestBuilder"])
        XCTAssertEqual(discount.conformances, [], "an action's parameters are its own shape")
        XCTAssertNil(discount.operations.first?.sender)

        // An update that answers nothing, and a second entity type in one builder, keep their own methods.
        var mixed = item
        mixed.conformances = []
        mixed.entity = nil
        for index in mixed.operations.indices { mixed.operations[index].sender = nil }
        mixed.operations[2].result = .nothing
        mixed.operations[1].result = .entity("Store")
        let planned = RequestBuilderPlanner.withSenders(mixed)
        XCTAssertEqual(planned.operations.map(\.sender), ["DeletingRequestBuilder", "ReadingRequestBuilder", nil])
        XCTAssertEqual(planned.entity, "Store")
        mixed.operations[2].result = .entity("Product")
        XCTAssertEqual(RequestBuilderPlanner.withSenders(mixed).operations.map(\.sender), ["DeletingRequestBuilder", "ReadingRequestBuilder", nil],
                       "an update of another entity type than the read keeps its own method")
    }

    func testAPagesFileStemKeepsLettersAndDigitsOfAnyScript() {
        XCTAssertEqual(ExampleTestPlanner.fileStem("pages/intune-apps-user_get.v2.md"), "intune_apps_user_get_v2")
        XCTAssertEqual(ExampleTestPlanner.fileStem("docs/Zürich-ßtraße 9.md"), "Zürich_ßtraße_9")
        XCTAssertEqual(ExampleTestPlanner.fileStem("a/b/AZaz09@[`{.txt"), "AZaz09____")
    }

    func testExampleTestsAssertWhatTheSchemaContradictsAndTheDerivedType() throws {
        var bodies = DocumentedBodyTable()
        let groups = ExampleTestPlanner(model: model, names: names).groups(bodies: &bodies)
        XCTAssertEqual(groups.map(\.typeName), ["Product"])
        let tests = groups[0].tests
        XCTAssertEqual(tests.map(\.functionName), ["test_create_product_example1_request", "test_create_product_example1_response"])
        XCTAssertEqual(tests.map(\.swiftType), ["Product", "Product"])
        XCTAssertEqual(tests[0].source, "create-product.md:24")
        let derived = ExampleTestsContext.Assertion.derived(.init(accessor: "value", label: "derived", typeName: "Book", properties: ["isbn"], refused: "Game"))
        XCTAssertEqual(tests[0].assertions.map(String.init(describing:)), [
            ExampleTestsContext.Assertion.enumKeepsText(.init(property: "kind", text: "refurbished", enumType: "Kind")),
            .keepsMember(.init(accessor: "value", key: "shelf")),
            derived,
        ].map(String.init(describing:)))
        XCTAssertEqual(tests[1].assertions.map(String.init(describing:)), [String(describing: derived)])
    }

    func testRequestTestsSendTheDocumentedKeyDecodedAndExpectItEncoded() throws {
        var bodies = DocumentedBodyTable()
        let exampleGroups = ExampleTestPlanner(model: model, names: names).groups(bodies: &bodies)
        let groups = RequestTestPlanner(model: model, names: names).groups(bodies: &bodies)
        let test = try XCTUnwrap(groups.first?.tests.first)
        XCTAssertEqual(test.body, exampleGroups.first?.tests.first?.body, "the request test reads the body the example test reads")
        XCTAssertEqual(test.body, "DocumentedBody.create_product_line24")
        XCTAssertEqual(bodies.entries.map(\.name), ["create_product_line24", "create_product_line34"], "each body declared once")
        XCTAssertEqual(bodies.entries.map(\.source), ["create-product.md:24", "create-product.md:34"])
        XCTAssertEqual(groups.map(\.typeName), ["Product"])
        XCTAssertEqual(test.builderChain, ".stores.byStoreId(\"s 1\").products")
        XCTAssertEqual(test.expectedPath, "/v1.0/stores/s 1/products")
        XCTAssertEqual(test.expectedRawPath, "/v1.0/stores/s%201/products")
        XCTAssertTrue(test.typed)
        XCTAssertEqual(test.verb, "post")
        XCTAssertEqual(test.argumentType, "Product")
        XCTAssertNil(test.argumentJSON)
        XCTAssertEqual(test.result?.entity, "Product")
        XCTAssertEqual(test.status, 201)
        XCTAssertNil(test.expectedQuery)
    }

    func testFamilyProtocolsAreNamedClearOfTheStandardLibrary() throws {
        let schema = try SchemaDecoder.decode("""
        namespace: example.odd
        module: Odd
        entities:
          - name: iterator
            properties: [{ name: step, type: Int32 }]
          - name: fastIterator
            base: iterator
          - name: iteratorProtocol
        """, file: "odd.yaml")
        let names = TypeNames(model: ModelBuilder.build(schema: schema, pages: []))
        XCTAssertEqual(names.swift("iterator"), "Iterator")
        XCTAssertEqual(names.swift("iteratorProtocol"), "IteratorProtocolModel")
        XCTAssertEqual(names.protocols["iterator"], "IteratorProtocol2")
        XCTAssertEqual(names.protocols["fastIterator"], nil, "a type without derived types declares no protocol")
    }

    func testBuildersAreNamedClearOfTheRuntimesProtocols() {
        XCTAssertEqual(RequestBuilderPlanner.rootBuilderName("reading"), "ReadingNavigationRequestBuilder")
        XCTAssertEqual(RequestBuilderPlanner.rootBuilderName("graph"), "GraphNavigationRequestBuilder")
        XCTAssertEqual(RequestBuilderPlanner.collectionBuilderName((owner: "media", navigation: "content")), "MediaContentNavigationRequestBuilder")
        XCTAssertEqual(RequestBuilderPlanner.itemBuilderName((owner: "media", navigation: "content")), "MediaContentItemRequestBuilder")
        XCTAssertEqual(RequestBuilderPlanner.rootBuilderName("users"), "UsersRequestBuilder")
    }

    /// A call of another namespace is reached at its qualified segment; one named like a call already on the builder
    /// takes its namespace's last part in Swift.
    func testCallsOfAnotherNamespaceAreQualified() throws {
        let yaml = """
        namespace: example.shop
        module: Shop
        root:
          - { name: things, type: thing, collection: true, operations: [list, get] }
        entities:
          - name: thing
            properties:
              - { name: id, type: String }
            actions:
              - { name: restore }
              - { name: restore, namespace: example.shop.archive }
              - { name: seal, namespace: example.shop.archive }

        """
        let model = ModelBuilder.build(schema: try SchemaDecoder.decode(yaml, file: "s.yaml"), pages: [])
        let plan = RequestBuilderPlanner(model: model, names: TypeNames(model: model)).builders()
        let item = try XCTUnwrap(plan.builders.first { $0.typeName == "ThingsItemRequestBuilder" })
        XCTAssertEqual(item.navigations.map { "\($0.property) \($0.segment)" },
                       ["restore restore", "archiveRestore example.shop.archive.restore", "seal example.shop.archive.seal"])
        XCTAssertTrue(ClientURLs(model).reaches("/things/{}/example.shop.archive.seal"))
        XCTAssertFalse(ClientURLs(model).reaches("/things/{}/seal"), "not without its namespace")
    }
}
