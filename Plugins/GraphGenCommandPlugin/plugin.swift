import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory graphgen-generate [--check]`: regenerates the checked-in
/// output (such as Generated/) from the package's graphgen.yaml, exactly as `graphgen generate` does.
@main
struct GraphGenCommandPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let root = context.package.directoryURL
        let process = Process()
        process.executableURL = try context.tool(named: "graphgen").url
        process.arguments = ["generate", "--config", root.appendingPathComponent("graphgen.yaml").path] + arguments
        process.currentDirectoryURL = root
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("graphgen generate exited \(process.terminationStatus)")
            throw CommandError.failed(process.terminationStatus)
        }
    }

    enum CommandError: Error {
        case failed(Int32)
    }
}
