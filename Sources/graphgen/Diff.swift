import ArgumentParser
import Foundation
import GraphGenCommandLine
import GraphGenKit

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reports what changed for users of the generated package between older inputs and the current ones.",
        discussion: """
        Compares models, not text: types, properties, enum cases, navigation and operations, each change judged \
        breaking, additive or none, with the Swift symbol it touches and its place on both sides. \
        Exit codes: 0 nothing at or above --fail-on; 1 changes at or above it; 2 bad input.
        """
    )

    enum FailOn: String, ExpressibleByArgument, CaseIterable { case breaking, additive, never }

    @OptionGroup var inputs: InputOptions

    @Option(help: "Compare with the inputs as they were at this git revision, as the config then named them (read with git; the work tree is not touched).")
    var base: String?

    @Option(help: "Compare with this older schema instead of a revision.")
    var oldSchema: String?

    @Option(help: "Pages of the older inputs (with --old-schema); repeat for more. Default: the current pages.")
    var oldPages: [String] = []

    @Option(help: "Output format: text, json or markdown.")
    var format: APIDiffReport.Format = .text

    @Option(help: "Lowest effect that makes the exit code 1: breaking, additive or never.")
    var failOn: FailOn = .breaking

    func run() throws {
        var failed = false
        try inputs.run { config, paths in
            let current = try inputs.inputPaths(config)
            let new = try inputs.loadModel(config)
            let old: APIModel
            switch (base, oldSchema) {
            case (let revision?, nil):
                // Flags name the inputs on both sides; otherwise the config as it was at the revision does.
                let overridden = inputs.schema != nil || !inputs.pages.isEmpty
                old = try DiffRun.model(at: revision, config: overridden ? nil : config.file, inputs: DiffRun.Inputs(schema: current.schema, pages: current.pages),
                                        root: inputs.root(config))
            case (nil, let schema?):
                old = try ModelLoader.load(schemaPath: schema, pagePaths: oldPages.isEmpty ? current.pages : oldPages, root: inputs.root(config))
            default:
                throw DiagnosticError(.error("pass either --base REVISION or --old-schema FILE", at: nil, rule: "usage"))
            }
            let changes = APIDiff.compare(old: old, new: new).map { change in
                var shown = change
                shown.new = change.new.map(paths.shown)
                if base == nil { shown.old = change.old.map(paths.shown) }
                return shown
            }
            FileHandle.standardOutput.write(Data(APIDiffReport.render(changes, format: format).utf8))
            let worst = changes.map(\.effect).max()
            switch failOn {
            case .breaking: failed = worst == .breaking
            case .additive: failed = worst.map { $0 >= .additive } ?? false
            case .never: failed = false
            }
        }
        if failed { throw ExitCode(1) }
    }
}

extension APIDiffReport.Format: ExpressibleByArgument {}
