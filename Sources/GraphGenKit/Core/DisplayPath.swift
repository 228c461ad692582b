import Foundation

/// Paths as shown in diagnostics, dumps and generated text: relative to the working folder when inside it. With an
/// explicit `root` (the config's folder), a path outside it is shown relative too (`../shared/pages/a.md`), so
/// nothing GraphGen writes names this machine's folders.
public enum DisplayPath {
    public static func of(_ path: String, root: String? = nil) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let base = URL(fileURLWithPath: root ?? FileManager.default.currentDirectoryPath).standardizedFileURL.path
        if absolute.hasPrefix(base + "/") { return String(absolute.dropFirst(base.count + 1)) }
        guard root != nil else { return path }
        let from = base.split(separator: "/"), to = absolute.split(separator: "/")
        let shared = zip(from, to).prefix { $0 == $1 }.count
        guard shared > 0 else { return path }
        return (Array(repeating: "..", count: from.count - shared) + to.dropFirst(shared).map(String.init)).joined(separator: "/")
    }
}
