import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Compares and writes a set of generated files into an output folder.
/// It owns only the files listed in its manifest: stale ones are removed, everything else is left alone.
///
/// A write is journalled: `.graphgen-journal` lists every path the run will touch before the first temporary
/// file is made, and is removed after the last rename. A run that dies in between leaves the journal, so the
/// next run knows the folder may be mixed, removes the stray temporary files and rewrites what differs.
///
/// The folder's bookkeeping (manifest, journal, stamp) may come from a repository GraphGen does not trust: every
/// path in it is reached through `ConfinedFolder`, so no entry can make GraphGen read, write or remove outside.
public struct OutputWriter {
    public static let manifestName = ".graphgen-manifest"
    public static let journalName = ".graphgen-journal"
    /// The inputs' digest of the last complete run (`InputStamp`), written last; its temporary has a fixed name that
    /// every run removes and `--check` reports, so a run killed while writing it leaves nothing unnoticed.
    public static let stampName = ".graphgen-stamp"
    static let temporarySuffix = ".graphgen-tmp"

    public struct Plan: Sendable {
        public var added: [String] = []
        public var changed: [String] = []
        public var removed: [String] = []
        public var unchanged: [String] = []
        /// Entries of the bookkeeping that name something GraphGen did not write (a link, a folder, a device, a path
        /// that leaves the folder): reported and left alone.
        public var leftAlone: [Diagnostic] = []
        public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }
    }

    let output: OutputFolder
    let folder: ConfinedFolder
    let files: [GeneratedFile]

    public init(folder: OutputFolder, files: [GeneratedFile]) {
        self.output = folder
        self.folder = ConfinedFolder(root: folder.path)
        let manifest = GeneratedFile(path: Self.manifestName, contents: files.map(\.path).sorted().joined(separator: "\n") + "\n")
        self.files = (files + [manifest]).sorted { $0.path < $1.path }
    }

    public init(folder: String, files: [GeneratedFile]) {
        self.init(folder: OutputFolder(path: folder), files: files)
    }

    private func location(_ name: String, line: Int = 1) -> SourceLocation {
        SourceLocation(file: DisplayPath.of(output.path + "/" + name), line: line)
    }

    /// The paths a bookkeeping file lists; a line naming a path outside the folder is reported and skipped.
    private func entries(of name: String, refused: inout [Diagnostic]) -> [String] {
        guard let text = folder.readText(name) else { return [] }
        var paths: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let path = String(line)
            if (try? OutputFolder.checkRelative(path)) != nil {
                paths.append(path)
            } else {
                refused.append(.warning("'\(path)' names a path outside the output folder; GraphGen leaves it alone", at: location(name, line: index + 1), rule: "output-bookkeeping"))
            }
        }
        return paths
    }

    /// Files an earlier run made: its manifest, and everything an interrupted run was about to touch.
    private func previouslyOwned(refused: inout [Diagnostic]) -> [String] {
        entries(of: Self.manifestName, refused: &refused) + entries(of: Self.journalName, refused: &refused)
    }

    private static let bookkeepingTemporaries = [manifestName, journalName, stampName].map(temporaryName)

    /// True when a run into this folder died while writing; the next `write` repairs it.
    public var wasInterrupted: Bool {
        folder.entry(Self.journalName) != .missing || Self.bookkeepingTemporaries.contains { folder.entry($0) != .missing }
    }

    public func plan() -> Plan {
        var plan = Plan()
        for file in files {
            switch folder.entry(file.path) {
            case .missing: plan.added.append(file.path)
            case .other, .folder: plan.changed.append(file.path)
            case .file:
                if folder.read(file.path) == Data(file.contents.utf8) { plan.unchanged.append(file.path) } else { plan.changed.append(file.path) }
            }
        }
        let produced = Set(files.map(\.path))
        var refused: [Diagnostic] = []
        for path in Set(previouslyOwned(refused: &refused)).sorted() where !produced.contains(path) && path != Self.journalName {
            switch folder.entry(path) {
            case .missing: continue
            case .file: plan.removed.append(path)
            case .folder:
                refused.append(.warning("'\(path)', listed as generated, is a folder; GraphGen removes only files it wrote and leaves it alone", at: location(Self.manifestName), rule: "output-bookkeeping"))
            case .other(let what):
                refused.append(.warning("'\(path)', listed as generated, is \(what); GraphGen removes only files it wrote and leaves it alone", at: location(Self.manifestName), rule: "output-bookkeeping"))
            }
        }
        plan.leftAlone = refused
        return plan
    }

    /// A unified-style diff of what `write` would change. It reads only plain files inside the folder.
    public func diff() -> String {
        var out = ""
        let plan = plan()
        let added = Set(plan.added), changed = Set(plan.changed)
        for file in files where added.contains(file.path) || changed.contains(file.path) {
            let old = folder.readText(file.path) ?? ""
            out += LineDiff.unified(old: old, new: file.contents, oldName: added.contains(file.path) ? "/dev/null" : "a/\(file.path)", newName: "b/\(file.path)")
        }
        for path in plan.removed {
            out += LineDiff.unified(old: folder.readText(path) ?? "", new: "", oldName: "a/\(path)", newName: "/dev/null")
        }
        return out
    }

    /// Writes changed files: each goes to a temporary file first, and only when all are staged are they moved
    /// into place; then the stamp, when given. The caller holds the folder's lock (`OutputFolder.claim`).
    @discardableResult
    public func write(stamp: String? = nil) throws -> Plan {
        for file in files { try OutputFolder.checkRelative(file.path) }
        let plan = plan()
        let interrupted = wasInterrupted
        var faults = FaultInjection()
        guard !plan.isEmpty || interrupted else {
            if let stamp { try writeStamp(stamp, faults: &faults) }
            return plan
        }
        var refused: [Diagnostic] = []
        let owned = previouslyOwned(refused: &refused)
        let toWrite = Set(plan.added + plan.changed)
        let journal = Set(plan.added + plan.changed + plan.removed + owned).sorted()
        var staged: [(temporary: String, target: String)] = []
        // Before the first rename the folder is as it was, so a failure there takes the journal back too,
        // unless an earlier run's journal was already there.
        func cleanUp(renamed: Bool) {
            for item in staged { try? folder.removeFile(item.temporary) }
            if !renamed && !interrupted { try? folder.removeFile(Self.journalName) }
        }
        if interrupted { removeTemporaries(journal) }
        do {
            try faults.step()
            try folder.create(Self.journalName, contents: journal.joined(separator: "\n") + "\n")
            for file in files where toWrite.contains(file.path) {
                // A link or any other file at a generated path is replaced by the rename, never written through; a folder stays.
                if folder.entry(file.path) == .folder {
                    throw DiagnosticError(.error("cannot write '\(file.path)': it is a folder in the output folder", at: output.setting ?? location(file.path), rule: "output-unwritable"))
                }
                let temporary = Self.temporaryName(file.path)
                try faults.step()
                try folder.create(temporary, contents: file.contents)
                staged.append((temporary, file.path))
            }
        } catch let error as DiagnosticError {
            cleanUp(renamed: false)
            throw error
        } catch let refusal as ConfinedFolder.Refusal {
            cleanUp(renamed: false)
            let rule = refusal.throughLink ? "output-path" : "output-unwritable"
            throw DiagnosticError(.error("cannot write the output: \(refusal.description)", at: output.setting ?? location(""), rule: rule))
        }
        for (index, item) in staged.enumerated() {
            try faults.step()
            do {
                try folder.rename(item.temporary, to: item.target)
            } catch {
                cleanUp(renamed: index > 0)
                throw DiagnosticError(.error("\(error); the next generate repairs the folder", at: location(item.target), rule: "output-unwritable"))
            }
        }
        for path in plan.removed {
            try faults.step()
            try? folder.removeFile(path)
            folder.removeEmptyParents(of: path)
        }
        if let stamp { try writeStamp(stamp, faults: &faults) }
        try faults.step()
        try? folder.removeFile(Self.journalName)
        return plan
    }

    /// The stamp must be newer than every owned file, and file times come from a coarse clock (a tick is a few
    /// milliseconds): it is written again until its time is later, so a file edited after the run never looks as old.
    private func writeStamp(_ text: String, faults: inout FaultInjection) throws {
        let newest = files.compactMap { folder.modificationTime($0.path) }.max { $0 < $1 }
        let temporary = Self.temporaryName(Self.stampName)
        for attempt in 0..<50 {
            if attempt > 0 { usleep(2_000) }
            try faults.step()
            guard (try? folder.create(temporary, contents: text)) != nil else { return }
            try faults.step()
            guard (try? folder.rename(temporary, to: Self.stampName)) != nil else { try? folder.removeFile(temporary); return }
            guard let newest, let stampTime = folder.modificationTime(Self.stampName), stampTime <= newest else { return }
        }
    }

    static func temporaryName(_ relative: String) -> String {
        var segments = relative.split(separator: "/").map(String.init)
        let leaf = segments.popLast() ?? relative
        return (segments + [".\(leaf)\(temporarySuffix)"]).joined(separator: "/")
    }

    private func removeTemporaries(_ paths: [String]) {
        for path in paths { try? folder.removeFile(Self.temporaryName(path)) }
        for temporary in Self.bookkeepingTemporaries { try? folder.removeFile(temporary) }
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
}
