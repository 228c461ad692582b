import Foundation

/// `graphgen diff`: the model of older inputs (a git revision, or other files) against the model of the current ones.
public enum DiffRun {
    /// A schema and page files or folders, as paths in the working tree.
    public struct Inputs: Sendable {
        public var schema: String
        public var pages: [String]
        public init(schema: String, pages: [String]) {
            self.schema = schema
            self.pages = pages
        }
    }

    /// The model of the inputs as they were at `revision`, read through `git archive` into a temporary folder, so the
    /// work tree is never touched. With `config`, the config as it was at the revision names the inputs (its schema
    /// and pages may have moved); without it, `inputs` does. Old locations read `REVISION:path:line:column`.
    public static func model(at revision: String, config: String?, inputs current: Inputs, root: String) throws -> APIModel {
        let usage = SourceLocation(file: "--base", line: 1)
        guard !revision.isEmpty, !revision.hasPrefix("-"), !revision.contains("\0") else {
            throw DiagnosticError(.error("'\(revision)' is not a git revision", at: usage, rule: "usage"))
        }
        let top = try git(["rev-parse", "--show-toplevel"], in: root, at: usage).trimmingCharacters(in: .whitespacesAndNewlines)
        let topURL = URL(fileURLWithPath: top).resolvingSymlinksInPath()
        func inRepository(_ path: String) throws -> String {
            let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: root + "/")).standardizedFileURL.resolvingSymlinksInPath().path
            guard absolute == topURL.path || absolute.hasPrefix(topURL.path + "/") else {
                throw DiagnosticError(.error("'\(path)' is outside the git repository at \(top); use --old-schema for inputs outside git", at: usage, rule: "usage"))
            }
            return absolute == topURL.path ? "." : String(absolute.dropFirst(topURL.path.count + 1))
        }
        var inputs = current
        if let config {
            let relative = try inRepository(config)
            let text = try git(["show", "\(revision):\(relative)"], in: top, at: usage,
                               failure: "'\(relative)' does not exist at \(revision) (or \(revision) is not a revision)")
            let old = try GraphGenConfig.decode(text, path: config, displayPath: "\(revision):\(relative)")
            guard let schema = old.schema else {
                throw DiagnosticError(.error("'\(relative)' names no schema at \(revision)", at: usage, rule: "usage"))
            }
            inputs = Inputs(schema: schema, pages: old.pages)
        }
        let schema = try inRepository(inputs.schema)
        let pages = try inputs.pages.map(inRepository)
        let rootInRepository = try inRepository(root)

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("graphgen-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let archive = scratch.appendingPathComponent("inputs.tar").path
        for path in [schema] + pages {
            // `git cat-file -e REV:path` tells a missing path from a bad revision before archiving.
            _ = try git(["cat-file", "-e", "\(revision):\(path == "." ? "" : path)"], in: top, at: usage,
                        failure: "'\(path)' does not exist at \(revision) (or \(revision) is not a revision)")
        }
        _ = try git(["archive", "--format=tar", "-o", archive, revision, "--"] + [schema] + pages, in: top, at: usage)
        let tree = scratch.appendingPathComponent("tree")
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        _ = try run("/usr/bin/env", ["tar", "-xf", archive, "-C", tree.path], in: top, at: usage, failure: "cannot unpack the inputs of \(revision)")

        let oldRoot = tree.appendingPathComponent(rootInRepository).standardizedFileURL.path
        var model = try ModelLoader.load(schemaPath: tree.appendingPathComponent(schema).path,
                                         pagePaths: pages.map { tree.appendingPathComponent($0).path }, root: oldRoot)
        model.relabelLocations { "\(revision):\($0)" }
        return model
    }

    private static func git(_ arguments: [String], in folder: String, at location: SourceLocation, failure: String? = nil) throws -> String {
        try run("/usr/bin/env", ["git", "-C", folder] + arguments, in: folder, at: location, failure: failure)
    }

    private static func run(_ executable: String, _ arguments: [String], in folder: String, at location: SourceLocation, failure: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw DiagnosticError(.error("cannot run \(arguments.first ?? executable): \(error.localizedDescription)", at: location, rule: "usage"))
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DiagnosticError(.error(failure ?? "\(arguments.prefix(3).joined(separator: " ")) failed: \(message)", at: location, rule: "usage"))
        }
        return String(decoding: data, as: UTF8.self)
    }
}

extension APIModel {
    /// Rewrites every location's file name (to show which side of a comparison it comes from).
    mutating func relabelLocations(_ label: (String) -> String) {
        func relabel(_ location: inout SourceLocation) { location.file = label(location.file) }
        schemaFile = label(schemaFile)
        for index in enums.indices {
            relabel(&enums[index].source)
            for member in enums[index].members.indices { relabel(&enums[index].members[member].source) }
        }
        for index in entities.indices {
            relabel(&entities[index].source)
            for property in entities[index].properties.indices { relabel(&entities[index].properties[property].source) }
            for navigation in entities[index].navigation.indices { relabel(&entities[index].navigation[navigation].location) }
        }
        for index in operations.indices {
            for source in operations[index].sources.indices { relabel(&operations[index].sources[source]) }
        }
    }
}
