/// A page split into titled sections of paragraphs, tables and code blocks.
/// Both page readers (Markdown and rendered text) produce this; `PageAssembler` reads meaning out of it.
public struct PageDocument: Sendable {
    public enum Format: String, Sendable { case markdown, renderedText = "text" }

    public var file: String
    public var format: Format
    public var frontMatter: [FrontMatterEntry]
    public var title: Located<String>?
    /// Text before the first section heading is kept in a section with an empty heading.
    public var sections: [PageSection]
    /// What the reader could not use, such as a malformed annotation; errors are thrown instead.
    public var warnings: [Diagnostic] = []
}

public struct FrontMatterEntry: Sendable, Hashable {
    public var key: String
    public var value: String
    public var location: SourceLocation
}

public struct PageSection: Sendable {
    public var heading: Located<String>
    public var level: Int
    public var blocks: [PageBlock]
}

public enum PageBlock: Sendable {
    case paragraph(PageText)
    case table(PageTable)
    case code(PageCode)
}

/// Inline text flattened to plain words, with the code spans and links it held.
public struct PageText: Sendable, Hashable {
    public var text: String
    public var codeSpans: [String]
    public var links: [PageLink]
    public var location: SourceLocation

    public init(text: String, codeSpans: [String] = [], links: [PageLink] = [], location: SourceLocation) {
        self.text = text
        self.codeSpans = codeSpans
        self.links = links
        self.location = location
    }
}

public struct PageLink: Sendable, Hashable {
    public var text: String
    public var target: String
}

public struct PageTable: Sendable {
    public var header: [PageText]
    public var rows: [[PageText]]
    public var location: SourceLocation

    /// Lowercased header names, for recognising which table this is.
    public var headerNames: [String] { header.map { $0.text.lowercased() } }
}

public struct PageCode: Sendable {
    public var info: String
    public var text: String
    /// Where the first line of `text` is.
    public var location: SourceLocation
    /// The `<!-- { … } -->` annotation right before the block, if any.
    public var annotation: Annotation?
}

/// The JSON in a `<!-- { "blockType": … } -->` comment.
public struct Annotation: Sendable, Hashable {
    public var json: JSONNode
    public var location: SourceLocation

    public var blockType: String? { json["blockType"]?.string }
    public var name: String? { json["name"]?.string }
    public var odataType: String? { json["@odata.type"]?.string }
    public var isTruncated: Bool { json["truncated"]?.value == .bool(true) }
    /// Rule ids listed under `suppressions`, either as plain ids or "rule-id: reason".
    public var suppressions: [String] {
        guard case .array(let items)? = json["suppressions"]?.value else { return [] }
        return items.compactMap { $0.string?.split(separator: ":").first.map { String($0).trimmed } }
    }
}
