import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input file as UTF-8 text, turning I/O failures into located diagnostics.
public enum InputFile {
    /// The bytes of a plain file (a link to one is fine); a device, FIFO or folder is refused, since it could be read forever.
    public static func readData(_ path: String, displayPath: String? = nil) throws -> Data {
        let shown = displayPath ?? path
        // stat(2) follows links: a link to a plain file is a plain file.
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            let what = status.st_mode & S_IFMT == S_IFDIR ? "a folder" : "a device, FIFO or socket"
            throw DiagnosticError(.error("is not a plain file (\(what)); GraphGen reads only files", at: SourceLocation(file: shown, line: 1), rule: "input-unreadable"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(.error("cannot read file", at: SourceLocation(file: shown, line: 1), rule: "input-unreadable"))
        }
        return data
    }

    public static func readText(_ path: String, displayPath: String? = nil) throws -> String {
        let shown = displayPath ?? path
        let data = try readData(path, displayPath: shown)
        guard let text = String(data: data, encoding: .utf8) else {
            let offset = firstInvalidUTF8(data)
            throw DiagnosticError(.error("file is not valid UTF-8 (byte 0x\(String(data[data.startIndex + offset], radix: 16, uppercase: true)) here)",
                                         at: SourceLocation.of(byte: offset, in: data, file: shown), rule: "input-encoding"))
        }
        return text
    }

    /// The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ data: Data) -> Int {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return max(0, min(offset, data.count - 1))
            case .error: return min(offset, data.count - 1)
            }
        }
    }
}
