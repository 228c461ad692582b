import Foundation
import PackagePlugin

/// Generates a target's client at build time from the `graphgen.yaml` in the target's folder.
/// Writes one Swift file into the plugin's work folder (never into the target), and declares the config,
/// schema, pages and templates as inputs so an unchanged build does not run generation again.
@main
struct GraphGenBuildPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let folder = target.directoryURL
        let config = folder.appendingPathComponent("graphgen.yaml")
        guard FileManager.default.fileExists(atPath: config.path) else {
            Diagnostics.error("\(target.name): the GraphGen build plugin needs a graphgen.yaml in \(folder.path)")
            return []
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("GraphGenerated.swift")
        return [
            .buildCommand(
                displayName: "GraphGen: generating \(target.name) from \(config.lastPathComponent)",
                executable: try context.tool(named: "graphgen").url,
                arguments: ["generate", "--config", config.path, "--bundle-file", output.path, "--absolute-paths"],
                inputFiles: Self.inputs(under: folder),
                outputFiles: [output]
            ),
        ]
    }

    /// The config, schemas, pages and templates below the target's folder.
    static func inputs(under folder: URL) -> [URL] {
        let kinds: Set<String> = ["yaml", "yml", "md", "txt", "mustache", "json"]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var result: [URL] = []
        for case let url as URL in enumerator where kinds.contains(url.pathExtension.lowercased()) {
            result.append(url)
        }
        return result.sorted { $0.path < $1.path }
    }
}
