import Foundation

/// The library sources as one Swift file, for build plugins, which must name their outputs before they run.
public enum BundleFile {
    public static func contents(of files: [GeneratedFile]) -> String {
        let sources = files.filter { $0.path.hasPrefix("Sources/") && $0.path.hasSuffix(".swift") }.sorted { $0.path < $1.path }
        var out = SwiftEmitter.header + "\n"
        for file in sources {
            out += "\n// MARK: - \(file.path.split(separator: "/").dropFirst(2).joined(separator: "/"))\n"
            out += file.contents.hasPrefix(SwiftEmitter.header) ? String(file.contents.dropFirst(SwiftEmitter.header.count + 1)) : file.contents
        }
        return out
    }

    /// Writes the bundle when its bytes changed; returns whether it wrote.
    @discardableResult
    public static func write(_ files: [GeneratedFile], to path: String) throws -> Bool {
        let text = contents(of: files)
        if FileManager.default.contents(atPath: path) == Data(text.utf8) { return false }
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw DiagnosticError(.error("cannot write the output: \(error.localizedDescription)", at: SourceLocation(file: path, line: 1), rule: "output-unwritable"))
        }
        return true
    }
}
