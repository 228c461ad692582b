import Foundation
import XCTest
@testable import GraphGenKit

/// The URLs the generated client reaches, from its request builders: every kind on a small API, and the whole
/// Graph v1.0 import against URL templates of each kind Graph's SDKs build.
final class ClientURLsTests: XCTestCase {
    func testEveryKindOfURLOnASmallAPI() throws {
        let urls = ClientURLs(try ShopFixture.model())
        XCTAssertEqual(urls.templates(), [
            "/stores",
            "/stores/$count",
            "/stores/{}",
            "/stores/{}/featured",
            "/stores/{}/featured/discount",
            "/stores/{}/featured/example.shop.book",
            "/stores/{}/featured/example.shop.game",
            "/stores/{}/featured/example.shop.product",
            "/stores/{}/products",
            "/stores/{}/products/$count",
            "/stores/{}/products/example.shop.book",
            "/stores/{}/products/example.shop.book/$count",
            "/stores/{}/products/example.shop.game",
            "/stores/{}/products/example.shop.game/$count",
            "/stores/{}/products/example.shop.product",
            "/stores/{}/products/example.shop.product/$count",
            "/stores/{}/products/{}",
            "/stores/{}/products/{}/discount",
            "/stores/{}/products/{}/example.shop.book",
            "/stores/{}/products/{}/example.shop.game",
            "/stores/{}/products/{}/example.shop.product",
        ])
        XCTAssertTrue(urls.reaches("/stores/{}/products/example.shop.book/$count"))
        XCTAssertFalse(urls.reaches("/stores/{}/products/example.shop.book/{}"), "a cast collection has no item builder")
        XCTAssertFalse(urls.reaches("/stores/{}/products/{}/{}"))
        XCTAssertFalse(urls.reaches("/products"))
        XCTAssertFalse(urls.reaches(""))
    }

    /// References are added at the collection's `$ref` and removed at an item's; stream properties and a media
    /// entity's `$value` are content.
    func testReferencesAndContent() throws {
        let schema = try SchemaDecoder.decode(NavigationWalkerPathFormTests.schema, file: "media.yaml")
        let urls = ClientURLs(ModelBuilder.build(schema: schema, pages: []))
        for url in ["/drives/{}/owners/$ref", "/drives/{}/owners/{}/$ref", "/drives/{}/items/{}/content", "/drives/{}/photo/$value"] {
            XCTAssertTrue(urls.reaches(url), url)
        }
        XCTAssertFalse(urls.reaches("/drives/{}/items/{}/$ref"), "items are contained: no references")
    }

    /// An item is reached by an alternate key as well, written on its collection's segment (`users(mail='…')`), at a
    /// root and below navigation: `withMail(_:)`, or the subscript labelled with the key.
    func testItemsByAlternateKeys() throws {
        let csdl = TestPaths.fixture("csdl/paths.xml")
        let imported = try SchemaImport.run(try CSDLDecoder.read(path: csdl, displayPath: "paths.xml"), options: SchemaImportOptions())
        let model = ModelBuilder.build(schema: imported.schema, pages: [])
        let urls = ClientURLs(model)
        for url in ["/users(mail={})", "/users(mail={})/folders", "/me/directReports(mail={})", "/users/{}"] {
            XCTAssertTrue(urls.reaches(url), url)
        }
        XCTAssertFalse(urls.reaches("/users(displayName={})"), "not an alternate key")
        XCTAssertTrue(urls.templates().contains("/users(mail={})/folders"))
        let files = try Generator.render(model: model, templatesOverride: nil, module: nil, accessLevel: nil)
        let builders = files.filter { $0.path.contains("RequestBuilders/") }.map(\.contents).joined()
        XCTAssertTrue(builders.contains("public func withMail(_ mail: String) -> UsersItemRequestBuilder {"), builders)
        XCTAssertTrue(builders.contains("path.appending(alternateKey: \"mail\", mail, quoted: true)"))
        XCTAssertTrue(builders.contains("public subscript(mail mail: String) -> UsersItemRequestBuilder {"))
    }

    /// An item read as a derived type offers that type's navigation, and its base's, below the cast segment
    /// (`cast(to: Folder.self).pinned`), through extensions of the runtime's cast builder.
    func testWhatAnItemCastToADerivedTypeOffers() throws {
        let schema = try SchemaDecoder.decode(NavigationWalkerPathFormTests.schema, file: "media.yaml")
        let model = ModelBuilder.build(schema: schema, pages: [])
        let urls = ClientURLs(model)
        for url in ["/drives/{}/items/{}/example.media.folder", "/drives/{}/items/{}/example.media.folder/pinned",
                    "/drives/{}/items/{}/example.media.folder/children"] {
            XCTAssertTrue(urls.reaches(url), url)
        }
        XCTAssertFalse(urls.reaches("/drives/{}/items/{}/pinned"), "a derived type's navigation is below its cast")
        let files = try Generator.render(model: model, templatesOverride: nil, module: nil, accessLevel: nil)
        let builders = files.filter { $0.path.contains("RequestBuilders/") }.map(\.contents).joined()
        XCTAssertTrue(builders.contains("extension TypeCastItemRequestBuilder where Model == Folder {"), builders)
        XCTAssertTrue(builders.contains("extension TypeCastItemRequestBuilder where Model: ItemProtocol {"), builders)
        XCTAssertTrue(builders.contains("    public var pinned: FolderPinnedRequestBuilder {"), builders)
    }

    /// A composable function's builder offers what its result type offers, below every path to it; one with
    /// parameters takes them as arguments of its segment.
    func testWhatAComposableResultOffers() throws {
        let schema = try SchemaDecoder.decode(NavigationWalkerPathFormTests.schema, file: "media.yaml")
        let model = ModelBuilder.build(schema: schema, pages: [])
        let urls = ClientURLs(model)
        for url in ["/drives/{}/items/{}/range()", "/drives/{}/items/{}/range()/format", "/drives/{}/items/{}/range()/clear",
                    "/drives/{}/items/{}/range()/cell(row={})", "/drives/{}/items/{}/range()/cell(row={})/format",
                    "/drives/{}/items/{}/range()/cell(row={})/clear", "/drives/{}/items/{}/children/{}/range()/format",
                    "/drives/{}/items/{}/range(address={})/format"] {
            XCTAssertTrue(urls.reaches(url), url)
        }
        let files = try Generator.render(model: model, templatesOverride: nil, module: nil, accessLevel: nil)
        let builders = files.filter { $0.path.contains("RequestBuilders/") }.map(\.contents).joined()
        XCTAssertTrue(builders.contains("public func cell(_ parameters: SheetRangeCellParameters) throws -> SheetRangeCellFunctionRequestBuilder {"), builders)
        XCTAssertTrue(builders.contains("path.appending(\"cell(\" + (try parameters.arguments()) + \")\")"))
        // An overload after the first is named with its parameters.
        XCTAssertTrue(builders.contains("public var range: ItemRange"), builders)
        XCTAssertTrue(builders.contains("public func rangeWithAddress(_ parameters: ItemRangeWithAddressParameters) throws -> ItemRangeWithAddressFunctionRequestBuilder {"), builders)
    }

    func testCallSegmentsAreTemplates() {
        XCTAssertEqual(ClientURLs.template("getX(period=@period,top=@top)"), "getX(period={},top={})")
        XCTAssertEqual(ClientURLs.template("delta()"), "delta()")
        XCTAssertEqual(ClientURLs.template("messages"), "messages")
    }

    /// URL templates of each kind Microsoft's Graph SDKs build (`Fixtures/urls/graph-v1.0-reached.txt`, written
    /// here from Graph's documented URL space), each reached by the client of the whole v1.0 import.
    func testGraphV1ClientReachesEachKindOfURL() throws {
        let csdl = TestPaths.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/csdl/graph-v1.0.csdl").path
        guard FileManager.default.fileExists(atPath: csdl) else { throw XCTSkip("../shared/csdl is not beside this clone") }
        let imported = try SchemaImport.run(try CSDLDecoder.read(path: csdl, displayPath: "graph-v1.0.csdl"), options: SchemaImportOptions())
        let urls = ClientURLs(ModelBuilder.build(schema: imported.schema, pages: []))
        let listed = try String(contentsOfFile: TestPaths.fixture("urls/graph-v1.0-reached.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
        XCTAssertGreaterThan(listed.count, 50)
        XCTAssertEqual(listed.filter { !urls.reaches($0) }, [])
    }
}
