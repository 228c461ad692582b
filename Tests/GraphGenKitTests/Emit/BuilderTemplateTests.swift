import XCTest
@testable import GraphGenKit

/// The builder template's layout: a blank line goes between members, none right after the opening line.
final class BuilderTemplateTests: XCTestCase {
    private func render(_ builder: BuilderFileContext) throws -> String {
        let package = PackageContext(header: "", access: "public", module: "M", defaultBaseURL: "", runtime: RuntimeFeatures(), modules: nil)
        return try TemplateLibrary(overrides: nil).render(.builder, package: package, builder)
    }

    private let navigations = [
        BuilderFileContext.Navigation(property: "items", segment: "items", builderType: "ItemsRequestBuilder"),
        BuilderFileContext.Navigation(property: "owner", segment: "owner", builderType: "OwnerRequestBuilder"),
    ]
    private let key = BuilderFileContext.Key(method: "byItemId", parameter: "itemId", builderType: "ItemRequestBuilder")

    func testAMembersExtensionWithoutAModelStartsWithItsFirstMember() throws {
        let builder = BuilderFileContext(typeName: "ListRequestBuilder", docLines: [], navigations: navigations, keys: [key], operations: [], part: .members)
        let text = try render(builder)
        XCTAssertTrue(text.contains("extension ListRequestBuilder {\n    /// `items`\n"), text)
        XCTAssertTrue(text.contains("    }\n\n    /// `owner`\n"), text)
        XCTAssertTrue(text.contains("    }\n\n    /// One item of this collection, by `itemId`"), text)
        XCTAssertFalse(text.contains("{\n\n"), text)
    }

    func testTheModelLineIsFollowedByABlankLine() throws {
        let builder = BuilderFileContext(typeName: "ListRequestBuilder", docLines: [], navigations: navigations, keys: [], operations: [],
                                         entity: "Item", part: .members)
        XCTAssertTrue(try render(builder).contains("    public typealias Model = Item\n\n    /// `items`\n"))
    }

    func testACastExtensionWithKeysOnlyStartsWithItsFirstKey() throws {
        let builder = BuilderFileContext(typeName: "ListRequestBuilder", docLines: [], navigations: [], keys: [key], operations: [],
                                         castExtension: " == Item", castOf: "item")
        let text = try render(builder)
        XCTAssertTrue(text.contains("where Model == Item {\n    /// One item of this collection, by `itemId`"), text)
    }

    func testAWholeBuilderKeepsABlankLineAfterItsStoredProperties() throws {
        let builder = BuilderFileContext(typeName: "ListRequestBuilder", docLines: [], navigations: navigations, keys: [], operations: [])
        XCTAssertTrue(try render(builder).contains("    public let path: RequestPath\n\n    /// `items`\n"))
    }
}
