/// The documented bodies the generated tests read, each declared once (`DocumentedBody.name`) however many tests
/// read it: a page's request body is read by its example test and its request test, its response by both too.
struct DocumentedBodyTable {
    struct Entry {
        var name: String
        var text: String
        var source: String
        /// The type whose tests read it first; its declaration goes in that type's file.
        var typeName: String
    }

    private(set) var entries: [Entry] = []
    private var nameOfText: [String: String] = [:]
    private var names = NameAllocator()

    /// The Swift expression a test reads `text` through; the first reader names it after its page and line.
    mutating func reference(_ text: String, at location: SourceLocation, typeName: String) -> String {
        if let name = nameOfText[text] { return "DocumentedBody.\(name)" }
        var stem = ExampleTestPlanner.fileStem(location.file) + "_line\(location.line)"
        if stem.first?.isLetter != true { stem = "page" + stem }
        let name = names.unique(stem, separator: "_")
        nameOfText[text] = name
        entries.append(Entry(name: name, text: text, source: location.fileAndLine, typeName: typeName))
        return "DocumentedBody.\(name)"
    }

    /// One context per type, in the order the types first read a body.
    func contexts() -> [DocumentedBodiesContext] {
        var order: [String] = []
        var byType: [String: [DocumentedBodiesContext.Body]] = [:]
        for entry in entries {
            if byType[entry.typeName] == nil { order.append(entry.typeName) }
            byType[entry.typeName, default: []].append(.init(name: entry.name, source: entry.source,
                                                            literal: SwiftText.rawMultilineLiteral(entry.text, indent: 8)))
        }
        return order.map { DocumentedBodiesContext(typeName: $0, bodies: byType[$0] ?? []) }
    }
}
