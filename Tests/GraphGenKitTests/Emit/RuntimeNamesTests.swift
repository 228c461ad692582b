import Foundation
@testable import GraphGenKit
import XCTest

/// The names the generator relies on are the ones the runtime templates declare: a template renamed or a type added
/// there without RuntimeNames would let a model hide it, or a planner name a protocol that no longer exists.
final class RuntimeNamesTests: XCTestCase {
    private static let templates = TestPaths.repoRoot.appendingPathComponent("templates/swift")

    private func text(_ relative: String) throws -> String {
        try String(contentsOf: Self.templates.appendingPathComponent(relative), encoding: .utf8)
    }

    /// Top-level types a template declares that are not private, by their written names (`{{name}}` excepted).
    private func declaredTypes(_ text: String) -> Set<String> {
        let declaration = try! NSRegularExpression(pattern: #"^(?:\{\{access\}\} |public |final )*(?:struct|enum|class|protocol|actor|typealias) ([A-Z][A-Za-z0-9_]*)"#,
                                                   options: .anchorsMatchLines)
        let range = NSRange(text.startIndex..., in: text)
        return Set(declaration.matches(in: text, range: range).compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } })
    }

    func testTheRuntimeTemplatesDeclareExactlyTheRuntimeTypes() throws {
        var declared: Set<String> = []
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.templates.appendingPathComponent("runtime").path).map { "runtime/" + $0 }
            + ["tests/ExampleAssertions.swift.mustache", "tests/LoopbackServer.swift.mustache", "tests/MiddlewareTests.swift.mustache",
               "tests/RuntimeOptionTests.swift.mustache", "tests/TransportTests.swift.mustache", "model-types.swift.mustache"]
        for file in files.sorted() { declared.formUnion(declaredTypes(try text(file))) }
        XCTAssertTrue(try text("runtime/TextValues.swift.mustache").contains("{{access}} struct {{name}}:"), "text value types are rendered by name")
        declared.formUnion(SwiftTypes.textTypes.map(\.name))
        XCTAssertEqual(declared.subtracting(RuntimeNames.types).sorted(), [], "declared by a template, missing from RuntimeNames.types")
        XCTAssertEqual(Set(RuntimeNames.types).subtracting(declared).sorted(), [], "in RuntimeNames.types, declared by no template")
        XCTAssertEqual(RuntimeNames.types.count, Set(RuntimeNames.types).count, "a name listed twice")
        XCTAssertTrue(SwiftNames.reservedTypeNames.isSuperset(of: RuntimeNames.types))
    }

    func testTheOperationProtocolsAndBuildersAreDeclaredWhereThePlannerExpectsThem() throws {
        let operations = declaredTypes(try text("runtime/RequestBuilderOperations.swift.mustache"))
        XCTAssertTrue(operations.isSuperset(of: RuntimeNames.OperationProtocol.allCases.map(\.rawValue)))
        let client = declaredTypes(try text("runtime/GraphClient.swift.mustache"))
        XCTAssertTrue(client.isSuperset(of: RuntimeNames.Builder.allCases.map(\.rawValue)))
    }

    /// Members GraphModel, GraphEnum and GraphFlags give every generated type are the reserved ones, and no more.
    func testReservedMembersAreTheRuntimeProtocolsMembers() throws {
        let graphModel = try text("runtime/GraphModel.swift.mustache")
        func members(of blockHeads: [String], isStatic: Bool) -> Set<String> {
            var found: Set<String> = []
            var inBlock = false
            for line in graphModel.split(separator: "\n", omittingEmptySubsequences: false) {
                if !line.isEmpty && !line.hasPrefix(" ") && !line.hasPrefix("}") {
                    inBlock = blockHeads.contains { line.hasPrefix($0) }
                    continue
                }
                guard inBlock, line.hasPrefix("    "), !line.hasPrefix("     ") else { continue }
                let words = line.split(separator: " ").map(String.init).filter { $0 != "{{access}}" && $0 != "mutating" }
                guard words.count >= 2, (words[0] == "static") == isStatic else { continue }
                let rest = isStatic ? Array(words.dropFirst()) : words
                guard rest.count >= 2, ["var", "func"].contains(rest[0]) else { continue }
                let name = String(rest[1].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                if !name.isEmpty { found.insert(name) }  // operators (`==`) have no name a member could take
            }
            return found
        }
        let model = members(of: ["{{access}} protocol GraphModel", "extension GraphModel"], isStatic: false)
        // Codable's and Hashable's requirements are functions a property cannot be confused with.
        XCTAssertEqual(model.subtracting(["encode", "hash"]), RuntimeNames.modelMembers.subtracting(["hashValue"]))
        XCTAssertEqual(members(of: ["{{access}} protocol GraphModel", "extension GraphModel"], isStatic: true), RuntimeNames.modelStaticMembers)
        let enumeration = members(of: ["{{access}} protocol GraphEnum", "extension GraphEnum", "{{access}} protocol GraphFlags", "extension GraphFlags"], isStatic: false)
        XCTAssertEqual(enumeration.subtracting(["encode"]), RuntimeNames.enumMembers.subtracting(["rawValue", "allCases"]))
    }
}
