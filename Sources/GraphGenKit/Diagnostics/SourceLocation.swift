/// A place in an input file; line and column are 1-based, and the column counts Unicode scalars (code points), whatever the reader.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    /// Where byte `offset` of `bytes` is: lines end at LF, the column counts the UTF-8 sequences before it on its line.
    public static func of<Bytes: Collection>(byte offset: Int, in bytes: Bytes, file: String, lineOffset: Int = 0) -> SourceLocation where Bytes.Element == UInt8 {
        var line = 1, column = 1
        for byte in bytes.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line + lineOffset, column: column)
    }

    /// `file:line`, the short form used in model dumps.
    public var fileAndLine: String { "\(file):\(line)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A value together with where it was read.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
