/// Lines of a DocC comment, from descriptions and source references.
enum DocLines {
    static func make(_ description: String?, extra: [String] = []) -> [String] {
        var lines: [String] = []
        if let description, !description.trimmed.isEmpty {
            lines += SwiftText.commentLines(description)
        }
        if !extra.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines += extra.flatMap(SwiftText.commentLines)
        }
        return lines
    }
}
