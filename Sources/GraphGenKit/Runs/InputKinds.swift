import Foundation

/// Every kind of outside input GraphGen parses, read from raw bytes through its reader. The fuzz harness
/// (`graphgen-fuzz`) and the regression test that replays its findings both read inputs through here.
public enum InputKind: String, CaseIterable, Sendable {
    case markdownPage = "markdown", renderedTextPage = "text", schema, config, json, csdl

    /// Reads `bytes` as this kind of input. Bad input throws `DiagnosticError`; anything else escaping
    /// (a crash, a hang) is a bug.
    public func read(_ bytes: Data) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .markdownPage:
            let document = try MarkdownPageReader.read(text, file: "input.md")
            _ = try PageAssembler.assemble(document)
        case .renderedTextPage:
            let document = try RenderedTextPageReader.read(text, file: "input.txt")
            _ = try PageAssembler.assemble(document)
        case .schema:
            _ = try SchemaDecoder.decode(text, file: "input.yaml")
        case .config:
            _ = try GraphGenConfig.decode(text, path: "/nonexistent/graphgen.yaml", displayPath: "graphgen.yaml")
        case .json:
            _ = try JSONParser.parse(text, file: "input.json", startLine: 1)
        case .csdl:
            _ = try SchemaImport.run(try CSDLDecoder.decode(bytes, file: "input.csdl"), options: SchemaImportOptions())
        }
    }
}
