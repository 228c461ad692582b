/// Runs every drift rule, then drops what is suppressed (config, page annotations) or already in the baseline.
public struct DriftCheck {
    public struct Result: Sendable {
        public var findings: [DriftFinding]
        public var suppressed: Int
        public var baselined: Int
    }

    public var disabledRules: Set<DriftRuleID> = []
    public var baseline: Set<String> = []

    public init(disabledRules: Set<DriftRuleID> = [], baseline: Set<String> = []) {
        self.disabledRules = disabledRules
        self.baseline = baseline
    }

    /// Every finding before suppressions and baseline, sorted; `families` limits the rules run.
    public static func allFindings(_ model: APIModel, pages: [APIPage], families: Set<DriftFamily>? = nil) -> [DriftFinding] {
        let context = DriftContext(model: model, pages: pages)
        let rules = DriftFamily.allCases.filter { families?.contains($0) ?? true }
        // Rules read the context only, so they run side by side; the findings are sorted below.
        var findings = Parallel.map(rules) { $0.check(context) }.flatMap { $0 }
        findings.sort()
        // Equal findings sort next to each other, among those that share location, rule and message.
        var kept = 0
        for index in findings.indices {
            var duplicate = false
            var earlier = kept - 1
            while earlier >= 0, !(findings[earlier] < findings[index]) {
                if findings[earlier] == findings[index] { duplicate = true; break }
                earlier -= 1
            }
            if !duplicate {
                findings.swapAt(kept, index)
                kept += 1
            }
        }
        findings.removeLast(findings.count - kept)
        return findings
    }

    public func run(_ model: APIModel, pages: [APIPage], families: Set<DriftFamily>? = nil) -> Result {
        // A suppression naming no rule suppresses nothing (SuppressionRule reports it).
        let pageSuppressions = Dictionary(grouping: pages.flatMap { page in page.suppressions.compactMap { id in DriftRuleID(rawValue: id.value).map { (page.file, $0) } } }, by: \.0)
            .mapValues { Set($0.map(\.1)) }
        var suppressed = 0, baselined = 0
        var findings = Self.allFindings(model, pages: pages, families: families)
        findings.removeAll { finding in
            if disabledRules.contains(finding.rule) || pageSuppressions[finding.location.file]?.contains(finding.rule) == true {
                suppressed += 1
                return true
            }
            if baseline.contains(finding.fingerprint) {
                baselined += 1
                return true
            }
            return false
        }
        return Result(findings: findings, suppressed: suppressed, baselined: baselined)
    }
}

/// A file of accepted findings, so CI fails only on new drift. Findings match by rule, file and message, not line.
public enum DriftBaseline {
    public static func render(_ findings: [DriftFinding]) -> String {
        let entries = Set(findings.map { [$0.rule.rawValue, $0.location.file, $0.message] }).sorted { $0.joined(separator: "|") < $1.joined(separator: "|") }
        return JSONValue.object([
            ("version", .int(1)),
            ("findings", .array(entries.map { .object([("rule", .string($0[0])), ("file", .string($0[1])), ("message", .string($0[2]))]) })),
        ]).rendered()
    }

    public static func read(path: String, displayPath: String) throws -> Set<String> {
        let text = try InputFile.readText(path, displayPath: displayPath)
        let root = try JSONParser.parse(text, file: displayPath, startLine: 1)
        guard case .array(let items)? = root["findings"]?.value else {
            throw DiagnosticError(.error("baseline needs a 'findings' array", at: root.location, rule: "baseline"))
        }
        var result: Set<String> = []
        for item in items {
            guard let rule = item["rule"]?.string, let file = item["file"]?.string, let message = item["message"]?.string else {
                throw DiagnosticError(.error("baseline entry needs 'rule', 'file' and 'message' strings", at: item.location, rule: "baseline"))
            }
            result.insert("\(rule)|\(file)|\(message)")
        }
        return result
    }
}
