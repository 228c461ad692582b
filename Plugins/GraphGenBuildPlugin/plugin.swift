import Foundation
import PackagePlugin

/// Generates a target's client at build time from the `graphgen.yaml` in the target's folder.
/// Writes the client as a few Swift files into the plugin's work folder (never into the target), and declares as inputs the config and
/// every file it names (schema, pages, templates, wherever they are) plus the files below the target's folder, so a
/// build reruns generation exactly when one of them changes.
@main
struct GraphGenBuildPlugin: BuildToolPlugin {
    /// As many as the cores a build machine commonly has: debug builds give each compile job a share of the files.
    static let bundleCount = 8

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let folder = target.directoryURL
        let config = folder.appendingPathComponent("graphgen.yaml")
        guard FileManager.default.fileExists(atPath: config.path) else {
            Diagnostics.error("\(target.name): the GraphGen build plugin needs a graphgen.yaml in \(folder.path)")
            return []
        }
        // Several files, so the compiler spreads the client over its jobs; a change rewrites only the files it touches.
        let outputs = (0..<Self.bundleCount).map { context.pluginWorkDirectoryURL.appendingPathComponent("GraphGenerated\($0).swift") }
        let named = Self.configuredPaths((try? String(contentsOf: config, encoding: .utf8)) ?? "")
            .map { URL(fileURLWithPath: $0, relativeTo: folder).standardizedFileURL }
        var inputs = Set(Self.files(under: folder))
        for url in named { inputs.formUnion(Self.files(under: url)) }
        return [
            .buildCommand(
                displayName: "GraphGen: generating \(target.name) from \(config.lastPathComponent)",
                executable: try context.tool(named: "graphgen").url,
                arguments: ["generate", "--config", config.path, "--absolute-paths"] + outputs.flatMap { ["--bundle-file", $0.path] },
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: outputs
            ),
        ]
    }

    /// The config's `schema`, `pages` and `templates` paths, as written (a scalar, a block list or a flow list).
    /// Plugins cannot use GraphGen's YAML reader; this reads only those keys, and graphgen itself reports a bad config.
    static func configuredPaths(_ text: String) -> [String] {
        let keys: Set<String> = ["schema", "pages", "templates"]
        var paths: [String] = []
        var listKey: String?
        func unquoted(_ value: Substring) -> String {
            var text = value.trimmingCharacters(in: .whitespaces)
            if let comment = text.range(of: " #") { text = String(text[..<comment.lowerBound]).trimmingCharacters(in: .whitespaces) }
            if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first { text = String(text.dropFirst().dropLast()) }
            return text
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = line.first, first != " " && first != "-" && first != "#" {
                listKey = nil
                guard let colon = line.firstIndex(of: ":") else { continue }
                let key = line[..<colon].trimmingCharacters(in: .whitespaces)
                guard keys.contains(key) else { continue }
                let value = unquoted(line[line.index(after: colon)...])
                if value.isEmpty {
                    listKey = key
                } else if value.hasPrefix("[") && value.hasSuffix("]") {
                    paths += value.dropFirst().dropLast().split(separator: ",").map(unquoted).filter { !$0.isEmpty }
                } else {
                    paths.append(value)
                }
            } else if listKey != nil, let dash = line.firstIndex(of: "-"), line[..<dash].allSatisfy({ $0 == " " }) {
                let item = unquoted(line[line.index(after: dash)...])
                if !item.isEmpty { paths.append(item) }
            }
        }
        return paths
    }

    /// A file, or the config, schema, page and template files below a folder.
    static func files(under url: URL) -> [URL] {
        let kinds: Set<String> = ["yaml", "yml", "md", "txt", "mustache", "json"]
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [url] }
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { return [] }
        var result: [URL] = []
        for case let file as URL in enumerator where kinds.contains(file.pathExtension.lowercased()) {
            result.append(file.standardizedFileURL)
        }
        return result
    }
}
