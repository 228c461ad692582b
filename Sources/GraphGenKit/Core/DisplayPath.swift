import Foundation

/// Paths as shown in diagnostics, dumps and generated text: relative to the working folder when inside it. With an
/// explicit `root` (the config's folder), a path outside it is shown relative too (`../shared/pages/a.md`), so
/// nothing GraphGen writes names this machine's folders.
public enum DisplayPath {
    public static func of(_ path: String, root: String? = nil) -> String {
        let workingFolder = FileManager.default.currentDirectoryPath
        let absolute = standardized(path, in: workingFolder)
        let base = standardized(root ?? workingFolder, in: workingFolder)
        if absolute.hasPrefix(base + "/") { return String(absolute.dropFirst(base.count + 1)) }
        guard root != nil else { return path }
        let from = base.split(separator: "/"), to = absolute.split(separator: "/")
        let shared = zip(from, to).prefix { $0 == $1 }.count
        guard shared > 0 else { return path }
        return (Array(repeating: "..", count: from.count - shared) + to.dropFirst(shared).map(String.init)).joined(separator: "/")
    }

    /// The absolute path with `.`, `..` and repeated slashes worked out by the text alone, as Foundation's
    /// `standardizedFileURL` does (links are not followed); without a file URL, which costs a file-system lookup
    /// per page.
    static func standardized(_ path: String, in workingFolder: String) -> String {
        if path.hasPrefix("~") { return URL(fileURLWithPath: path).standardizedFileURL.path }
        var parts: [Substring] = []
        for part in (path.hasPrefix("/") ? path : workingFolder + "/" + path).split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
