import Foundation
import XCTest
@testable import GraphGenKit

final class APIDiffTests: XCTestCase {
    static let oldSchema = """
    namespace: example.api
    module: Shop
    root:
      - name: items
        type: item
        collection: true
        operations: [list, get, delete]
    enums:
      - name: color
        members: [red, green, blue]
    entities:
      - name: item
        description: A thing on a shelf.
        properties:
          - { name: count, type: Int32 }
          - { name: label, type: String }
          - { name: color, type: color }
          - { name: note, type: String, description: Free text. }

    """

    func model(_ text: String, file: String) throws -> APIModel {
        ModelBuilder.build(schema: try SchemaDecoder.decode(text, file: file), pages: [])
    }

    func testChangesAreJudgedByWhatTheyDoToTheSwiftPackage() throws {
        var newText = Self.oldSchema
        newText = newText.replacingOccurrences(of: "{ name: count, type: Int32 }", with: "{ name: count, type: Int64 }")
        newText = newText.replacingOccurrences(of: "      - { name: label, type: String }\n", with: "      - { name: size, type: Collection(String) }\n")
        newText = newText.replacingOccurrences(of: "[red, green, blue]", with: "[red, blue, unknownFutureValue]")
        newText = newText.replacingOccurrences(of: "Free text.", with: "Free text; at most 200 characters.")
        newText = newText.replacingOccurrences(of: "[list, get, delete]", with: "[list, get, update]")
        let (old, new) = (try model(Self.oldSchema, file: "old.yaml"), try model(newText, file: "new.yaml"))
        let changes = APIDiff.compare(old: old, new: new)
        let surface = APISurface.effect(old: APISurface.lines(of: old, module: "Shop"), new: APISurface.lines(of: new, module: "Shop"))
        XCTAssertEqual(surface.breaking, changes.filter { $0.effect == .breaking }.count, "generate's summary counts what diff reports")
        XCTAssertEqual(surface.additive, changes.filter { $0.effect == .additive }.count)
        let lines = changes.map { "\($0.effect.rawValue) \($0.kind.rawValue) \($0.symbol): \($0.detail)" }
        XCTAssertEqual(lines, [
            "breaking removed Color.green: enum case removed",
            "breaking removed DELETE /items/{itemId}: operation removed",
            "breaking changed Item.count: Int32? → Int64?",
            "breaking removed Item.label: property removed",
            "additive added Color.unknownFutureValue: enum case added",
            "additive added Item.size: property added: [String]?",
            "additive added PATCH /items/{itemId}: operation added",
            "none changed Item.note: description changed",
        ])
        let count = try XCTUnwrap(changes.first { $0.symbol == "Item.count" })
        XCTAssertEqual(count.old, SourceLocation(file: "old.yaml", line: 15, column: 17))
        XCTAssertEqual(count.new, SourceLocation(file: "new.yaml", line: 15, column: 17))
        XCTAssertEqual(VersionBump(changes), .major)
        XCTAssertEqual(VersionBump(changes.filter { $0.effect != .breaking }), .minor)
        XCTAssertEqual(VersionBump(changes.filter { $0.effect == .none }), .patch)
        XCTAssertEqual(VersionBump([]), .none)
    }

    func testATypeThatGoesIsOneChange() throws {
        let newText = Self.oldSchema.replacingOccurrences(of: "enums:\n  - name: color\n    members: [red, green, blue]\n", with: "")
            .replacingOccurrences(of: "      - { name: color, type: color }\n", with: "")
        let (old, new) = (try model(Self.oldSchema, file: "old.yaml"), try model(newText, file: "new.yaml"))
        XCTAssertEqual(APIDiff.compare(old: old, new: new).map(\.symbol), ["Color", "Item.color"])
        let surface = APISurface.effect(old: APISurface.lines(of: old, module: "Shop"), new: APISurface.lines(of: new, module: "Shop"))
        XCTAssertEqual(surface.breaking, 2)
        XCTAssertEqual(surface.additive, 0)
    }

    func testAModelThatLosesItsFamilyProtocolIsABreakingChange() throws {
        let family = Self.oldSchema + """
          - name: gadget
            base: item
            properties:
              - { name: volts, type: Int32 }

        """
        let (withBase, withoutBase) = (try model(family, file: "a.yaml"), try model(family.replacingOccurrences(of: "    base: item\n", with: ""), file: "b.yaml"))
        let lost = APIDiff.compare(old: withBase, new: withoutBase).filter { $0.symbol.hasPrefix("Gadget") || $0.symbol.hasPrefix("Item:") }
        XCTAssertEqual(lost.map { "\($0.symbol) \($0.effect) \($0.detail)" }, [
            "Gadget.color breaking property removed",
            "Gadget.count breaking property removed",
            "Gadget.label breaking property removed",
            "Gadget.note breaking property removed",
            "Gadget: ItemProtocol breaking conformance removed",
            "Item: ItemProtocol breaking conformance removed",
            "Gadget none base item → none",
        ])
        let gained = APIDiff.compare(old: withoutBase, new: withBase).filter { $0.symbol.hasPrefix("Gadget") }
        XCTAssertEqual(Set(gained.map(\.effect)), [.additive, .none], "inheriting adds members and a conformance")
        let surface = APISurface.effect(old: APISurface.lines(of: withBase, module: "Shop"), new: APISurface.lines(of: withoutBase, module: "Shop"))
        XCTAssertEqual(surface.breaking, 6, "both conformances to ItemProtocol, and the four properties Gadget no longer inherits")
        XCTAssertEqual(surface.breaking, APIDiff.compare(old: withBase, new: withoutBase).filter { $0.effect == .breaking }.count,
                       "generate's summary and diff judge alike")
    }

    /// A navigation property is a member of its model as well as a path: adding one adds both, removing one breaks both.
    func testNavigationIsAModelMember() throws {
        let withNavigation = Self.oldSchema.replacingOccurrences(
            of: "      - { name: note, type: String, description: Free text. }\n",
            with: "      - { name: note, type: String, description: Free text. }\n    navigation:\n      - { name: parts, target: item, operations: [list] }\n")
        let (old, new) = (try model(Self.oldSchema, file: "old.yaml"), try model(withNavigation, file: "new.yaml"))
        let added = APIDiff.compare(old: old, new: new).map { "\($0.effect.rawValue) \($0.symbol): \($0.detail)" }
        XCTAssertTrue(added.contains("additive Item.parts: navigation property added: [Item]?"), "\(added)")
        XCTAssertTrue(added.contains("additive Item → parts: navigation added"), "\(added)")
        let removed = APIDiff.compare(old: new, new: old).map { "\($0.effect.rawValue) \($0.symbol): \($0.detail)" }
        XCTAssertTrue(removed.contains("breaking Item.parts: navigation property removed"), "\(removed)")
        let surface = APISurface.lines(of: new, module: "Shop")
        XCTAssertTrue(surface.contains("property Item.parts = [Item]? Collection(item)"), "\(surface)")
        let effect = APISurface.effect(old: APISurface.lines(of: old, module: "Shop"), new: surface)
        XCTAssertEqual(effect.additive, APIDiff.compare(old: old, new: new).filter { $0.effect == .additive }.count)
    }

    func testSameInputsHaveNoChanges() throws {
        let changes = APIDiff.compare(old: try model(Self.oldSchema, file: "a.yaml"), new: try model(Self.oldSchema, file: "b.yaml"))
        XCTAssertEqual(changes, [])
        XCTAssertEqual(APIDiffReport.render(changes, format: .text), "0 breaking, 0 additive, 0 other: none version change\n")
    }

    func testReports() throws {
        let newText = Self.oldSchema.replacingOccurrences(of: "{ name: count, type: Int32 }", with: "{ name: count, type: Collection(Int32) }")
        let changes = APIDiff.compare(old: try model(Self.oldSchema, file: "old.yaml"), new: try model(newText, file: "new.yaml"))
        XCTAssertEqual(APIDiffReport.render(changes, format: .text), """
            new.yaml:15:17: breaking: Item.count: Int32? → [Int32]? [changed]
            old.yaml:15:17: note: was here
            1 breaking, 0 additive, 0 other: major version change

            """)
        XCTAssertEqual(APIDiffReport.render(changes, format: .markdown), """
            **API: 1 breaking, 0 additive, 0 other: major version change.**

            ### Breaking

            - `Item.count`: Int32? → \\[Int32\\]? (`new.yaml:15:17`, was `old.yaml:15:17`)

            """)
        let json = APIDiffReport.render(changes, format: .json)
        XCTAssertTrue(json.contains("\"bump\": \"major\""), json)
        XCTAssertTrue(json.contains("\"symbol\": \"Item.count\""), json)
    }
}
