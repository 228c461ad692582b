import XCTest
@testable import GraphGenKit

final class YAMLReaderTests: XCTestCase {
    func error(_ yaml: String) -> String {
        do {
            _ = try YAMLReader.parse(yaml, file: "x.yaml")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testDuplicateKeyIsALocatedErrorAtItsSecondUse() {
        XCTAssertEqual(error("a: 1\nb:\n  c: 2\n  c: 3\n"), "x.yaml:4:3: error: YAML: duplicate key 'c' [yaml-duplicate-key]")
        // The same key in two mappings is not a duplicate.
        XCTAssertEqual(error("a:\n  c: 1\nb:\n  c: 2\n"), "no error")
    }

    func testCollectionsKeepTheirOrderAndLocations() throws {
        let count = 20_000
        let yaml = "items:\n" + (0..<count).map { "  k\($0): [\($0), x]\n" }.joined() + "alias: &a {p: 1}\nagain: *a\n"
        let root = try XCTUnwrap(YAMLReader.parse(yaml, file: "x.yaml"))
        let top = try XCTUnwrap(root.mapping)
        XCTAssertEqual(top.map { $0.key.scalar }, ["items", "alias", "again"])
        let items = try XCTUnwrap(top[0].value.mapping)
        XCTAssertEqual(items.count, count)
        XCTAssertEqual(items.map { $0.key.scalar }, (0..<count).map { "k\($0)" })
        XCTAssertEqual(items[count - 1].value.sequence?.map(\.scalar), ["\(count - 1)", "x"])
        XCTAssertEqual(items[count - 1].key.location, SourceLocation(file: "x.yaml", line: count + 1, column: 3))
        XCTAssertEqual(top[2].value.mapping?.first?.value.scalar, "1")
    }

    func testDeepNestingIsALocatedErrorAtAnyDepth() {
        for shape in [("[", "]"), ("{a: ", "}")] {
            let depth = 1_000_000
            let yaml = String(repeating: shape.0, count: depth) + String(repeating: shape.1, count: depth) + "\n"
            XCTAssertTrue(error(yaml).hasPrefix("x.yaml:1:"), error(yaml))
            XCTAssertTrue(error(yaml).hasSuffix("error: YAML: nesting is deeper than 256 levels [yaml-syntax]"), error(yaml))
        }
        let blocks = (0..<300).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " end\n"
        XCTAssertTrue(error(blocks).contains("nesting is deeper than 256 levels"), error(blocks))
        let allowed = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        XCTAssertEqual(error(allowed), "no error")
    }

    func testASecondDocumentIsAnError() {
        XCTAssertEqual(error("a: 1\n---\nb: 2\n"), "x.yaml:2:1: error: YAML: a second document starts here; this file must hold one document [yaml-syntax]")
        XCTAssertEqual(error("---\na: 1\n...\n"), "no error")
        XCTAssertEqual(error("# only a comment\n"), "no error")
    }

    /// Bytes libyaml refuses are reported where they are, not at 1:1.
    func testBadBytesAreLocatedWhereTheyAre() {
        XCTAssertThrowsError(try YAMLReader.parse("a: 1\nbé: x\u{1}y\n", file: "s.yaml")) { error in
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics.first?.location, SourceLocation(file: "s.yaml", line: 2, column: 6))
        }
        XCTAssertThrowsError(try YAMLReader.parse("a: 1\n\nb: \u{0}\n", file: "f.md", lineOffset: 1)) { error in
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics.first?.location, SourceLocation(file: "f.md", line: 4, column: 4))
        }
    }

    func testInputFilesNameTheirFirstBadByteAndRefuseDevices() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("latin1.yaml").path
        try Data(Array("a: 1\nname: caf".utf8) + [0xE9, 0x0A]).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try InputFile.readText(path, displayPath: "latin1.yaml")) { error in
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics.first?.description, "latin1.yaml:2:10: error: file is not valid UTF-8 (byte 0xE9 here) [input-encoding]")
        }
        XCTAssertThrowsError(try InputFile.readData("/dev/zero", displayPath: "zero")) { error in
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics.first?.ruleID, "input-unreadable")
        }
    }
}
