/// How many pages a run read, and the pages and blocks it left out by reason: one odd page among thousands is a
/// located warning, never the end of the run.
public struct PageReadingSummary: Sendable, Equatable {
    public var pagesRead = 0
    /// One warning per page left out, under the rule id of the reason.
    public var pagesLeftOut: [Diagnostic] = []
    /// Example and other blocks left out of pages that were read.
    public var blocksLeftOut: [Diagnostic] = []

    public init(pagesRead: Int = 0, pagesLeftOut: [Diagnostic] = [], blocksLeftOut: [Diagnostic] = []) {
        self.pagesRead = pagesRead
        self.pagesLeftOut = pagesLeftOut
        self.blocksLeftOut = blocksLeftOut
    }

    /// "2,398 pages read, 62 left out (page-sections 62); 71 blocks left out (example-json 68, example-syntax 3)".
    public var text: String {
        func byRule(_ items: [Diagnostic]) -> String {
            Dictionary(grouping: items, by: \.ruleID).map { ($0.key, $0.value.count) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
                .map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        }
        var text = "\(pagesRead) page\(pagesRead == 1 ? "" : "s") read"
        if !pagesLeftOut.isEmpty { text += ", \(pagesLeftOut.count) left out (\(byRule(pagesLeftOut)))" }
        if !blocksLeftOut.isEmpty { text += "; \(blocksLeftOut.count) block\(blocksLeftOut.count == 1 ? "" : "s") left out (\(byRule(blocksLeftOut)))" }
        return text
    }

    public var leftOutAnything: Bool { !pagesLeftOut.isEmpty || !blocksLeftOut.isEmpty }
}
