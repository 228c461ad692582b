import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

/// Compares and writes a set of generated files into an output folder.
/// It owns only the files listed in its manifest: stale ones are removed, everything else is left alone.
///
/// A write is journalled: `.graphgen-journal` lists every path the run will touch before the first temporary
/// file is made, and is removed after the last rename. A run that dies in between leaves the journal, so the
/// next run knows the folder may be mixed, removes the stray temporary files and rewrites what differs.
public struct OutputWriter {
    public static let manifestName = ".graphgen-manifest"
    public static let journalName = ".graphgen-journal"
    static let temporarySuffix = ".graphgen-tmp"

    public struct Plan: Sendable {
        public var added: [String] = []
        public var changed: [String] = []
        public var removed: [String] = []
        public var unchanged: [String] = []
        public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }
    }

    let folder: URL
    let output: OutputFolder
    let files: [GeneratedFile]

    public init(folder: OutputFolder, files: [GeneratedFile]) {
        self.output = folder
        self.folder = URL(fileURLWithPath: folder.path)
        let manifest = GeneratedFile(path: Self.manifestName, contents: files.map(\.path).sorted().joined(separator: "\n") + "\n")
        self.files = (files + [manifest]).sorted { $0.path < $1.path }
    }

    public init(folder: String, files: [GeneratedFile]) {
        self.init(folder: OutputFolder(path: folder), files: files)
    }

    private func url(_ path: String) -> URL { folder.appendingPathComponent(path) }

    private func lines(of name: String) -> [String] {
        guard let text = try? String(contentsOf: url(name), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init).filter { (try? OutputFolder.checkRelative($0)) != nil }
    }

    /// Files an earlier run made: its manifest, and everything an interrupted run was about to touch.
    private func previouslyOwned() -> [String] {
        lines(of: Self.manifestName) + lines(of: Self.journalName)
    }

    /// True when a run into this folder died while writing; the next `write` repairs it.
    public var wasInterrupted: Bool { FileManager.default.fileExists(atPath: url(Self.journalName).path) }

    public func plan() -> Plan {
        var plan = Plan()
        for file in files {
            guard let data = FileManager.default.contents(atPath: url(file.path).path) else {
                plan.added.append(file.path)
                continue
            }
            if data == Data(file.contents.utf8) { plan.unchanged.append(file.path) } else { plan.changed.append(file.path) }
        }
        let produced = Set(files.map(\.path))
        plan.removed = Set(previouslyOwned()).filter { path in
            !produced.contains(path) && path != Self.journalName && (FileManager.default.fileExists(atPath: url(path).path) || output.isSymbolicLink(path))
        }.sorted()
        return plan
    }

    /// A unified-style diff of what `write` would change.
    public func diff() -> String {
        var out = ""
        let plan = plan()
        let added = Set(plan.added), changed = Set(plan.changed)
        for file in files where added.contains(file.path) || changed.contains(file.path) {
            let old = (try? String(contentsOf: url(file.path), encoding: .utf8)) ?? ""
            out += LineDiff.unified(old: old, new: file.contents, oldName: added.contains(file.path) ? "/dev/null" : "a/\(file.path)", newName: "b/\(file.path)")
        }
        for path in plan.removed {
            let old = (try? String(contentsOf: url(path), encoding: .utf8)) ?? ""
            out += LineDiff.unified(old: old, new: "", oldName: "a/\(path)", newName: "/dev/null")
        }
        return out
    }

    /// Writes changed files: each goes to a temporary file first, and only when all are staged are they moved
    /// into place. The caller holds the folder's lock (`OutputFolder.claim`).
    @discardableResult
    public func write() throws -> Plan {
        for file in files { try OutputFolder.checkRelative(file.path) }
        let plan = plan()
        let interrupted = wasInterrupted
        guard !plan.isEmpty || interrupted else { return plan }
        var faults = FaultInjection()
        let manager = FileManager.default
        let toWrite = Set(plan.added + plan.changed)
        let journal = (plan.added + plan.changed + plan.removed + previouslyOwned()).sorted()
        var staged: [(temporary: String, target: String)] = []
        // Before the first rename the folder is as it was, so a failure there takes the journal back too,
        // unless an earlier run's journal was already there.
        func cleanUp(renamed: Bool) {
            for item in staged { unlink(item.temporary) }
            if !renamed && !interrupted { unlink(url(Self.journalName).path) }
        }
        if interrupted { removeTemporaries(journal) }
        do {
            try faults.step()
            if !manager.fileExists(atPath: folder.path) {
                try manager.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
            }
            try Self.writeFile(url(Self.journalName).path, Array(Set(journal)).sorted().joined(separator: "\n") + "\n")
            var folders: Set<String> = []
            for file in files where toWrite.contains(file.path) {
                try output.createParents(of: file.path, known: &folders)
                if output.isSymbolicLink(file.path) {
                    throw DiagnosticError(.error("cannot write '\(file.path)': it is a symbolic link in the output folder; GraphGen does not write through it", at: output.setting, rule: "output-path"))
                }
                let target = url(file.path).path
                let temporary = Self.temporaryPath(for: target)
                try faults.step()
                try Self.writeFile(temporary, file.contents)
                staged.append((temporary, target))
            }
        } catch let error as DiagnosticError {
            cleanUp(renamed: false)
            throw error
        } catch {
            cleanUp(renamed: false)
            throw DiagnosticError(.error("cannot write the output: \(Self.reason(error))", at: SourceLocation(file: DisplayPath.of(folder.path), line: 1), rule: "output-unwritable"))
        }
        for (index, item) in staged.enumerated() {
            try faults.step()
            // rename(2) replaces the target in one step (FileManager.moveItem refuses to overwrite).
            guard rename(item.temporary, item.target) == 0 else {
                let reason = String(cString: strerror(errno))
                cleanUp(renamed: index > 0)
                throw DiagnosticError(.error("cannot replace \(DisplayPath.of(item.target)): \(reason); the next generate repairs the folder", at: SourceLocation(file: DisplayPath.of(item.target), line: 1), rule: "output-unwritable"))
            }
        }
        for path in plan.removed {
            try faults.step()
            try? manager.removeItem(at: url(path))
            output.removeEmptyParents(of: path)
        }
        try faults.step()
        unlink(url(Self.journalName).path)
        return plan
    }

    static func temporaryPath(for target: String) -> String {
        let url = URL(fileURLWithPath: target)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent)\(temporarySuffix)").path
    }

    private func removeTemporaries(_ paths: [String]) {
        for path in paths { unlink(Self.temporaryPath(for: url(path).path)) }
    }

    /// A plain write, no fsync: the rename afterwards is what makes the new files appear together, and the
    /// output can be generated again at any time, so waiting for the disk per file buys nothing.
    private static func writeFile(_ path: String, _ contents: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var text = contents
        try text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    private struct WriteError: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): \(reason)" }
    }

    /// `GRAPHGEN_FAULT_AFTER=k` ends the process at the k-th file operation of a write, as a crash would, so
    /// tests can check that every interrupted state is recognised and repaired.
    private struct FaultInjection {
        private var remaining = ProcessInfo.processInfo.environment["GRAPHGEN_FAULT_AFTER"].flatMap(Int.init)

        mutating func step() throws {
            guard let count = remaining else { return }
            if count <= 1 { _exit(86) }
            remaining = count - 1
        }
    }

    private static func reason(_ error: Error) -> String {
        if let error = error as? WriteError { return error.description }
        return (error as NSError).localizedDescription
    }
}
