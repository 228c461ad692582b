import Foundation

/// A file a command writes on request (a schema, a baseline): through a temporary file and a rename, only when the
/// bytes differ, creating the folders above it.
public enum TextFile {
    /// Returns whether it wrote (false when the file already held these bytes).
    @discardableResult
    public static func write(_ text: String, to path: String) throws -> Bool {
        let data = Data(text.utf8)
        if FileManager.default.contents(atPath: path) == data { return false }
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw DiagnosticError(.error("cannot write '\(DisplayPath.of(path))': \((error as NSError).localizedDescription)",
                                         at: SourceLocation(file: DisplayPath.of(path), line: 1), rule: "output-unwritable"))
        }
        return true
    }
}
