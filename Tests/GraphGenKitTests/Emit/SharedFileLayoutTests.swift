import XCTest
@testable import GraphGenKit

/// Declarations share a file per kind and initial letter; a large letter is cut into parts of bounded size at names
/// chosen by their own hash, so types stay where they are as others come and go.
final class SharedFileLayoutTests: XCTestCase {
    private func files(_ names: [String]) -> [String: [String]] {
        let layout = SharedFileLayout(typeNames: names)
        return Dictionary(grouping: names) { layout.path(folder: "Models", kind: "Models", typeName: $0) }.mapValues { $0.sorted() }
    }

    func testASmallLetterIsOneFile() {
        XCTAssertEqual(files(["Mango", "melon", "Pear", "9lives", "_hidden"]), [
            "Models/Models+M.swift": ["Mango", "melon"], "Models/Models+P.swift": ["Pear"], "Models/Models+_.swift": ["9lives", "_hidden"],
        ])
    }

    func testALargeLetterIsCutIntoPartsOfBoundedSize() {
        let names = (0..<2_000).map { "Device\($0)" } + ["Pear"]
        let grouped = files(names)
        XCTAssertEqual(grouped["Models/Models+P.swift"], ["Pear"])
        let parts = grouped.filter { $0.key.hasPrefix("Models/Models+D") }
        XCTAssertEqual(parts.values.map(\.count).reduce(0, +), 2_000)
        XCTAssertGreaterThan(parts.count, 2_000 / SharedFileLayout.maximumPart)
        XCTAssertTrue(parts.values.allSatisfy { $0.count <= SharedFileLayout.maximumPart }, "\(parts.mapValues(\.count))")
        XCTAssertNotNil(parts["Models/Models+D.swift"])
        XCTAssertNotNil(parts["Models/Models+D2.swift"])
    }

    func testAnotherTypeMovesFewOthers() {
        let names = (0..<2_000).map { "Device\($0)" }
        let before = SharedFileLayout(typeNames: names), after = SharedFileLayout(typeNames: names + ["Device1000a"])
        let moved = names.filter { before.path(folder: "M", kind: "M", typeName: $0) != after.path(folder: "M", kind: "M", typeName: $0) }
        // A new name can only renumber the parts after it (when it makes a cut); nothing before it moves.
        XCTAssertTrue(moved.allSatisfy { Array($0.utf8).lexicographicallyPrecedes(Array("Device1000a".utf8)) == false }, "\(moved.prefix(5))")
        XCTAssertLessThan(moved.count, names.count / 2)
        let other = SharedFileLayout(typeNames: names + ["Pear"])
        XCTAssertEqual(names.filter { before.path(folder: "M", kind: "M", typeName: $0) != other.path(folder: "M", kind: "M", typeName: $0) }, [])
    }

    func testFileNamesDoNotDifferByCaseAlone() {
        let layout = SharedFileLayout(typeNames: ["dx", "DX"])
        XCTAssertEqual(Set(["dx", "DX"].map { layout.path(folder: "M", kind: "M", typeName: $0) }), ["M/M+D.swift"])
    }

    func testATestClassStemKeepsItsPartApartFromItsNumber() {
        let names = (0..<2_000).map { "Device\($0)" }
        let layout = SharedFileLayout(typeNames: names)
        XCTAssertEqual(layout.testCase(kind: "ExampleTests", typeName: "Pear"), "ExampleTestsP")
        let stems = Set(names.map { layout.testCase(kind: "ExampleTests", typeName: $0) })
        XCTAssertTrue(stems.contains("ExampleTestsD"))
        XCTAssertTrue(stems.contains("ExampleTestsD2_"))
    }
}
