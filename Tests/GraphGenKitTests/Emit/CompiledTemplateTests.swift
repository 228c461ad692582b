import XCTest
@testable import GraphGenKit

final class CompiledTemplateTests: XCTestCase {
    private func render(_ text: String, _ context: [String: Any]) -> String {
        CompiledTemplate(text, file: "t.mustache").render(context)
    }

    func testVariablesAreNotEscapedAndDottedNamesDescend() {
        XCTAssertEqual(render("a {{x}} {{{x}}} {{& x}} {{n}} {{o.p}}", ["x": "<&\"'>", "n": 7, "o": ["p": "q"]]), "a <&\"'> <&\"'> <&\"'> 7 q")
    }

    func testStandaloneSectionAndCommentLinesLeaveNoTrace() {
        let text = "top\n  {{#items}}\n  - {{.}}\n  {{/items}}\n{{! note }}\nend\n"
        XCTAssertEqual(render(text, ["items": ["a", "b"]]), "top\n  - a\n  - b\nend\n")
    }

    func testALineWithTwoTagsIsNotStandalone() {
        XCTAssertEqual(render("{{%X}}{{#f}}\nin\n{{/f}}\n", ["f": true]), "\nin\n")
    }

    func testSectionsPushDictionariesAndItemsAndKeepOuterNames() {
        let context: [String: Any] = ["outer": "O", "one": ["inner": "I"], "many": [["inner": "1"], ["inner": "2"]], "text": "T"]
        XCTAssertEqual(render("{{#one}}{{inner}}{{outer}}{{/one}}|{{#many}}{{inner}}{{/many}}|{{#text}}<{{.}}>{{/text}}", context), "IO|12|<T>")
    }

    func testFalsyValuesSkipSectionsAndRenderInvertedOnes() {
        let context: [String: Any] = ["no": false, "none": [String](), "empty": "", "yes": true]
        XCTAssertEqual(render("{{#no}}a{{/no}}{{#none}}b{{/none}}{{#empty}}c{{/empty}}{{#yes}}d{{/yes}}{{^no}}e{{/no}}{{^none}}f{{/none}}{{^yes}}g{{/yes}}{{^missing}}h{{/missing}}", context), "defh")
    }

    func testPartialsAreReportedAsUnsupportedWithTheirPlace() {
        let template = CompiledTemplate("line\n  {{> other}}\n", file: "t.mustache")
        XCTAssertEqual(template.unsupported.map { "\($0.location.line):\($0.location.column) \($0.value)" }, ["2:3 >other"])
    }
}
