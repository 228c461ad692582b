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
        try TextFile.write(contents(of: files), to: path)
    }
}
