import ArgumentParser
import Foundation
import GraphGenKit

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Renders the model through the templates into a Swift package (default: Generated/).",
        discussion: "Writes only files whose bytes changed and removes files it generated before that are no longer produced. Leaves .graphgen-stamp (a digest of the inputs) in the output folder, so that a run with unchanged inputs and untouched outputs stops early; keep it out of version control. With --check, writes nothing and always compares every file: exits 1 and prints a diff when the output is stale."
    )

    @OptionGroup var inputs: InputOptions

    @Option(help: "A folder of .mustache files that replace built-in templates of the same name.")
    var templates: String?

    @Option(help: "The output folder (default: the config's 'output', else Generated).")
    var output: String?

    @Option(help: "The Swift module name (default: the config's 'module', else the schema's).")
    var module: String?

    @Option(help: "Access level of generated declarations: public, package or internal.")
    var accessLevel: String?

    @Flag(help: "Write nothing; exit 1 with a diff when the output differs from what would be generated.")
    var check = false

    @Flag(help: "Write into an output folder that holds files GraphGen did not write, or that is a symbolic link.")
    var force = false

    @Option(help: "Write only the library sources, as one Swift file at this path (what the build plugin uses).")
    var bundleFile: String?

    func run() throws {
        var stale = false
        try inputs.run { config, paths in
            let folder = output ?? config.output ?? "Generated"
            let templatesFolder = templates ?? config.templates
            let resolvedModule = module ?? config.module, resolvedAccess = accessLevel ?? config.accessLevel
            var stamp: InputStamp?
            if !check && bundleFile == nil {
                let sources = try inputs.inputPaths(config)
                stamp = try InputStamp.forGenerate(configFile: config.file, schema: sources.schema, pages: sources.pages, templatesFolder: templatesFolder,
                                                   settings: [folder, resolvedModule ?? "-", resolvedAccess ?? "-"])
                if let stamp, stamp.isCurrent(in: folder) {
                    print("\(DisplayPath.of(folder)) is up to date (inputs unchanged since the last generate).")
                    return
                }
            }
            let model = try inputs.loadModel(config)
            printWarnings(model, paths: paths)
            let files = try Generator.render(model: model, templatesOverride: templatesFolder, module: resolvedModule, accessLevel: resolvedAccess)
            if let bundleFile {
                let changed = try BundleFile.write(files, to: bundleFile)
                print("\(DisplayPath.of(bundleFile)): \(changed ? "written" : "unchanged").")
                return
            }
            let outputFolder = OutputFolder(path: folder, setting: output == nil ? config.locations["output"] : nil)
            let writer = OutputWriter(folder: outputFolder, files: files)
            if check {
                let plan = writer.plan()
                if writer.wasInterrupted {
                    print(writer.diff(), terminator: "")
                    FileHandle.standardError.write(Data("\(DisplayPath.of(folder)) may be incomplete: a generate into it was interrupted. Run `graphgen generate`.\n".utf8))
                    stale = true
                } else if plan.isEmpty {
                    print("\(DisplayPath.of(folder)) is up to date (\(files.count) files).")
                } else {
                    print(writer.diff(), terminator: "")
                    FileHandle.standardError.write(Data("\(DisplayPath.of(folder)) is stale: \(plan.added.count) to add, \(plan.changed.count) to change, \(plan.removed.count) to remove. Run `graphgen generate`.\n".utf8))
                    stale = true
                }
            } else {
                let lock = try outputFolder.claim(force: force) {
                    FileHandle.standardError.write(Data("waiting for another graphgen run to finish writing \(DisplayPath.of(folder))…\n".utf8))
                }
                let plan = try writer.write()
                stamp?.write(in: folder)
                withExtendedLifetime(lock) {}
                print("\(DisplayPath.of(folder)): \(plan.added.count) added, \(plan.changed.count) changed, \(plan.removed.count) removed, \(plan.unchanged.count) unchanged.")
            }
        }
        if stale { throw ExitCode(1) }
    }
}
