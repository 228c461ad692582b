import ArgumentParser
import Foundation
import GraphGenKit

/// Options every command that reads the inputs shares (`graphgen`'s commands and `graphgen-stub`).
public struct InputOptions: ParsableArguments {
    @Option(help: "The config file (default: graphgen.yaml in the working folder, if present).")
    public var config: String?

    @Option(help: "The YAML entity schema (overrides the config's 'schema').")
    public var schema: String?

    @Option(name: .customLong("pages"), help: "A folder or file of API pages; repeat for more (overrides the config's 'pages').")
    public var pages: [String] = []

    @Flag(help: "Print locations (diagnostics, drift findings) as absolute paths, for build systems that run graphgen from another folder.")
    public var absolutePaths = false

    public init() {}

    public func root(_ config: GraphGenConfig) -> String { InputSelection.root(config) }

    public func loadConfig() throws -> GraphGenConfig { try InputSelection.loadConfig(config) }

    public func loadModel(_ config: GraphGenConfig) throws -> APIModel {
        try loadModelWithPages(config).model
    }

    public func loadModelWithPages(_ config: GraphGenConfig) throws -> (model: APIModel, pages: [APIPage]) {
        let paths = try inputPaths(config)
        // Locations are relative to the config's folder, so output is the same from any working folder.
        return try ModelLoader.loadWithPages(schemaPath: paths.schema, pagePaths: paths.pages, root: root(config))
    }

    public func inputPaths(_ config: GraphGenConfig) throws -> (schema: String, pages: [String]) {
        try InputSelection.paths(config, schema: schema, pages: pages)
    }
}

/// Where printed locations point: as read (relative to the project root), or absolute under it (--absolute-paths).
public struct PrintedPaths {
    public var absoluteRoot: String?

    public init(absoluteRoot: String? = nil) { self.absoluteRoot = absoluteRoot }

    public func shown(_ location: SourceLocation) -> SourceLocation {
        guard let absoluteRoot, !location.file.hasPrefix("/") else { return location }
        var shown = location
        shown.file = URL(fileURLWithPath: absoluteRoot).appendingPathComponent(location.file).standardizedFileURL.path
        return shown
    }

    public func shown(_ diagnostic: Diagnostic) -> Diagnostic {
        var shown = diagnostic
        shown.location = diagnostic.location.map(self.shown)
        return shown
    }
}

extension InputOptions {
    /// Loads the config, then runs `body`; input errors print with their locations (absolute with --absolute-paths) and exit 2.
    public func run(_ body: (GraphGenConfig, PrintedPaths) throws -> Void) throws {
        var paths = PrintedPaths(absoluteRoot: absolutePaths ? FileManager.default.currentDirectoryPath : nil)
        try runReportingDiagnostics(paths: { paths }) {
            let config = try loadConfig()
            if absolutePaths { paths.absoluteRoot = root(config) }
            try body(config, paths)
        }
    }
}

/// Prints warnings found while reading (malformed annotations, stray lines) so that nothing is dropped silently.
public func printWarnings(_ diagnostics: [Diagnostic], paths: PrintedPaths) {
    for diagnostic in diagnostics where diagnostic.severity >= .warning {
        FileHandle.standardError.write(Data((paths.shown(diagnostic).description + "\n").utf8))
    }
}

/// When pages or blocks were left out: says so, in one line of counts by reason (and, with `listing`, each one).
public func printPageReading(_ summary: PageReadingSummary, paths: PrintedPaths, listing: Bool = false) {
    guard summary.leftOutAnything else { return }
    if listing { printWarnings(summary.pagesLeftOut + summary.blocksLeftOut, paths: paths) }
    FileHandle.standardError.write(Data((summary.text + "\n").utf8))
}

/// Runs a command body, printing diagnostics and mapping bad input to exit code 2.
public func runReportingDiagnostics(paths: () -> PrintedPaths = { PrintedPaths() }, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as DiagnosticError {
        for diagnostic in error.diagnostics {
            FileHandle.standardError.write(Data((paths().shown(diagnostic).description + "\n").utf8))
        }
        throw ExitCode(2)
    }
}
