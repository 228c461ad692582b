import ArgumentParser
import Foundation
import GraphGenCommandLine
import GraphGenKit

struct Drift: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reports where pages disagree with the schema, with each other, and with their own examples.",
        discussion: "Exit codes: 0 nothing at or above --fail-on; 1 drift found; 2 bad input. Suppress a rule in the config (drift.disabledRules) or in a page's annotation (\"suppressions\": [\"rule-id: reason\"])."
    )

    @OptionGroup var inputs: InputOptions

    @Option(help: "Output format: text, json, sarif or github (default: the config's drift.format, else text).")
    var format: DriftReporter.Format?

    @Option(help: "Lowest severity that makes the exit code 1: error, warning or never (default: the config's drift.failOn, else error).")
    var failOn: DriftRun.FailOn?

    @Option(help: "Accept the findings listed in this file (default: the config's drift.baseline).")
    var baseline: String?

    @Option(help: "Write the current findings to this file as a baseline and exit 0.")
    var writeBaseline: String?

    @Flag(help: "Print every rule id with what it checks, and exit.")
    var listRules = false

    func run() throws {
        if listRules {
            let width = DriftRuleID.allCases.map(\.rawValue.count).max() ?? 0
            for id in DriftRuleID.allCases.sorted() {
                print(id.rawValue.padding(toLength: width + 2, withPad: " ", startingAt: 0) + id.summary)
            }
            return
        }
        var failed = false
        try inputs.run { config, paths in
            let (model, pages) = try inputs.loadModelWithPages(config)
            var settings = DriftRun.Settings()
            settings.disabledRules = Set(config.driftDisabledRules)
            settings.baseline = baseline ?? config.driftBaseline
            settings.writeBaseline = writeBaseline
            settings.failOn = failOn ?? config.driftFailOn ?? .error
            switch try DriftRun.run(model, pages: pages, settings: settings) {
            case .wroteBaseline(let count):
                FileHandle.standardError.write(Data("wrote \(count) findings to \(writeBaseline ?? "")\n".utf8))
            case .checked(let result, let failedRun):
                let format = self.format ?? config.driftFormat ?? .text
                // Baselines match relative paths, so locations become absolute only for printing.
                let shown = result.findings.lazy.map { finding in
                    var shown = finding
                    shown.location = paths.shown(finding.location)
                    shown.related = finding.related.map(paths.shown)
                    return shown
                }
                var output = StandardOutput()
                DriftReporter.write(shown, format: format, to: &output)
                if format == .text {
                    printPageReading(model.pageReading, paths: paths)
                    FileHandle.standardError.write(Data("\(result.findings.count) findings (\(result.baselined) in baseline, \(result.suppressed) suppressed)\n".utf8))
                }
                failed = failedRun
            }
        }
        if failed { throw ExitCode(1) }
    }
}


