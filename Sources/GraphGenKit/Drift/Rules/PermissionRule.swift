/// Permissions: placeholders, missing tables, and pages of one operation that disagree.
enum PermissionRule {
    static func check(_ context: DriftContext) -> [DriftFinding] {
        var findings: [DriftFinding] = []
        for page in context.pages where page.kind == .operation {
            if page.permissions.isEmpty {
                findings.append(DriftFinding(
                    rule: .permissionMissing, message: "the API page has no permissions table",
                    location: page.title?.location ?? SourceLocation(file: page.file, line: 1), related: nil,
                    hint: "add a Permissions section listing delegated and application scopes"))
            }
            for row in page.permissions {
                guard let placeholder = row.placeholder else { continue }
                findings.append(DriftFinding(
                    rule: .permissionPlaceholder, message: "the permission for '\(row.type)' is a placeholder (\"\(placeholder.isEmpty ? "empty" : placeholder)\"), not scopes",
                    location: row.location, related: nil, hint: "list the scopes, or 'Not supported.'"))
            }
        }
        for operation in context.model.operations {
            let pages = context.pages(documenting: operation)
            guard let first = pages.first else { continue }
            for other in pages.dropFirst() {
                for row in other.permissions where row.placeholder == nil {
                    guard let firstRow = first.permissions.first(where: { $0.type == row.type }), firstRow.placeholder == nil,
                          Set(firstRow.scopes) != Set(row.scopes) || firstRow.notSupported != row.notSupported else { continue }
                    let describe = { (r: PermissionRow) in r.notSupported ? "Not supported" : r.scopes.joined(separator: ", ") }
                    findings.append(DriftFinding(
                        rule: .permissionDisagreement, message: "'\(row.type)' is '\(describe(row))' here but '\(describe(firstRow))' on \(first.file) for \(operation.method) \(operation.path)",
                        location: row.location, related: firstRow.location, hint: "make both pages list the same scopes"))
                }
            }
        }
        return findings
    }
}
