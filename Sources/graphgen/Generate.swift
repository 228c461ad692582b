import ArgumentParser
import Foundation
import GraphGenCommandLine
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
    var accessLevel: AccessLevel?

    @Option(help: "How many modules hold the types' members, built side by side around a core module; from 4, a third as many hold the types' declarations and as many the calls' parameters (1: the library is one module; default: one per 300 models, up to 12, and one module below 600). A split needs public or package access; bundle files are one module.")
    var memberModules: Int?

    @Flag(help: "Write nothing; exit 1 with a diff when the output differs from what would be generated.")
    var check = false

    @Flag(help: "Write into an output folder that holds files GraphGen did not write, or that is a symbolic link.")
    var force = false

    @Option(help: "Write only the library sources into Swift files at these paths (repeat it; each library file goes into one by a hash of its path). The build plugin uses it.")
    var bundleFile: [String] = []

    func run() throws {
        var stale = false
        try inputs.run { config, paths in
            let sources = try inputs.inputPaths(config)
            var settings = GenerateRun.Settings(
                schema: sources.schema, pages: sources.pages, root: inputs.root(config), configFile: config.file,
                output: output ?? config.output ?? "Generated", outputSetting: output == nil ? config.locations["output"] : nil,
                templates: templates ?? config.templates, module: module ?? config.module, accessLevel: accessLevel ?? config.accessLevel)
            settings.runtime = config.runtime
            settings.check = check
            settings.force = force
            settings.bundleFiles = bundleFile
            settings.memberModules = memberModules ?? config.memberModules
            settings.driftBaseline = config.driftBaseline
            settings.driftDisabledRules = Set(config.driftDisabledRules)
            let shown = DisplayPath.of(settings.output)
            let outcome = try GenerateRun.run(settings, warnings: { printWarnings($0, paths: paths) }, pageReading: { printPageReading($0, paths: paths) }, waiting: {
                FileHandle.standardError.write(Data("waiting for another graphgen run to finish writing \(shown)…\n".utf8))
            })
            switch outcome {
            case .current:
                print("\(shown) is up to date (inputs unchanged since the last generate).")
            case .bundle(let written):
                print(bundleFile.count == 1 ? "\(DisplayPath.of(bundleFile[0])): \(written == 1 ? "written" : "unchanged")."
                                            : "\(written) of \(bundleFile.count) bundle files written, the others unchanged.")
            case .checked(let plan, let diff, let interrupted, let fileCount):
                printWarnings(plan.leftAlone, paths: paths)
                print(diff, terminator: "")
                if interrupted {
                    FileHandle.standardError.write(Data("\(shown) may be incomplete: a generate into it was interrupted. Run `graphgen generate`.\n".utf8))
                } else if plan.isEmpty {
                    print("\(shown) is up to date (\(fileCount) files).")
                } else {
                    FileHandle.standardError.write(Data("\(shown) is stale: \(plan.added.count) to add, \(plan.changed.count) to change, \(plan.removed.count) to remove. Run `graphgen generate`.\n".utf8))
                }
                stale = interrupted || !plan.isEmpty
            case .written(let plan, let api):
                printWarnings(plan.leftAlone, paths: paths)
                print("\(shown): \(plan.added.count) added, \(plan.changed.count) changed, \(plan.removed.count) removed, \(plan.unchanged.count) unchanged.")
                if let api {
                    print("API: \(api.breaking) breaking, \(api.additive) additive (graphgen diff --base REVISION for details).")
                }
            }
        }
        if stale { throw ExitCode(1) }
    }
}
