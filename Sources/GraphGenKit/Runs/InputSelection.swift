import Foundation

/// Which config, schema and pages a command reads: flags first, then graphgen.yaml (or the config named), then
/// defaults. Shared by every executable that reads the inputs, so they agree on it.
public enum InputSelection {
    /// The config file named, or graphgen.yaml in the working folder when it exists, else an empty config.
    public static func loadConfig(_ path: String?) throws -> GraphGenConfig {
        if let path {
            return try GraphGenConfig.load(path: path, displayPath: DisplayPath.of(path))
        }
        if FileManager.default.fileExists(atPath: "graphgen.yaml") {
            return try GraphGenConfig.load(path: "graphgen.yaml", displayPath: "graphgen.yaml")
        }
        return GraphGenConfig()
    }

    /// The folder that locations are relative to: the config's folder, else the working folder.
    public static func root(_ config: GraphGenConfig) -> String {
        config.file.map { URL(fileURLWithPath: $0).deletingLastPathComponent().standardizedFileURL.path } ?? FileManager.default.currentDirectoryPath
    }

    /// The schema and the page files or folders: flags first, then the config.
    public static func paths(_ config: GraphGenConfig, schema: String?, pages: [String]) throws -> (schema: String, pages: [String]) {
        guard let schemaPath = schema ?? config.schema else {
            throw DiagnosticError(.error("no schema: pass --schema or set 'schema' in graphgen.yaml", at: nil, rule: "usage"))
        }
        return (schemaPath, pages.isEmpty ? config.pages : pages)
    }
}
