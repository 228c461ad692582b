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
    public var rows: PageTableRows
    public var location: SourceLocation

    public init(header: [PageText], rows: [[PageText]], location: SourceLocation) {
        self.init(header: header, rows: PageTableRows(rows), location: location)
    }

    init(header: [PageText], rows: PageTableRows, location: SourceLocation) {
        self.header = header
        self.rows = rows
        self.location = location
    }

    /// Lowercased header names, for recognising which table this is.
    public var headerNames: [String] { header.map { $0.text.lowercased() } }
}

/// A table's body rows, in order. Rows that the Markdown reader left out of cmark's tree are read while they
/// are walked, a batch at a time, so a table of any length is never held whole.
public struct PageTableRows: Sequence, Sendable {
    enum Part: Sendable {
        case read([[PageText]])
        case elided(ElidedTableRows)
    }

    private(set) var parts: [Part]

    public init(_ rows: [[PageText]]) { parts = [.read(rows)] }

    init(parts: [Part]) { self.parts = parts }

    public func makeIterator() -> Iterator { Iterator(parts: parts) }

    /// How many rows there are, counting an elided line as a row without reading it (enough to reserve space).
    public var expectedCount: Int {
        parts.reduce(0) { count, part in
            switch part {
            case .read(let rows): count + rows.count
            case .elided(let rows): count + rows.count
            }
        }
    }

    public struct Iterator: IteratorProtocol {
        private let parts: [Part]
        private var part = 0
        /// Rows of the current part not yet returned, and how far into an elided part the batches have read.
        private var batch: [[PageText]] = []
        private var batchIndex = 0
        private var elidedOffset = 0

        init(parts: [Part]) { self.parts = parts }

        public mutating func next() -> [PageText]? {
            while true {
                if batchIndex < batch.count {
                    defer { batchIndex += 1 }
                    return batch[batchIndex]
                }
                guard part < parts.count else { return nil }
                batchIndex = 0
                switch parts[part] {
                case .read(let rows):
                    batch = rows
                    part += 1
                case .elided(let rows):
                    let count = Swift.min(ElidedTableRows.rowsPerBatch, rows.count - elidedOffset)
                    batch = count > 0 ? rows.rows(from: elidedOffset, count: count) : []
                    elidedOffset += count
                    if elidedOffset >= rows.count {
                        part += 1
                        elidedOffset = 0
                    }
                }
            }
        }
    }
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
