/// A problem found in the inputs, with its place and a stable rule id.
public struct Diagnostic: Error, Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    public var ruleID: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, rule ruleID: String) {
        self.severity = severity
        self.message = message
        self.location = location
        self.ruleID = ruleID
    }

    public static func error(_ message: String, at location: SourceLocation?, rule: String) -> Diagnostic {
        Diagnostic(.error, message, at: location, rule: rule)
    }

    public static func warning(_ message: String, at location: SourceLocation?, rule: String) -> Diagnostic {
        Diagnostic(.warning, message, at: location, rule: rule)
    }

    public static func note(_ message: String, at location: SourceLocation?, rule: String) -> Diagnostic {
        Diagnostic(.note, message, at: location, rule: rule)
    }

    /// The compiler form editors understand: `path:line:column: error: message [rule-id]`.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue): \(message) [\(ruleID)]"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case let (l?, r?) where l != r: return l < r
        case (nil, _?): return true
        case (_?, nil): return false
        default: return (lhs.ruleID, lhs.message) < (rhs.ruleID, rhs.message)
        }
    }
}

/// Thrown when input is bad enough that the run cannot go on; carries every error found.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
