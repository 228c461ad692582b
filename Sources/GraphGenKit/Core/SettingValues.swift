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

/// Parts of the generated runtime that bring a package dependency, so they are off unless graphgen.yaml's `runtime:`
/// turns them on: a package that does not ask for AsyncHTTPClient never fetches SwiftNIO.
public struct RuntimeFeatures: Sendable, Equatable {
    /// `AsyncHTTPClientTransport` (swift-server/async-http-client).
    public var asyncHTTPClient = false
    /// `LoggingMiddleware` (apple/swift-log).
    public var logging = false
    /// `TracingMiddleware` (apple/swift-distributed-tracing).
    public var tracing = false

    public init(asyncHTTPClient: Bool = false, logging: Bool = false, tracing: Bool = false) {
        self.asyncHTTPClient = asyncHTTPClient
        self.logging = logging
        self.tracing = tracing
    }

    /// The keys of graphgen.yaml's `runtime:`, each with the feature it turns on.
    public static var keys: [(name: String, feature: WritableKeyPath<RuntimeFeatures, Bool>)] {
        [
            ("asyncHTTPClient", \.asyncHTTPClient), ("logging", \.logging), ("tracing", \.tracing),
        ]
    }

    /// The features that are on, by key, for digests and messages.
    public var names: [String] { Self.keys.filter { self[keyPath: $0.feature] }.map(\.name) }
}
