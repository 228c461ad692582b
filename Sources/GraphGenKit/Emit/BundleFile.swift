import Foundation

/// The library sources as Swift files named in advance, for build plugins, which must name their outputs before they
/// run. With several bundle files, each library file goes into one of them by a hash of its path: the compiler gets
/// several files to spread over its jobs (one file is one job), and a change to one library file rewrites one bundle.
public enum BundleFile {
    /// The contents of bundle `index` of `count`.
    public static func contents(of files: [GeneratedFile], index: Int = 0, count: Int = 1) -> String {
        let sources = files.filter { $0.path.hasPrefix("Sources/") && $0.path.hasSuffix(".swift") && bundle(of: $0.path, count: count) == index }
            .sorted { $0.path < $1.path }
        var out = SwiftEmitter.header + "\n"
        for file in sources {
            out += "\n// MARK: - \(file.path.split(separator: "/").dropFirst(2).joined(separator: "/"))\n"
            out += file.contents.hasPrefix(SwiftEmitter.header) ? String(file.contents.dropFirst(SwiftEmitter.header.count + 1)) : file.contents
        }
        return out
    }

    /// Which of `count` bundles a library file goes in: the same on every run and machine.
    static func bundle(of path: String, count: Int) -> Int {
        guard count > 1 else { return 0 }
        var hash = FNV1a()
        hash.add(path.utf8)
        return Int(hash.value % UInt64(count))
    }

    /// Writes each bundle whose bytes changed; returns how many it wrote.
    @discardableResult
    public static func write(_ files: [GeneratedFile], to paths: [String]) throws -> Int {
        var written = 0
        for (index, path) in paths.enumerated() where try TextFile.write(contents(of: files, index: index, count: paths.count), to: path) {
            written += 1
        }
        return written
    }
}
