import XCTest
@testable import GraphGenKit

final class CompiledTemplateTests: XCTestCase {
    private struct Item: TemplateContext {
        var inner: String

        static let templateFields: [String: TemplateField<Self>] = ["inner": .text { $0.inner }]
    }

    private struct Sample: TemplateContext {
        var text = "<&\"'>"
        var number = 7
        var one: Item? = Item(inner: "I")
        var nothing: Item?
        var many = [Item(inner: "1"), Item(inner: "2")]
        var words = ["a", "b"]
        var none: [String] = []
        var empty = ""
        var absent: String?
        var yes = true
        var no = false

        static let templateFields: [String: TemplateField<Self>] = [
            "text": .text { $0.text }, "number": .number { $0.number }, "one": .optional { $0.one }, "nothing": .optional { $0.nothing },
            "many": .list { $0.many }, "words": .texts { $0.words }, "none": .texts { $0.none }, "empty": .text { $0.empty },
            "absent": .optionalText { $0.absent }, "yes": .flag { $0.yes }, "no": .flag { $0.no },
        ]
    }

    private func render(_ text: String, _ context: Sample = Sample()) -> String {
        CompiledTemplate(text, file: "t.mustache").render([context])
    }

    private func problems(_ text: String) -> [String] {
        TemplateKeys.problems(in: CompiledTemplate(text, file: "t.mustache").nodes, contexts: [Sample.self]).map {
            "\($0.name.location.line):\($0.name.location.column) \($0.message)"
        }
    }

    func testVariablesAreNotEscapedAndDottedNamesDescend() {
        XCTAssertEqual(render("a {{text}} {{{text}}} {{& text}} {{number}} {{one.inner}}{{nothing.inner}}{{absent}}"), "a <&\"'> <&\"'> <&\"'> 7 I")
    }

    func testStandaloneSectionAndCommentLinesLeaveNoTrace() {
        let text = "top\n  {{#words}}\n  - {{.}}\n  {{/words}}\n{{! note }}\nend\n"
        XCTAssertEqual(render(text), "top\n  - a\n  - b\nend\n")
    }

    func testALineWithTwoTagsIsNotStandalone() {
        XCTAssertEqual(render("{{%X}}{{#yes}}\nin\n{{/yes}}\n"), "\nin\n")
    }

    func testSectionsPushItemsAndKeepOuterNames() {
        XCTAssertEqual(render("{{#one}}{{inner}}{{number}}{{/one}}|{{#many}}{{inner}}{{/many}}|{{#text}}<{{.}}>{{/text}}"), "I7|12|<<&\"'>>")
    }

    func testFalsyValuesSkipSectionsAndRenderInvertedOnes() {
        let text = "{{#no}}a{{/no}}{{#none}}b{{/none}}{{#empty}}c{{/empty}}{{#yes}}d{{/yes}}{{#nothing}}i{{/nothing}}{{#absent}}j{{/absent}}"
            + "{{^no}}e{{/no}}{{^none}}f{{/none}}{{^yes}}g{{/yes}}{{^nothing}}h{{/nothing}}{{^absent}}k{{/absent}}"
        XCTAssertEqual(render(text), "defhk")
    }

    func testPartialsAreReportedAsUnsupportedWithTheirPlace() {
        let template = CompiledTemplate("line\n  {{> other}}\n", file: "t.mustache")
        XCTAssertEqual(template.unsupported.map { "\($0.location.line):\($0.location.column) \($0.value)" }, ["2:3 >other"])
    }

    func testNamesAreCheckedAgainstTheContextTypesEvenInSectionsThatRenderNothing() {
        XCTAssertEqual(problems("{{text}}{{#many}}{{inner}}{{text}}{{/many}}{{#one}}{{inner}}{{/one}}{{#words}}{{.}}{{/words}}"), [])
        XCTAssertEqual(problems("{{#nothing}}\n  {{innr}}\n{{/nothing}}"), [
            "2:3 template uses 'innr', which its context does not have (it has: absent, empty, inner, many, no, none, nothing, number, one, text, words, yes)",
        ])
        XCTAssertEqual(problems("{{inner}}{{one.other}}"), [
            "1:1 template uses 'inner', which its context does not have (it has: absent, empty, many, no, none, nothing, number, one, text, words, yes)",
            "1:10 template uses 'one.other', which its context does not have",
        ])
    }

    func testListsPrintedAsTextAndDotOnAContextAreProblems() {
        XCTAssertEqual(problems("{{many}} {{#many}}{{.}}{{/many}}"), [
            "1:1 template prints 'many', which holds a list or a group of names; use it as a section ({{#many}}…{{/many}})",
            "1:19 template uses '.', which is not a text here",
        ])
    }
}
