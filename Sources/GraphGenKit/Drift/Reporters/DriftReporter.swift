import Foundation

/// Writes findings as compiler-style text, JSON (schemas/formats/drift-report.schema.json), SARIF 2.1.0 or GitHub Actions annotations.
public enum DriftReporter {
    public typealias Format = DriftFormat

    public static func render(_ findings: [DriftFinding], format: Format) -> String {
        var text = ""
        write(findings, format: format, to: &text)
        return text
    }

    /// Text and GitHub reports are written a finding at a time, so a report of any length is never held whole.
    public static func write(_ findings: some Collection<DriftFinding>, format: Format, to output: inout some TextOutputStream) {
        switch format {
        case .text: findings.forEach { output.write(text($0) + "\n") }
        case .json: output.write(json(Array(findings)))
        case .sarif: output.write(SARIFReporter.render(Array(findings)))
        case .github: findings.forEach { output.write(github($0) + "\n") }
        }
    }

    static func text(_ finding: DriftFinding) -> String {
        var line = "\(finding.location): \(finding.severity.rawValue): \(finding.message) [\(finding.rule.rawValue)]"
        if let related = finding.related { line += "\n\(related): note: the other side is here" }
        line += "\n    hint: \(finding.hint)"
        return line
    }

    static func json(_ findings: [DriftFinding]) -> String {
        JSONValue.object([
            ("version", .int(1)),
            ("findings", .array(findings.map { finding in
                .object([
                    ("rule", .string(finding.rule.rawValue)),
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

    static func github(_ finding: DriftFinding) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        }
        func property(_ text: String) -> String { escape(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C") }
        let kind = finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "notice"
        return "::\(kind) file=\(property(finding.location.file)),line=\(finding.location.line),col=\(finding.location.column),title=\(property(finding.rule.rawValue))::\(escape("\(finding.message) (hint: \(finding.hint))"))"
    }
}
