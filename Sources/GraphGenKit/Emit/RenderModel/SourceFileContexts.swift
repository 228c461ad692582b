/// The top of a file that holds several declarations (`file.swift`): its imports.
struct FileTopContext: TemplateContext {
    var imports: [String]
    /// Whether the file imports the module under test with `@testable`.
    var testable: Bool
    /// The test case classes the file declares, which its declarations extend, and what they hold.
    var testCases: [String] = []
    var testCasesDoc: String?

    static let sources = FileTopContext(imports: ["Foundation"], testable: false)
    static let tests = FileTopContext(imports: ["Foundation", "XCTest"], testable: true)

    static func tests(declaring testCases: [String], _ doc: String) -> FileTopContext {
        FileTopContext(imports: tests.imports, testable: true, testCases: testCases, testCasesDoc: doc)
    }

    static let templateFields: [String: TemplateField<Self>] = [
        "imports": .texts { $0.imports },
        "testable": .flag { $0.testable },
        "testCases": .texts { $0.testCases },
        "testCasesDoc": .optionalText { $0.testCasesDoc.map(SwiftText.commentLine) },
    ]
}

/// A runtime file (`runtime/…`): the wire-text types the runtime declares.
struct RuntimeContext: TemplateContext {
    struct TextType: TemplateContext {
        var name: String
        var doc: String

        static let templateFields: [String: TemplateField<Self>] = [
            "name": .text { $0.name },
            "doc": .text { $0.doc },
        ]
    }

    var textTypes: [TextType]

    static let templateFields: [String: TemplateField<Self>] = [
        "textTypes": .list { $0.textTypes },
    ]
}
