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

    func testARootInOtherLetterCaseWalksOnWithANote() throws {
        let walk = try walker().walk(PathTemplate(parsing: "/STORES/{storeId}/products")).get()
        XCTAssertEqual(walk.canonicalPath.description, "/stores/{storeId}/products")
        XCTAssertEqual(walk.caseDifferences.map(\.written), ["STORES"])
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
        let findings = DriftCheck().run(model, pages: [page]).findings.map(\.rule.rawValue)
        XCTAssertFalse(findings.contains("example-request-path"), "the example POST /stores/s%201/products ends with /products: \(findings)")
    }
}

/// Path forms real pages use beyond root → navigation → key: path-addressed items, binary content, references to
/// one item, composable function results, type casts written or left out, structural properties, recursion marks.
final class NavigationWalkerPathFormTests: XCTestCase {
    static let schema = """
    namespace: example.media
    module: Media
    root:
      - name: drives
        type: drive
        collection: true
        operations: [list, get]
    entities:
      - name: drive
        properties:
          - { name: id, type: String }
          - { name: quota, type: quota }
        navigation:
          - { name: items, target: item, operations: [list, get, create, update, delete] }
          - { name: owners, target: person, contained: false, operations: [list, get, addReference, removeReference] }
          - { name: photo, target: photo, collection: false, operations: [get] }
          - { name: notes, target: note, operations: [list, get] }
      - name: note
        properties:
          - { name: id, type: String }
      - name: audioNote
        base: note
        hasStream: true
      - name: item
        properties:
          - { name: id, type: String }
          - { name: content, type: Stream }
        navigation:
          - { name: children, target: item, operations: [list, get] }
        actions:
          - { name: range, kind: function, composable: true, returns: sheetRange }
          - { name: range, kind: function, composable: true, parameters: [{ name: address, type: String }], returns: sheetRange }
      - name: folder
        base: item
        navigation:
          - { name: pinned, target: item, operations: [list] }
        actions:
          - { name: pin }
      - name: photo
        hasStream: true
        properties:
          - { name: id, type: String }
      - name: person
        properties:
          - { name: id, type: String }
      - name: sheetRange
        properties:
          - { name: id, type: String }
        navigation:
          - { name: format, target: rangeFormat, collection: false, operations: [get] }
        actions:
          - { name: clear }
          - { name: cell, kind: function, composable: true, parameters: [{ name: row, type: Int32 }], returns: sheetRange }
      - name: rangeFormat
        properties:
          - { name: id, type: String }
    complexTypes:
      - name: quota
        properties:
          - { name: total, type: Int64 }
          - { name: owner, type: ownerInfo }
      - name: ownerInfo
        properties:
          - { name: name, type: String }
    """

    private func walk(_ path: String) throws -> NavigationWalker.Walk {
        try NavigationWalker(schema: try SchemaDecoder.decode(Self.schema, file: "media.yaml")).walk(PathTemplate(parsing: path)).get()
    }

    private func failure(_ path: String) throws -> String? {
        guard case .failure(let failure) = NavigationWalker(schema: try SchemaDecoder.decode(Self.schema, file: "media.yaml")).walk(PathTemplate(parsing: path)) else { return nil }
        return failure.message
    }

    func testAnItemAddressedByPathIsAnItemOfItsCollection() throws {
        let walk = try self.walk("/drives/{drive-id}/items/{parent-id}:/{file-name}:/children")
        XCTAssertEqual(walk.canonicalPath.description, "/drives/{driveId}/items/{itemId}/children")
        XCTAssertEqual(walk.keyValues, ["{drive-id}", "{parent-id}"])
        let open = try self.walk("/drives/{drive-id}/items/root:/a/b.txt")
        XCTAssertEqual(open.canonicalPath.description, "/drives/{driveId}/items/{itemId}", "a path to the end, without the closing colon")
        XCTAssertEqual(open.keyValues, ["{drive-id}", "root"])
    }

    func testStreamPropertiesAndMediaValuesAreBinaryContent() throws {
        let content = try walk("/drives/{drive-id}/items/{parent-id}:/{file-name}:/Content")
        XCTAssertEqual(content.media, "content")
        XCTAssertEqual(content.canonicalPath.description, "/drives/{driveId}/items/{itemId}/content")
        XCTAssertNil(NavigationWalker.operationKind(method: "PUT", walk: content), "binary content is no entity operation")
        XCTAssertEqual(try walk("/drives/{drive-id}/photo/$value").media, "$value")
        let derivedMedia = try walk("/drives/{drive-id}/notes/{note-id}/$value")
        XCTAssertEqual(derivedMedia.media, "$value")
        XCTAssertEqual(derivedMedia.castsLeftOut.map { "\($0.name) on \($0.derivedType)" }, ["$value on audioNote"], "only the derived type is a media entity")
        XCTAssertEqual(try failure("/drives/{drive-id}/items/{id}/$value")?.contains("'$value' is not a navigation property of 'item'"), true, "item is no media entity")
    }

    func testOneReferenceOfACollectionIsItsReferenceOperation() throws {
        let walk = try self.walk("/drives/{drive-id}/owners/{person-id}/$ref")
        XCTAssertTrue(walk.endsAtReference)
        XCTAssertEqual(walk.canonicalPath.description, "/drives/{driveId}/owners/{personId}/$ref")
        XCTAssertEqual(walk.keyValues, ["{drive-id}", "{person-id}"])
        let declared = NavigationWalker(schema: try SchemaDecoder.decode(Self.schema, file: "media.yaml")).declaredOperations().operations
            .filter { [.addReference, .removeReference].contains($0.kind.value) }.map { "\($0.kind.value) \($0.path)" }
        XCTAssertEqual(declared, ["addReference /drives/{driveId}/owners/$ref", "removeReference /drives/{driveId}/owners/{personId}/$ref"])
        XCTAssertEqual(NavigationWalker.operationKind(method: "DELETE", walk: walk), .removeReference)
        XCTAssertEqual(try failure("/drives/{drive-id}/owners/{person-id}/$ref/more"), "nothing may follow '$ref'")
    }

    func testAComposableFunctionsResultIsWalkedOn() throws {
        let walk = try self.walk("/drives/{drive-id}/items/{item-id}/range/format")
        XCTAssertTrue(walk.throughCall)
        XCTAssertEqual(walk.target, "rangeFormat")
        XCTAssertEqual(walk.canonicalPath.description, "/drives/{driveId}/items/{itemId}/range()/format")
        let schema = Self.schema.replacingOccurrences(of: ", composable: true", with: "")
        guard case .failure(let failure) = NavigationWalker(schema: try SchemaDecoder.decode(schema, file: "m.yaml")).walk(PathTemplate(parsing: "/drives/{d}/items/{i}/range/format")) else {
            return XCTFail("walked on from a function that is not composable")
        }
        XCTAssertEqual(failure.message, "nothing may follow the call of 'range'")
    }

    /// What is called on a composable function's result belongs to that call; the schema declares what lies below a
    /// result once per result type (here the range's calls and format, not again below `cell(…)`).
    func testWhatLiesBelowAComposableResultIsDeclaredOnce() throws {
        let walk = try self.walk("/drives/{drive-id}/items/{item-id}/range/clear")
        XCTAssertEqual(walk.call?.name, "clear")
        XCTAssertEqual(walk.navigation?.name, "range()")
        XCTAssertEqual(walk.navigationOwner, "item")
        let below = try self.walk("/drives/{d}/items/{i}/range/cell(row=2)/format")
        XCTAssertEqual(below.canonicalPath.description, "/drives/{driveId}/items/{itemId}/range()/cell(row=@row)/format")
        XCTAssertEqual(below.navigationOwner, "sheetRange")
        let walker = NavigationWalker(schema: try SchemaDecoder.decode(Self.schema, file: "m.yaml"))
        let paths = walker.declaredOperations().operations.map(\.path.description).filter { $0.contains("range()/") }
        XCTAssertEqual(Set(paths).count, paths.count, "each once")
        XCTAssertTrue(paths.contains("/drives/{driveId}/items/{itemId}/range()/format"), "\(paths)")
        XCTAssertTrue(paths.contains("/drives/{driveId}/items/{itemId}/range()/clear"), "\(paths)")
        XCTAssertTrue(paths.contains("/drives/{driveId}/items/{itemId}/range()/cell(row=@row)"), "\(paths)")
        XCTAssertFalse(paths.contains { $0.contains("cell(row=@row)/") }, "a result type already expanded is not expanded again")
    }

    /// Of a function's overloads, a segment calls the one whose parameters it names; without arguments, the one
    /// without parameters.
    func testASegmentCallsTheOverloadItsArgumentsName() throws {
        XCTAssertEqual(try walk("/drives/{d}/items/{i}/range(address='A1,B2')/format").canonicalPath.description,
                       "/drives/{driveId}/items/{itemId}/range(address=@address)/format")
        XCTAssertEqual(try walk("/drives/{d}/items/{i}/range()/format").canonicalPath.description, "/drives/{driveId}/items/{itemId}/range()/format")
        XCTAssertEqual(try walk("/drives/{d}/items/{i}/range/format").canonicalPath.description, "/drives/{driveId}/items/{itemId}/range()/format")
    }

    func testTypeCastsWrittenOrLeftOut() throws {
        let cast = try walk("/drives/{drive-id}/items/{item-id}/example.media.folder/pinned")
        XCTAssertTrue(cast.throughCast)
        XCTAssertTrue(cast.castsLeftOut.isEmpty)
        XCTAssertEqual(cast.canonicalPath.description, "/drives/{driveId}/items/{itemId}/example.media.folder/pinned")
        let collectionCast = try walk("/drives/{drive-id}/items/example.media.folder/{item-id}/pinned")
        XCTAssertEqual(collectionCast.target, "item")
        XCTAssertEqual(collectionCast.navigationOwner, "folder")
        let leftOut = try walk("/drives/{drive-id}/items/{item-id}/pinned")
        XCTAssertEqual(leftOut.castsLeftOut.map { "\($0.name) on \($0.derivedType)" }, ["pinned on folder"])
        let call = try walk("/drives/{drive-id}/items/{item-id}/pin")
        XCTAssertEqual(call.call?.name, "pin")
        XCTAssertEqual(call.castsLeftOut.map(\.derivedType), ["folder"])
        XCTAssertNotNil(try failure("/drives/{drive-id}/items/{item-id}/example.media.person/pinned"), "person does not derive from item")
        XCTAssertEqual(try walk("/drives/{drive-id}/items/jo.folder/children").keyValues, ["{drive-id}", "jo.folder"], "a key with dots is no cast")
        XCTAssertTrue(try walk("/drives/{drive-id}/items/{item-id}/graph.folder/pinned").throughCast, "Graph's alias")
    }

    func testStructuralPropertiesEndAWalk() throws {
        let walk = try self.walk("/drives/{drive-id}/quota/owner/name")
        XCTAssertEqual(walk.property, "quota/owner/name")
        XCTAssertNil(NavigationWalker.operationKind(method: "GET", walk: walk))
        XCTAssertEqual(try self.walk("/drives/{drive-id}/quota/total/$value").property, "quota/total/$value")
        XCTAssertEqual(try failure("/drives/{drive-id}/quota/bogus"), "nothing follows the property 'quota' of 'drive' but its own properties")
    }

    func testACollectionsCountIsItsValue() throws {
        let walk = try self.walk("/drives/{drive-id}/items/$count")
        XCTAssertEqual(walk.property, "$count")
        XCTAssertEqual(walk.canonicalPath.description, "/drives/{driveId}/items/$count")
        XCTAssertNil(NavigationWalker.operationKind(method: "GET", walk: walk))
    }

    func testARecursionMarkRepeatsTheNavigationBeforeIt() throws {
        let walk = try self.walk("/drives/{drive-id}/items/{item-id}/children/{child-id}/.../children")
        XCTAssertEqual(walk.canonicalPath.description, "/drives/{driveId}/items/{itemId}/children/{itemId}/children")
        XCTAssertTrue(walk.endsAtCollection)
    }
}
