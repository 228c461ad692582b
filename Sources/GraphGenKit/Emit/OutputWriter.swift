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
public struct OutputWriter {
    public static let manifestName = ".graphgen-manifest"

    public struct Plan: Sendable {
        public var added: [String] = []
        public var changed: [String] = []
        public var removed: [String] = []
        public var unchanged: [String] = []
        public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }
    }

    let folder: URL
    let files: [GeneratedFile]

    public init(folder: String, files: [GeneratedFile]) {
        self.folder = URL(fileURLWithPath: folder)
        let manifest = GeneratedFile(path: Self.manifestName, contents: files.map(\.path).sorted().joined(separator: "\n") + "\n")
        self.files = (files + [manifest]).sorted { $0.path < $1.path }
    }

    private func url(_ path: String) -> URL { folder.appendingPathComponent(path) }

    private func previouslyOwned() -> [String] {
        guard let text = try? String(contentsOf: url(Self.manifestName), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.contains("..") }
    }

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
        plan.removed = previouslyOwned().filter { !produced.contains($0) && FileManager.default.fileExists(atPath: url($0).path) }.sorted()
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
    /// into place, so a failure leaves the folder as it was.
    @discardableResult
    public func write() throws -> Plan {
        let plan = plan()
        guard !plan.isEmpty else { return plan }
        let manager = FileManager.default
        var staged: [(temporary: URL, target: URL)] = []
        func cleanUp() { for item in staged { try? manager.removeItem(at: item.temporary) } }
        let toWrite = Set(plan.added + plan.changed)
        var folders: Set<String> = []
        do {
            for file in files where toWrite.contains(file.path) {
                let target = url(file.path)
                let folder = target.deletingLastPathComponent()
                if folders.insert(folder.path).inserted {
                    try manager.createDirectory(at: folder, withIntermediateDirectories: true)
                }
                let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).graphgen-tmp")
                try Self.writeFile(temporary.path, file.contents)
                staged.append((temporary, target))
            }
        } catch {
            cleanUp()
            throw DiagnosticError(.error("cannot write the output: \(Self.reason(error))", at: SourceLocation(file: DisplayPath.of(folder.path), line: 1), rule: "output-unwritable"))
        }
        for item in staged {
            // rename(2) replaces the target in one step (FileManager.moveItem refuses to overwrite).
            guard rename(item.temporary.path, item.target.path) == 0 else {
                let reason = String(cString: strerror(errno))
                cleanUp()
                throw DiagnosticError(.error("cannot replace \(item.target.lastPathComponent): \(reason)", at: SourceLocation(file: DisplayPath.of(item.target.path), line: 1), rule: "output-unwritable"))
            }
        }
        for path in plan.removed { try? manager.removeItem(at: url(path)) }
        return plan
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

    private static func reason(_ error: Error) -> String {
        if let error = error as? WriteError { return error.description }
        return (error as NSError).localizedDescription
    }
}
