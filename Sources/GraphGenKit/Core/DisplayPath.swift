import Foundation

/// Paths as shown in diagnostics and dumps: relative to the working folder when inside it.
public enum DisplayPath {
    public static func of(_ path: String, root: String? = nil) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let cwd = URL(fileURLWithPath: root ?? FileManager.default.currentDirectoryPath).standardizedFileURL.path
        if absolute.hasPrefix(cwd + "/") { return String(absolute.dropFirst(cwd.count + 1)) }
        return path
    }
}
