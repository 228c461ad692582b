import Foundation
import XCTest
@testable import GraphGenKit

/// Input text stays inside the comment or string literal it is written into, whatever it holds.
final class SwiftTextTests: XCTestCase {
    static let terminators = ["\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}"]

    func testEveryLineBreakStartsACommentLine() {
        for terminator in Self.terminators {
            XCTAssertEqual(SwiftText.commentLines("a\(terminator)public let injected = 1"), ["a", "public let injected = 1"], terminator.debugDescription)
            XCTAssertFalse(SwiftText.commentLine("a\(terminator)b").unicodeScalars.contains { SwiftText.isLineBreak($0) }, terminator.debugDescription)
            XCTAssertFalse(SwiftText.stringLiteralContent("a\(terminator)b").unicodeScalars.contains { SwiftText.isLineBreak($0) }, terminator.debugDescription)
        }
        XCTAssertEqual(SwiftText.commentLine("a\u{202E}b\u{0}c"), "a\\u{202E}b\\u{0}c")
        XCTAssertEqual(SwiftText.stringLiteralContent("\"\\(x)\u{2028}"), "\\\"\\\\(x)\\u{2028}")
        XCTAssertEqual(SwiftText.rawMultilineLiteral("a\rb", indent: 4), "\"a\\rb\"")
    }

    /// Random text made of line breaks, quotes, backslashes, `#`, backticks, comment marks and bidi controls goes into
    /// every text slot a schema and a page fill; the generated Swift, with comments and literals taken out, is exactly
    /// that of the clean input, so no text reached code.
    func testRandomTextNeverLeavesItsCommentOrLiteral() throws {
        let clean = try Self.render(Self.hostileInput { _ in "plain words" })
        var generator = SeededRandom(seed: 0x5EED_2026)
        let pieces = Self.terminators + ["\"", "\\", "#", "`", "\"\"\"", "\"#", "#\"", "*/", "/*", "\\(", "\u{202E}", "\u{2066}", "\u{200F}",
                                         "\u{0}", "\u{7F}", "\u{1B}", "\t", "}", "{{x}}", "é", " ", "public static let injected = 1"]
        var lastHostile: [GeneratedFile] = []
        for round in 0..<60 {
            var texts: [String] = []
            let input = Self.hostileInput { _ in
                let text = (0..<(1 + Int(generator.next() % 10))).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
                texts.append(text)
                return text
            }
            let files = try Self.render(input)
            for (file, cleanFile) in zip(files, clean) where file.path.hasSuffix(".swift") {
                XCTAssertEqual(file.path, cleanFile.path)
                let hostileCode = SwiftSkeleton.codeLines(file.contents), cleanCode = SwiftSkeleton.codeLines(cleanFile.contents)
                if hostileCode != cleanCode {
                    let first = zip(hostileCode, cleanCode).first { $0 != $1 }
                    XCTFail("round \(round), \(file.path): code differs from the clean input's: \(first.map { "\($0.0.debugDescription) vs \($0.1.debugDescription)" } ?? "line count") — texts \(texts.map(\.debugDescription))")
                    return
                }
            }
            XCTAssertEqual(files.count, clean.count)
            lastHostile = files
        }
        try Self.assertParses(lastHostile)
    }

    /// The generated files parse as Swift (the lexer agrees with `SwiftSkeleton` on where comments and literals end).
    static func assertParses(_ files: [GeneratedFile]) throws {
        let swiftc = ["/usr/bin/swiftc", "/usr/local/bin/swiftc"].first { FileManager.default.isExecutableFile(atPath: $0) }
            ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map { "\($0)/swiftc" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let swiftc else { throw XCTSkip("swiftc is not on PATH") }
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (index, file) in files.enumerated() where file.path.hasSuffix(".swift") && !file.path.hasSuffix("Package.swift") {
            let path = folder.appendingPathComponent("\(index).swift").path
            try file.contents.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: swiftc)
        process.arguments = ["-parse"] + paths
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, message)
        XCTAssertFalse(message.contains("error:"), message)
    }

    static func render(_ input: (schema: String, page: String)) throws -> [GeneratedFile] {
        let schema = try SchemaDecoder.decode(input.schema, file: "shop.yaml")
        let page = try PageReader.read(text: input.page, file: "create-product.md").page
        return try Generator.render(model: ModelBuilder.build(schema: schema, pages: [page]), templatesOverride: nil, module: nil, accessLevel: nil)
    }

    /// The shop fixture with `text(slot)` in every description, title, prose, annotation name and example string.
    static func hostileInput(_ text: (String) -> String) -> (schema: String, page: String) {
        // The schema reader refuses control characters other than line breaks and tabs, even escaped.
        func yaml(_ slot: String) -> String {
            "\"" + text(slot).unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\r" || $0 == "\t" }.map { $0.value >= 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "\\" ? String($0) : String(format: "\\U%08X", $0.value) }.joined() + "\""
        }
        func json(_ slot: String) -> String {
            "\"" + text(slot).unicodeScalars.map { $0.value >= 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "\\" ? String($0) : String(format: "\\u%04X", $0.value) }.joined() + "\""
        }
        // Raw in the page, but with no LF or CR (CommonMark line endings): lines later in the page keep their numbers, which name the example bodies.
        func raw(_ slot: String) -> String { text(slot).replacingOccurrences(of: "\u{0}", with: "").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ") }
        let schema = """
        namespace: example.shop
        module: Shop
        root:
          - name: stores
            type: store
            collection: true
            operations: [list, get]
        enums:
          - name: kind
            description: \(yaml("enum"))
            members:
              - { name: new, description: \(yaml("member")) }
              - used
        entities:
          - name: store
            description: \(yaml("entity"))
            properties:
              - { name: id, type: String }
              - { name: name, type: String, description: \(yaml("property")) }
            navigation:
              - { name: products, target: product, operations: [list, create, get] }
          - name: product
            properties:
              - { name: id, type: String }
              - { name: kind, type: kind }
              - { name: isbn, type: String }
            actions:
              - { name: discount, parameters: [{ name: percent, type: Int32, nullable: false }], returns: product, description: \(yaml("action")) }
        """
        let page = """
        ---
        title: \(yaml("title"))
        ---
        # Create product

        \(raw("prose"))

        ## HTTP request

        ```http
        POST /stores/{storeId}/products
        ```

        ## Example

        ### Request

        <!-- { "blockType": "request", "name": \(json("annotation")) } -->
        ```http
        POST https://graph.microsoft.com/v1.0/stores/s1/products
        Content-Type: application/json

        {"isbn": \(json("request value")), "kind": \(json("enum value"))}
        ```

        ### Response

        <!-- { "blockType": "response" } -->
        ```http
        HTTP/1.1 201 Created
        Content-Type: application/json

        {"id": "p1", "isbn": \(json("response value"))}
        ```
        """
        return (schema, page)
    }
}

/// Swift source with comments taken out and every string literal's contents replaced by `""`, as lines split where
/// Swift's lexer splits them (LF, CR).
enum SwiftSkeleton {
    static func codeLines(_ source: String) -> [String] {
        let scalars = Array(source.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        func at(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "/" && at(1) == "/" {
                while index < scalars.count && scalars[index] != "\n" && scalars[index] != "\r" { index += 1 }
                continue
            }
            if scalar == "/" && at(1) == "*" {
                var depth = 0
                repeat {
                    if at(0) == "/" && at(1) == "*" { depth += 1; index += 2 } else if at(0) == "*" && at(1) == "/" { depth -= 1; index += 2 } else { index += 1 }
                } while depth > 0 && index < scalars.count
                continue
            }
            var hashes = 0
            while at(hashes) == "#" { hashes += 1 }
            if at(hashes) == "\"" {
                let multiline = at(hashes + 1) == "\"" && at(hashes + 2) == "\""
                let quotes = multiline ? 3 : 1
                index += hashes + quotes
                let closing = Array(repeating: Unicode.Scalar("\""), count: quotes) + Array(repeating: Unicode.Scalar("#"), count: hashes)
                while index < scalars.count {
                    if hashes == 0 && scalars[index] == "\\" { index += 2; continue }
                    if Array(scalars[index..<min(scalars.count, index + closing.count)]) == closing { index += closing.count; break }
                    index += 1
                }
                out.append(contentsOf: "\"\"".unicodeScalars)
                continue
            }
            out.append(scalar)
            index += 1
        }
        return String(out).split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
