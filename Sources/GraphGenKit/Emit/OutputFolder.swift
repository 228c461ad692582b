import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder `generate` writes into, and the rules that keep every write inside it:
/// GraphGen writes only into a folder that is missing, empty or holds its manifest, and holds an exclusive lock on
/// it while it writes; every path inside it is reached through `ConfinedFolder`, which follows no link.
public struct OutputFolder {
    public let path: String
    /// Where the folder was named (the config's `output` line), for error locations; nil for a flag or the default.
    public let setting: SourceLocation?

    public init(path: String, setting: SourceLocation? = nil) {
        self.path = path
        self.setting = setting
    }

    private func failure(_ message: String, rule: String = "output-not-owned") -> DiagnosticError {
        DiagnosticError(.error(message, at: setting ?? SourceLocation(file: shown, line: 1), rule: rule))
    }

    private var shown: String { DisplayPath.of(path) }

    /// Checks that GraphGen may write here, creates the folder if needed and locks it for this run. With `force`, a
    /// folder holding other files (or a symbolic link) is accepted, but never the file-system root or the home folder.
    /// When another run holds the lock, calls `waiting` once and retries until `timeout` seconds have passed.
    public func claim(force: Bool, timeout: Double = 300, waiting: () -> Void = {}) throws -> Lock {
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.path
        let home = NSHomeDirectory()
        let forbidden = ["/", home, URL(fileURLWithPath: home).resolvingSymlinksInPath().path]
        if forbidden.contains(resolved) || forbidden.contains(URL(fileURLWithPath: resolved).resolvingSymlinksInPath().path) {
            throw failure("the output folder '\(shown)' is the file-system root or the home folder; set 'output' (or --output) to a folder of its own")
        }
        var status = stat()
        if lstat(path, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFLNK && !force {
                throw failure("the output folder '\(shown)' is a symbolic link; set 'output' (or --output) to the real folder, or pass --force")
            }
            guard FileManager.default.fileExists(atPath: path + "/.") else {
                throw failure("the output folder '\(shown)' exists and is not a folder")
            }
        }
        let lock = try self.lock(timeout: timeout, waiting: waiting)
        // Judged under the lock: another run may have just created the folder and begun writing into it.
        if !force {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let marks = [OutputWriter.manifestName, OutputWriter.journalName]
            if !entries.isEmpty && !entries.contains(where: marks.contains) {
                let sample = entries.sorted().prefix(3).joined(separator: ", ")
                throw failure("the output folder '\(shown)' holds files GraphGen did not write (\(sample)\(entries.count > 3 ? ", …" : "")) and no \(OutputWriter.manifestName); set 'output' (or --output) to an empty or new folder, or pass --force to write into it anyway")
            }
        }
        return lock
    }

    /// A generated path must stay inside the folder: relative, no empty, `.` or `..` segments.
    public static func checkRelative(_ relative: String) throws {
        let segments = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !relative.hasPrefix("/"), !relative.contains("\0"), segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw DiagnosticError(.error("refusing to write '\(relative)': a generated path must stay inside the output folder", at: nil, rule: "output-path"))
        }
    }

    /// An exclusive advisory lock on the folder itself; the kernel drops it when the process ends, however it ends.
    public final class Lock {
        private let descriptor: Int32

        fileprivate init(descriptor: Int32) { self.descriptor = descriptor }

        deinit {
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
    }

    private func lock(timeout: Double = 300, waiting: () -> Void = {}) throws -> Lock {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw failure("cannot create the output folder '\(shown)': \(String(cString: strerror(errno)))", rule: "output-unwritable")
        }
        let descriptor = open(path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else {
            throw failure("cannot open the output folder '\(shown)': \(String(cString: strerror(errno)))", rule: "output-unwritable")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return Lock(descriptor: descriptor) }
        waiting()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            usleep(50_000)
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return Lock(descriptor: descriptor) }
        }
        close(descriptor)
        throw failure("another graphgen run has held the output folder '\(shown)' for more than \(Int(timeout)) s; try again when it ends", rule: "output-locked")
    }
}
