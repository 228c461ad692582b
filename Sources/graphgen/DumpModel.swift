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

    @Option(help: ArgumentHelp("With --format urls: a file of URL templates, one per line (keys and arguments as {}); prints those the client does not reach, then how many it does.", valueName: "file"))
    var reaching: String?

    func validate() throws {
        if reaching != nil && format != .urls { throw ValidationError("--reaching goes with --format urls") }
    }

    func run() throws {
        try inputs.run { config, paths in
            let model = try inputs.loadModel(config)
            printPageReading(model.pageReading, paths: paths, listing: true)
            let output: String
            switch format {
            case .json: output = ModelDump.json(model)
            case .text: output = ModelDump.text(model)
            case .urls:
                let urls = ClientURLs(model)
                if let reaching {
                    let wanted = try String(contentsOfFile: reaching, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
                    let missing = wanted.filter { !urls.reaches($0) }
                    output = missing.map { $0 + "\n" }.joined() + "reached \(wanted.count - missing.count) of \(wanted.count)\n"
                } else {
                    output = urls.templates().map { $0 + "\n" }.joined()
                }
            }
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }
}
