import Foundation

/// Writes findings as compiler-style text, JSON (schemas/formats/drift-report.schema.json), SARIF 2.1.0 or GitHub Actions annotations.
public enum DriftReporter {
    public typealias Format = DriftFormat

    public static func render(_ findings: [DriftFinding], format: Format) -> String {
        switch format {
        case .text: text(findings)
        case .json: json(findings)
        case .sarif: SARIFReporter.render(findings)
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
            ("version", .int(1)),
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
