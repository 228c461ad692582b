import Foundation

/// Every kind of outside input GraphGen parses, read from raw bytes through its reader. The fuzz harness
/// (`graphgen-fuzz`) and the regression test that replays its findings both read inputs through here.
public enum InputKind: String, CaseIterable, Sendable {
    case markdownPage = "markdown", renderedTextPage = "text", schema, config, json, csdl
    /// An HTTP request to the stub service: `METHOD /target` on the first line, then any `Name: value` header lines
    /// (`Authorization` and `Host` are the ones the service reads; an empty line ends them), then the body.
    case stubRequest = "stub"

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
        case .stubRequest:
            var rest = bytes[...]
            func nextLine() -> Data { let line = rest.prefix { $0 != UInt8(ascii: "\n") }; rest = rest.dropFirst(line.count + 1); return Data(line) }
            let parts = String(decoding: nextLine(), as: UTF8.self).split(separator: " ", maxSplits: 1)
            var headers = ["authorization": "Bearer t", "host": "localhost"]
            while let first = rest.first, first != UInt8(ascii: "{"), first != UInt8(ascii: "[") {
                let line = String(decoding: rest.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
                guard let colon = line.firstIndex(of: ":"), !line[..<colon].isEmpty, !line[..<colon].contains(" ") else {
                    if line.isEmpty { _ = nextLine() }
                    break
                }
                _ = nextLine()
                headers[line[..<colon].lowercased()] = String(line[line.index(after: colon)...].drop { $0 == " " })
            }
            // As started plainly, and with the token endpoint (whose tokens the API then requires) and faults on.
            var guarded = StubOptions()
            (guarded.clientID, guarded.clientSecret, guarded.failRate, guarded.failStatuses, guarded.redirectRate) = ("a", "b", 0.3, [429, 503, 504], 0.1)
            for options in [StubOptions(), guarded] {
                let stub = StubService(model: try Self.fuzzedStubModel.get(), options: options)
                // Twice, so the second request meets whatever the first one stored.
                for _ in 0..<2 {
                    _ = stub.handle(StubRequest(method: parts.first.map(String.init) ?? "", target: parts.count > 1 ? String(parts[1]) : "",
                                                headers: headers, body: Array(rest)))
                }
            }
        }
    }

    /// Built once: a fuzzer sends thousands of requests a second.
    private static let fuzzedStubModel = Result { try stubModel() }

    /// A small service for the stub's fuzzing: nested collections, references, enums, dates, GUIDs, read-only members,
    /// delta and upload sessions.
    static func stubModel() throws -> APIModel {
        let schema = """
        namespace: example.fuzz
        module: Fuzz
        apiVersion: v1.0
        root:
          - { name: things, type: thing, collection: true, operations: [list, get, create, update, delete] }
          - { name: me, type: thing, operations: [get, update] }
        enums:
          - { name: color, members: [red, green] }
        entities:
          - name: thing
            properties:
              - { name: id, type: String, readOnly: true }
              - { name: name, type: String }
              - { name: count, type: Int32 }
              - { name: color, type: color }
              - { name: seen, type: DateTimeOffset }
              - { name: key, type: Guid }
              - { name: tags, type: Collection(String) }
            navigation:
              - { name: parts, target: thing, operations: [list, get, create, update, delete] }
              - { name: links, target: thing, contained: false, operations: [list, addReference, removeReference] }
            actions:
              - { name: createUploadSession, returns: session }
              - { name: delta, kind: function, bound: collection, returns: Collection(thing) }
        complexTypes:
          - name: session
            properties:
              - { name: uploadUrl, type: String }
        """
        return ModelBuilder.build(schema: try SchemaDecoder.decode(schema, file: "fuzz-stub.yaml"), pages: [])
    }
}
