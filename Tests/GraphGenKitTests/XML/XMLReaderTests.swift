import Foundation
import XCTest
@testable import GraphGenKit

final class XMLReaderTests: XCTestCase {
    func testElementsAreLocatedAtTheirStartTag() throws {
        let xml = "<?xml version=\"1.0\"?>\n<a>\n  <b x=\"1\"\n     y=\"2\"/>\n  <é><c/></é>\n</a>\n"
        let root = try XMLReader.parse(Data(xml.utf8), file: "f.xml")
        XCTAssertEqual(root.location, SourceLocation(file: "f.xml", line: 2, column: 1))
        XCTAssertEqual(root.children.map(\.name), ["b", "é"])
        XCTAssertEqual(root.children[0].location, SourceLocation(file: "f.xml", line: 3, column: 3))
        XCTAssertEqual(root.children[0]["y"], "2")
        XCTAssertEqual(root.children[1].children[0].location, SourceLocation(file: "f.xml", line: 5, column: 6), "columns count code points")
    }

    func testMalformedXMLIsALocatedError() {
        XCTAssertThrowsError(try XMLReader.parse(Data("<a>\n  <b>\n</a>\n".utf8), file: "f.xml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("f.xml:3:"), "\(error)")
            XCTAssertTrue("\(error)".contains("malformed XML: the end tag does not match the open element"), "\(error)")
        }
        XCTAssertThrowsError(try XMLReader.parse(Data(), file: "f.xml"))
    }

    /// libxml2 refuses a document over 10 MB given in one piece; the reader feeds it in chunks.
    func testDocumentsOverTenMegabytesAreRead() throws {
        let element = "  <b name=\"" + String(repeating: "n", count: 100) + "\"/>\n"
        let count = 12_000_000 / element.utf8.count
        let xml = "<a>\n" + String(repeating: element, count: count) + "</a>\n"
        let root = try XMLReader.parse(Data(xml.utf8), file: "f.xml")
        XCTAssertEqual(root.children.count, count)
        XCTAssertEqual(root.children.last?.location, SourceLocation(file: "f.xml", line: count + 1, column: 3))
    }

    /// The parser gives a number and no message; each error is said in words, the first one the parser met.
    func testParserErrorsAreWords() {
        let cases = ["<a x=\"1\" x=\"2\"/>": "an attribute is given twice on one element",
                     "<a>&nbsp;</a>": "an entity that is not declared",
                     "<a x=1/>": "an attribute value must be quoted",
                     "<a/><b/>": "there is content after the root element's end",
                     "<a x=\"" + String(repeating: "v", count: 10_000_001) + "\"/>": "an attribute value is not closed, or is longer than the XML parser allows"]
        for (xml, words) in cases {
            XCTAssertThrowsError(try XMLReader.parse(Data(xml.utf8), file: "f.xml")) { error in
                XCTAssertTrue("\(error)".contains("malformed XML: " + words), "\(error)")
                XCTAssertFalse("\(error)".contains("error \\("), "\(error)")
            }
        }
    }

    func testDocumentTypesAndEntitiesAreRefused() throws {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<a>&x;</a>\n"
        XCTAssertThrowsError(try XMLReader.parse(Data(xml.utf8), file: "f.xml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("f.xml:2:1: error: a document type declaration"), "\(error)")
        }
    }

    /// The platform parser dereferences a null pointer on some processing instructions (found by fuzzing).
    func testProcessingInstructionsAreRefused() throws {
        XCTAssertThrowsError(try XMLReader.parse(Data("<?xm?>\n<>\n".utf8), file: "f.xml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("f.xml:1:1: error: a processing instruction"), "\(error)")
        }
        XCTAssertThrowsError(try XMLReader.parse(Data("<a>\n  <?go now?></a>".utf8), file: "f.xml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("f.xml:2:3:"), "\(error)")
        }
        let commented = "<?xml version=\"1.0\"?>\n<a><!-- <?not one?> --><![CDATA[<?nor this?>]]></a>"
        XCTAssertNoThrow(try XMLReader.parse(Data(commented.utf8), file: "f.xml"))
    }

    /// An unclosed declaration, comment or CDATA section would hide what follows from the check above, and the
    /// platform parser reads on past it (a declaration running into `<??>` crashed it; found by fuzzing).
    func testUnclosedDeclarationsCommentsAndCDATAAreRefused() {
        let cases = [
            ("<?xml version=\"1.0\" id, key -->\n<a><??></a>", "f.xml:1:23: error: the XML declaration holds something other than its pseudo-attributes"),
            ("<?xml version=\"1.0\"?>\n<a><!-- open <??></a>", "f.xml:2:4: error: a comment is not closed with `-->`"),
            ("<a>\n<![CDATA[ open", "f.xml:2:1: error: a CDATA section is not closed with `]]>`"),
            ("<a><!-- a -- b <?x?> -->\n</a>", "f.xml:1:11: error: a comment holds `--`, which XML allows only in its closing `-->`"),
            ("<?xml version=\"1.0\"\n<a/>", "f.xml:1:1: error: the XML declaration is not closed with `?>`"),
        ]
        for (xml, expected) in cases {
            XCTAssertThrowsError(try XMLReader.parse(Data(xml.utf8), file: "f.xml"), xml) { error in
                XCTAssertTrue("\(error)".hasPrefix(expected), "\(error)")
            }
        }
        XCTAssertNoThrow(try XMLReader.parse(Data("<?xml version='1.0' encoding=\"utf-8\" standalone='yes' ?>\n<a/>".utf8), file: "f.xml"))
        XCTAssertNoThrow(try XMLReader.parse(Data("<a><!-- a - b -->\n<!---->\n</a>".utf8), file: "f.xml"))
    }

    func testDeepNestingEndsWithAnErrorNotACrash() {
        let depth = 1_000_000
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        XCTAssertThrowsError(try XMLReader.parse(Data(xml.utf8), file: "f.xml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("f.xml:1:"), "\(error)")
        }
    }

    func testOnlyUTF8ReachesTheParser() {
        var bytes = Data("<?xml version=\"1.0\"?>\n<a>\n <b\u{E9}".utf8)
        bytes.append(contentsOf: [0xC3, 0x45])
        bytes.append(contentsOf: Data("/></a>\n".utf8))
        XCTAssertThrowsError(try XMLReader.parse(bytes, file: "f.xml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("f.xml:3:5:"), "\(error)")
            XCTAssertTrue("\(error)".contains("not UTF-8"), "\(error)")
        }
        let latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a/>\n"
        XCTAssertThrowsError(try XMLReader.parse(Data(latin1.utf8), file: "f.xml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("f.xml:1:21:"), "\(error)")
        }
        XCTAssertNoThrow(try XMLReader.parse(Data("<?xml version='1.0' encoding='UTF-8'?><a/>".utf8), file: "f.xml"))
    }
}
