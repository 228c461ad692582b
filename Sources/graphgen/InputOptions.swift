import ArgumentParser
import Foundation
import GraphGenKit

/// Options every command that reads the inputs shares.
struct InputOptions: ParsableArguments {
    @Option(help: "The config file (default: graphgen.yaml in the working folder, if present).")
    var config: String?

    @Option(help: "The YAML entity schema (overrides the config's 'schema').")
    var schema: String?

    @Option(name: .customLong("pages"), help: "A folder or file of API pages; repeat for more (overrides the config's 'pages').")
    var pages: [String] = []

    /// The config file named, or graphgen.yaml when it exists.
    func loadConfig() throws -> GraphGenConfig {
        if let config {
            return try GraphGenConfig.load(path: config, displayPath: DisplayPath.of(config))
        }
        if FileManager.default.fileExists(atPath: "graphgen.yaml") {
            return try GraphGenConfig.load(path: "graphgen.yaml", displayPath: "graphgen.yaml")
        }
        return GraphGenConfig()
    }

    func loadModel(_ config: GraphGenConfig) throws -> APIModel {
        guard let schemaPath = schema ?? config.schema else {
            throw DiagnosticError(.error("no schema: pass --schema or set 'schema' in graphgen.yaml", at: nil, rule: "usage"))
        }
        let pagePaths = pages.isEmpty ? config.pages : pages
        // Locations are relative to the config's folder, so output is the same from any working folder.
        let root = config.file.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
        return try ModelLoader.load(schemaPath: schemaPath, pagePaths: pagePaths, root: root)
    }
}

/// Runs a command body, printing diagnostics and mapping bad input to exit code 2.
func runReportingDiagnostics(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as DiagnosticError {
        for diagnostic in error.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        throw ExitCode(2)
    }
}
