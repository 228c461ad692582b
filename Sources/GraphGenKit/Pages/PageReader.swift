import Foundation

/// Reads one page file in whichever form it is, Markdown or rendered text.
public enum PageReader {
    public static func read(path: String, displayPath: String) throws -> (page: APIPage, diagnostics: [Diagnostic]) {
        let text = try InputFile.readText(path, displayPath: displayPath)
        return try read(text: text, file: displayPath)
    }

    public static func read(text: String, file: String) throws -> (page: APIPage, diagnostics: [Diagnostic]) {
        let document = isMarkdown(text, file: file)
            ? try MarkdownPageReader.read(text, file: file)
            : try RenderedTextPageReader.read(text, file: file)
        return try PageAssembler.assemble(document)
    }

    /// `.md` files are Markdown; other files are Markdown when they carry front matter or `#` headings.
    static func isMarkdown(_ text: String, file: String) -> Bool {
        if file.hasSuffix(".md") || file.hasSuffix(".markdown") { return true }
        if text.hasPrefix("---\n") || text.hasPrefix("---\r\n") { return true }
        return text.split(separator: "\n").contains { $0.hasPrefix("# ") || $0.hasPrefix("## ") }
    }
}
