import Foundation

/// Writes findings as compiler-style text, JSON, SARIF 2.1.0 or GitHub Actions annotations.
public enum DriftReporter {
    public enum Format: String, CaseIterable, Sendable { case text, json, sarif, github }

    public static func render(_ findings: [DriftFinding], format: Format) -> String {
        switch format {
        case .text: text(findings)
        case .json: json(findings)
        case .sarif: sarif(findings)
        case .github: github(findings)
        }
    }

    static func text(_ findings: [DriftFinding]) -> String {
        findings.map { finding in
            var line = "\(finding.location): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]"
            if let related = finding.related { line += "\n\(related): note: the other side is here" }
            line += "\n    hint: \(finding.hint)"
            return line
        }.joined(separator: "\n") + (findings.isEmpty ? "" : "\n")
    }

    static func json(_ findings: [DriftFinding]) -> String {
        JSONValue.object([
            ("findings", .array(findings.map { finding in
                .object([
                    ("rule", .string(finding.ruleID)),
                    ("severity", .string(finding.severity.rawValue)),
                    ("message", .string(finding.message)),
                    ("file", .string(finding.location.file)),
                    ("line", .int(finding.location.line)),
                    ("column", .int(finding.location.column)),
                    ("related", finding.related.map { .object([("file", .string($0.file)), ("line", .int($0.line)), ("column", .int($0.column))]) } ?? .null),
                    ("hint", .string(finding.hint)),
                ])
            })),
            ("count", .int(findings.count)),
        ]).rendered()
    }

    static func sarif(_ findings: [DriftFinding]) -> String {
        let ruleIDs = DriftRules.descriptions.keys.sorted()
        func location(_ place: SourceLocation) -> JSONValue {
            .object([("physicalLocation", .object([
                ("artifactLocation", .object([("uri", .string(place.file))])),
                ("region", .object([("startLine", .int(place.line)), ("startColumn", .int(place.column))])),
            ]))])
        }
        let level: (Diagnostic.Severity) -> String = { $0 == .error ? "error" : $0 == .warning ? "warning" : "note" }
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("graphgen")),
                    ("informationUri", .string("https://github.com/graphgen/graphgen")),
                    ("rules", .array(ruleIDs.map { id in
                        .object([("id", .string(id)), ("shortDescription", .object([("text", .string(DriftRules.descriptions[id] ?? id))]))])
                    })),
                ]))])),
                ("results", .array(findings.map { finding in
                    var members: [(String, JSONValue)] = [
                        ("ruleId", .string(finding.ruleID)),
                        ("level", .string(level(finding.severity))),
                        ("message", .object([("text", .string("\(finding.message). Hint: \(finding.hint)"))])),
                        ("locations", .array([location(finding.location)])),
                    ]
                    if let index = ruleIDs.firstIndex(of: finding.ruleID) { members.insert(("ruleIndex", .int(index)), at: 1) }
                    if let related = finding.related {
                        members.append(("relatedLocations", .array([.object([("id", .int(1))] + (location(related).objectMembers ?? []))])))
                    }
                    return .object(members)
                })),
            ])])),
        ]).rendered()
    }

    static func github(_ findings: [DriftFinding]) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        }
        func property(_ text: String) -> String { escape(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C") }
        return findings.map { finding in
            let kind = finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "notice"
            return "::\(kind) file=\(property(finding.location.file)),line=\(finding.location.line),col=\(finding.location.column),title=\(property(finding.ruleID))::\(escape("\(finding.message) (hint: \(finding.hint))"))"
        }.joined(separator: "\n") + (findings.isEmpty ? "" : "\n")
    }
}

extension JSONValue {
    var objectMembers: [(String, JSONValue)]? {
        if case .object(let members) = self { return members }
        return nil
    }
}
