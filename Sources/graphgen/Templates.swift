import ArgumentParser
import Foundation
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
                let library = try TemplateLibrary()
                let files = library.sources().map { GeneratedFile(path: "\($0.name).mustache", contents: $0.text) }
                for file in files {
                    let url = URL(fileURLWithPath: folder).appendingPathComponent(file.path)
                    do {
                        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                        try Data(file.contents.utf8).write(to: url)
                    } catch {
                        throw DiagnosticError(.error("cannot write template: \(error.localizedDescription)", at: SourceLocation(file: DisplayPath.of(url.path), line: 1), rule: "output-unwritable"))
                    }
                }
                print("wrote \(files.count) templates to \(folder)")
            }
        }
    }
}
