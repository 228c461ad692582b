import ArgumentParser
import Foundation
import GraphGenCommandLine
import GraphGenKit

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Works with entity schemas.",
        subcommands: [Infer.self, Import.self]
    )

    struct Infer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Proposes a schema from pages alone, or the changes pages imply to an existing schema.",
            discussion: "Entities and properties come from body tables and examples, enums from 'Possible values are:' lists, navigation and operations from the documented paths. With --merge, prints additions and conflicts instead of a schema and exits 1 when there are conflicts; with --apply too, rewrites that schema with the additions (never on conflicts)."
        )

        @Option(name: .customLong("pages"), help: "A folder or file of API pages; repeat for more.")
        var pages: [String]

        @Option(help: "An existing schema to compare the pages with.")
        var merge: String?

        @Flag(help: "With --merge: write the additions into that schema (rewritten in GraphGen's layout; its leading comment block is kept).")
        var apply = false

        @Option(help: "Write the inferred schema here instead of standard output.")
        var output: String?

        @Option(help: "The module name to put in the schema (default: from the --output file name, e.g. intune-apps.yaml → IntuneApps; else the working folder's name; else APIClient).")
        var module: String?

        @Option(help: "The namespace (default: from the examples' @odata.type, else microsoft.graph).")
        var namespace: String?

        func validate() throws {
            if apply && merge == nil { throw ValidationError("--apply needs --merge") }
        }

        func run() throws {
            var conflicts = false
            try runReportingDiagnostics {
                let outcome = try InferRun.run(pages: pages, merge: merge, apply: apply, module: module, namespace: namespace, output: output)
                printWarnings(outcome.warnings, paths: PrintedPaths())
                if let report = outcome.mergeReport {
                    print(report, terminator: "")
                    conflicts = outcome.conflicts
                    if apply, let merge {
                        let verdict = outcome.conflicts ? "not written: resolve the conflicts first" : outcome.applied ? "written" : "unchanged"
                        FileHandle.standardError.write(Data("\(merge): \(verdict)\n".utf8))
                    }
                    return
                }
                if let yaml = outcome.yaml {
                    if let output { try TextFile.write(yaml, to: output) } else { print(yaml, terminator: "") }
                }
                FileHandle.standardError.write(Data("inferred \(outcome.summary)\n".utf8))
            }
            if conflicts { throw ExitCode(1) }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Writes a schema from OData CSDL metadata (such as Microsoft Graph's $metadata), whole or trimmed to paths.",
            discussion: "Patterns are paths from a singleton: '/deviceAppManagement/**' keeps everything below it, '*' matches one segment, '{id}' a key. Kept navigation brings its target types, and every kept type brings its base, property and enum types. What the schema format cannot hold yet (terms, annotations, calls declared twice for one binding) is counted in warnings that name the first place in the metadata."
        )

        @Option(help: "The CSDL (EDMX) metadata file.")
        var csdl: String

        @Option(help: "A path pattern to keep; repeat for more (default: everything).")
        var include: [String] = []

        @Option(help: "A path pattern to leave out, even under an included one; repeat for more.")
        var exclude: [String] = []

        @Flag(help: "Also keep the derived types of every kept type (responses may hold them).")
        var withDerived = false

        @Option(help: "Write the schema here instead of standard output.")
        var output: String?

        @Option(help: "The module name to put in the schema (default: GraphClient).")
        var module: String?

        @Option(help: "The API version segment of request URLs (default: v1.0).")
        var apiVersion: String?

        func run() throws {
            try runReportingDiagnostics {
                var options = SchemaImportOptions()
                options.include = include
                options.exclude = exclude
                options.withDerived = withDerived
                options.module = module
                options.apiVersion = apiVersion
                let outcome = try ImportRun.run(csdlPath: csdl, options: options)
                for warning in outcome.result.warnings {
                    FileHandle.standardError.write(Data((warning.description + "\n").utf8))
                }
                if let output {
                    try TextFile.write(outcome.yaml, to: output)
                } else {
                    print(outcome.yaml, terminator: "")
                }
                FileHandle.standardError.write(Data(("imported " + outcome.result.summary.joined(separator: "; ") + "\n").utf8))
            }
        }
    }
}
