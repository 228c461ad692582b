import ArgumentParser
import GraphGenCommandLine
import GraphGenKit

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Works with the templates generate uses.",
        subcommands: [Dump.self]
    )

    struct Dump: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Writes the built-in templates into a folder, to start an override set from (see generate --templates)."
        )

        @Argument(help: "The folder to write into; existing files of the same name are replaced.")
        var folder: String

        func run() throws {
            try runReportingDiagnostics {
                let count = try TemplatesRun.dump(into: folder)
                print("wrote \(count) templates to \(folder)")
            }
        }
    }
}
