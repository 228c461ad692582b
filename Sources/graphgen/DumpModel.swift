import ArgumentParser
import Foundation
import GraphGenCommandLine
import GraphGenKit

struct DumpModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-model",
        abstract: "Prints the intermediate model built from the schema and pages."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

    @OptionGroup var inputs: InputOptions

    @Option(help: "Output format: json or text.")
    var format: Format = .text

    func run() throws {
        try inputs.run { config, paths in
            let model = try inputs.loadModel(config)
            printPageReading(model.pageReading, paths: paths, listing: true)
            let output = format == .json ? ModelDump.json(model) : ModelDump.text(model)
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }
}
