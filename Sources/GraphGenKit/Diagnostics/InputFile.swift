import Foundation

/// Reads an input file as UTF-8 text, turning I/O failures into located diagnostics.
public enum InputFile {
    public static func readText(_ path: String, displayPath: String? = nil) throws -> String {
        let shown = displayPath ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(.error("cannot read file", at: SourceLocation(file: shown, line: 1), rule: "input-unreadable"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError(.error("file is not valid UTF-8", at: SourceLocation(file: shown, line: 1), rule: "input-encoding"))
        }
        return text
    }
}
