/// Suppressions in page annotations must name real rules; a misspelt id would silently suppress nothing.
enum SuppressionRule {
    static func check(_ context: DriftContext) -> [DriftFinding] {
        context.pages.flatMap { page in
            page.suppressions.compactMap { suppression -> DriftFinding? in
                guard DriftRuleID(rawValue: suppression.value) == nil else { return nil }
                let hint = closestRuleID(to: suppression.value).map { "did you mean '\($0)'?" } ?? "use an id that `graphgen drift --list-rules` prints"
                return DriftFinding(
                    rule: .suppressionUnknownRule, message: "the annotation suppresses '\(suppression.value)', which is not a drift rule id",
                    location: suppression.location, related: nil, hint: hint)
            }
        }
    }

    /// The rule id within a few edits of `text`, if one is that close.
    static func closestRuleID(to text: String) -> String? {
        let scored = DriftRuleID.allCases.map { ($0.rawValue, editDistance(Array(text.utf8), Array($0.rawValue.utf8))) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }), best.1 <= max(2, text.utf8.count / 4) else { return nil }
        return best.0
    }

    private static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
