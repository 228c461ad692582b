/// The values a setting may take, declared once: graphgen.yaml, the command line and the plugins all read them here.

/// The access level of the generated client's API.
public enum AccessLevel: String, CaseIterable, Sendable {
    case `public`, package, `internal`
}

/// The lowest drift severity that fails the run.
public enum DriftFailOn: String, CaseIterable, Sendable {
    case error, warning, never
}

/// How drift findings are written.
public enum DriftFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github
}
