/// One difference between two models, judged by what it does to code that uses the generated Swift package.
public struct APIChange: Sendable, Equatable {
    public enum Kind: String, Sendable { case added, removed, changed }

    /// What a consumer of the generated package sees: `breaking` can stop their build or change what goes on the
    /// wire, `additive` adds API, `none` changes only documentation, examples or permissions.
    public enum Effect: String, Sendable, Comparable, CaseIterable {
        case none, additive, breaking
        private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
        public static func < (lhs: Effect, rhs: Effect) -> Bool { lhs.rank < rhs.rank }
    }

    public var kind: Kind
    public var effect: Effect
    /// The Swift symbol (`MobileAppInstallStatus.errorCode`) or operation (`GET /users/{userId}`) it touches.
    public var symbol: String
    /// What changed, for people: `Int32? → Int64?`, `property removed`.
    public var detail: String
    public var old: SourceLocation?
    public var new: SourceLocation?
}

/// The release a set of changes calls for under semantic versioning.
public enum VersionBump: String, Sendable {
    case none, patch, minor, major

    public init(_ changes: [APIChange]) {
        switch changes.map(\.effect).max() {
        case nil: self = .none
        case .none?: self = .patch
        case .additive?: self = .minor
        case .breaking?: self = .major
        }
    }
}
