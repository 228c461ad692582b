/// Paths outside the navigation graph and operations the schema does not declare (found while merging).
enum NavigationRule {
    static func check(_ context: DriftContext) -> [DriftFinding] {
        context.model.diagnostics.compactMap { diagnostic in
            guard ["path-not-navigable", "operation-undeclared"].contains(diagnostic.ruleID), let location = diagnostic.location else { return nil }
            let hint = diagnostic.ruleID == "path-not-navigable" ? "fix the path, or add the navigation to the schema" : "declare the operation on the navigation in the schema"
            return DriftFinding(ruleID: diagnostic.ruleID, severity: .warning, message: diagnostic.message, location: location, related: nil, hint: hint)
        }
    }
}
