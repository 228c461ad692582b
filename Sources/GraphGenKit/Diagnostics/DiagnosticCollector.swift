/// Gathers diagnostics across a stage so one run reports all of them.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func add(contentsOf more: [Diagnostic]) {
        diagnostics.append(contentsOf: more)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Throws every collected diagnostic when any of them is an error.
    public func throwIfErrors() throws {
        if hasErrors { throw DiagnosticError(diagnostics.filter { $0.severity == .error }) }
    }

    public var sorted: [Diagnostic] { diagnostics.sorted() }
}
