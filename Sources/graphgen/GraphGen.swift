import ArgumentParser
import GraphGenCommandLine
import GraphGenKit

@main
struct GraphGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graphgen",
        abstract: "Generates a typed Swift client from Graph-style API reference pages and a YAML entity schema.",
        discussion: """
        Exit codes: 0 success; 1 drift found, generated files stale (--check) or API changes at --fail-on (diff); 2 bad input.
        Settings come from flags, then graphgen.yaml (or --config), then defaults.
        """,
        version: GraphGenVersion.current,
        subcommands: [Generate.self, Drift.self, Diff.self, DumpModel.self, Schema.self, Templates.self]
    )
}
