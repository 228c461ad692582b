import ArgumentParser
import Foundation
import GraphGenCommandLine
import GraphGenKit

struct DumpModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-model",
        abstract: "Prints the intermediate model built from the schema and pages."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text, urls }

    @OptionGroup var inputs: InputOptions

    @Option(help: "Output format: json, text, or urls (every URL the generated client can send to, one per line, keys as {}).")
    var format: Format = .text

    func run() throws {
        try inputs.run { config, paths in
            let model = try inputs.loadModel(config)
            printPageReading(model.pageReading, paths: paths, listing: true)
            let output: String
            switch format {
            case .json: output = ModelDump.json(model)
            case .text: output = ModelDump.text(model)
            case .urls: output = ClientURLs.templates(model).map { $0 + "\n" }.joined()
            }
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }
}
