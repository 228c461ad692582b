import Foundation

/// `graphgen drift`: the model's findings after suppressions and the baseline, and whether they fail the run; or,
/// with `writeBaseline`, every finding written as the new baseline.
public enum DriftRun {
    /// The lowest severity that fails the run.
    public typealias FailOn = DriftFailOn

    public struct Settings: Sendable {
        public var disabledRules: Set<DriftRuleID> = []
        /// A baseline file to accept findings from.
        public var baseline: String?
        /// Write every finding here as a baseline instead of checking.
        public var writeBaseline: String?
        public var failOn: FailOn = .error
        public init() {}
    }

    public enum Outcome: Sendable {
        case wroteBaseline(count: Int)
        case checked(DriftCheck.Result, failed: Bool)
    }

    public static func run(_ model: APIModel, pages: [APIPage], settings: Settings) throws -> Outcome {
        if let path = settings.writeBaseline {
            let findings = DriftCheck(disabledRules: settings.disabledRules).run(model, pages: pages).findings
            try TextFile.write(DriftBaseline.render(findings), to: path)
            return .wroteBaseline(count: findings.count)
        }
        let accepted = try settings.baseline.map { try DriftBaseline.read(path: $0, displayPath: DisplayPath.of($0)) } ?? []
        let result = DriftCheck(disabledRules: settings.disabledRules, baseline: accepted).run(model, pages: pages)
        let failed = result.findings.contains { finding in
            switch settings.failOn {
            case .never: false
            case .warning: finding.severity >= .warning
            case .error: finding.severity == .error
            }
        }
        return .checked(result, failed: failed)
    }
}
