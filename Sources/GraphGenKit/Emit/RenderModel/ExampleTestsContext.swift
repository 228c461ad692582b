/// One type's example tests (`tests/ExampleTests.swift`): each documented body decoded, encoded back, and checked.
struct ExampleTestsContext: TestCaseGroup {
    struct Test: TemplateContext {
        var functionName: String
        var title: String
        var source: String
        /// The expression the test reads the body through (`DocumentedBody.name`).
        var body: String
        var swiftType: String
        var assertions: [Assertion]
        /// Where else the same body is shown as the same type (file:line); this test checks those too.
        var alsoDocumented: [String] = []

        static let templateFields: [String: TemplateField<Self>] = [
            "functionName": .text { $0.functionName },
            "title": .text { SwiftText.commentLine($0.title) },
            "source": .text { SwiftText.commentLine($0.source) },
            "body": .text { $0.body },
            "swiftType": .text { $0.swiftType },
            "assertions": .list { $0.assertions },
            "alsoDocumented": .texts { $0.alsoDocumented.map(SwiftText.commentLine) },
        ]
    }

    /// One thing a test checks; the template spells each kind. Texts that go inside string literals are escaped.
    enum Assertion: TemplateContext {
        /// Nothing to check beyond the round trip.
        case touchesValue
        /// `accessor` keeps the member `key` (a member no property reads).
        case keepsMember(KeepsMember)
        /// The property reads nothing (the value has another JSON type), and the member is kept.
        case readsNothing(ReadsNothing)
        case odataTypeIs(ODataTypeIs)
        /// An enum property keeps text its schema does not list.
        case enumKeepsText(EnumKeepsText)
        /// A date-time property keeps its text, and its `date` parses or not.
        case dateTimeKept(DateTimeKept)
        case flagsMembers(FlagsMembers)
        /// `accessor` read as a derived type gives `properties`, and refuses `refused`.
        case derived(Derived)
        /// An expanded navigation property reads as its typed member: `count` items, or one value.
        case expanded(Expanded)

        struct KeepsMember: TemplateContext {
            var accessor: String
            var key: String

            static let templateFields: [String: TemplateField<Self>] = ["accessor": .text { $0.accessor }, "key": .text { $0.key }]
        }

        struct ReadsNothing: TemplateContext {
            var property: String
            var key: String

            static let templateFields: [String: TemplateField<Self>] = ["property": .text { $0.property }, "key": .text { $0.key }]
        }

        struct ODataTypeIs: TemplateContext {
            var text: String

            static let templateFields: [String: TemplateField<Self>] = ["text": .text { $0.text }]
        }

        struct EnumKeepsText: TemplateContext {
            var property: String
            var text: String
            var enumType: String

            static let templateFields: [String: TemplateField<Self>] = [
                "property": .text { $0.property }, "text": .text { $0.text }, "enumType": .text { $0.enumType },
            ]
        }

        struct DateTimeKept: TemplateContext {
            var property: String
            var text: String
            var parses: Bool

            static let templateFields: [String: TemplateField<Self>] = [
                "property": .text { $0.property }, "text": .text { $0.text }, "parses": .flag { $0.parses },
            ]
        }

        struct FlagsMembers: TemplateContext {
            struct Member: TemplateContext {
                var name: String
                var isLast: Bool

                static let templateFields: [String: TemplateField<Self>] = ["name": .text { $0.name }, "isLast": .flag { $0.isLast }]
            }

            var property: String
            var members: [Member]

            static let templateFields: [String: TemplateField<Self>] = ["property": .text { $0.property }, "members": .list { $0.members }]
        }

        struct Derived: TemplateContext {
            var accessor: String
            var label: String
            var typeName: String
            var properties: [String]
            var refused: String?

            static let templateFields: [String: TemplateField<Self>] = [
                "accessor": .text { $0.accessor }, "label": .text { $0.label }, "typeName": .text { $0.typeName },
                "properties": .texts { $0.properties }, "refused": .optionalText { $0.refused },
            ]
        }

        struct Expanded: TemplateContext {
            var property: String
            var count: Int?

            static let templateFields: [String: TemplateField<Self>] = [
                "property": .text { $0.property }, "count": .optionalText { $0.count.map(String.init) },
            ]
        }

        static let templateFields: [String: TemplateField<Self>] = [
            "touchesValue": .flag { if case .touchesValue = $0 { true } else { false } },
            "keepsMember": .optional { $0.keepsMember },
            "readsNothing": .optional { $0.readsNothing },
            "odataTypeIs": .optional { $0.odataTypeIs },
            "enumKeepsText": .optional { $0.enumKeepsText },
            "dateTimeKept": .optional { $0.dateTimeKept },
            "flagsMembers": .optional { $0.flagsMembers },
            "derived": .optional { $0.derived },
            "expanded": .optional { $0.expanded },
        ]

        // Each case's value, read by the template as a section of that name.
        private var keepsMember: KeepsMember? { if case .keepsMember(let value) = self { value } else { nil } }
        private var readsNothing: ReadsNothing? { if case .readsNothing(let value) = self { value } else { nil } }
        private var odataTypeIs: ODataTypeIs? { if case .odataTypeIs(let value) = self { value } else { nil } }
        private var enumKeepsText: EnumKeepsText? { if case .enumKeepsText(let value) = self { value } else { nil } }
        private var dateTimeKept: DateTimeKept? { if case .dateTimeKept(let value) = self { value } else { nil } }
        private var flagsMembers: FlagsMembers? { if case .flagsMembers(let value) = self { value } else { nil } }
        private var derived: Derived? { if case .derived(let value) = self { value } else { nil } }
        private var expanded: Expanded? { if case .expanded(let value) = self { value } else { nil } }
    }

    var typeName: String
    /// The test case class these tests extend, one its shared file declares (set by `TestCaseLayout`).
    var className: String
    var tests: [Test]

    static let templateFields: [String: TemplateField<Self>] = [
        "typeName": .text { $0.typeName },
        "className": .text { $0.className },
        "tests": .list { $0.tests },
    ]
}
