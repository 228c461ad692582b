/// The documented bodies of the generated package, each declared once (`DocumentedBody.name`) however often it is
/// read: a response the stub transport answers with is declared in the library, where the tests read it too; a
/// body only tests read (a request body, a response the stub does not answer with) is declared in the tests.
struct DocumentedBodyTable {
    enum Target { case library, tests }

    struct Entry {
        var name: String
        var text: String
        var source: String
        /// The type that read it first; its declaration goes in that type's file.
        var typeName: String
        var target: Target
    }

    private(set) var entries: [Entry] = []
    private var indexOfText: [String: Int] = [:]
    private var names = NameAllocator()

    /// The Swift expression that reads `text`; the first reader names it after its page and line. The library's
    /// readers come first, so the tests find the library's declarations.
    mutating func reference(_ text: String, at location: SourceLocation, typeName: String, in target: Target = .tests) -> String {
        if let index = indexOfText[text] { return "DocumentedBody.\(entries[index].name)" }
        var stem = ExampleTestPlanner.fileStem(location.file) + "_line\(location.line)"
        if stem.first?.isLetter != true { stem = "page" + stem }
        let name = names.unique(stem, separator: "_")
        indexOfText[text] = entries.count
        entries.append(Entry(name: name, text: text, source: location.fileAndLine, typeName: typeName, target: target))
        return "DocumentedBody.\(name)"
    }

    /// One context per type for the bodies declared in `target`, in the order the types first read a body.
    func contexts(in target: Target) -> [DocumentedBodiesContext] {
        var order: [String] = []
        var byType: [String: [DocumentedBodiesContext.Body]] = [:]
        for entry in entries where entry.target == target {
            if byType[entry.typeName] == nil { order.append(entry.typeName) }
            byType[entry.typeName, default: []].append(.init(name: entry.name, source: entry.source,
                                                            literal: SwiftNames.rawMultilineLiteral(entry.text, indent: 8)))
        }
        return order.map { DocumentedBodiesContext(typeName: $0, bodies: byType[$0] ?? []) }
    }
}
