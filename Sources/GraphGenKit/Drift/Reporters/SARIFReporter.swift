/// Writes findings as a SARIF 2.1.0 log (GitHub code scanning, IDE SARIF viewers).
enum SARIFReporter {
    static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    static func render(_ findings: [DriftFinding]) -> String {
        let ruleIDs = DriftRuleID.allCases.sorted()
        let ruleIndexes = Dictionary(uniqueKeysWithValues: ruleIDs.enumerated().map { ($1, $0) })
        let rules = ruleIDs.map { id in
            JSONValue.object([("id", .string(id.rawValue)), ("shortDescription", .object([("text", .string(id.summary))]))])
        }
        return JSONValue.object([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("graphgen")),
                    ("semanticVersion", .string(GraphGenVersion.current)),
                    ("rules", .array(rules)),
                ]))])),
                // Every reader counts columns in Unicode scalars (see SourceLocation).
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(findings.map { result($0, ruleIndex: ruleIndexes[$0.rule]) })),
            ])])),
        ]).rendered()
    }

    private static func result(_ finding: DriftFinding, ruleIndex: Int?) -> JSONValue {
        var text = escapedText(finding.message) + "."
        if let related = finding.related {
            // An embedded link to relatedLocations[id 1], which code scanning shows as a link.
            text += " The other side: [\(escapedText(related.description))](1)."
        }
        text += " Hint: " + escapedText(finding.hint)
        var members: [(String, JSONValue)] = [("ruleId", .string(finding.rule.rawValue))]
        if let ruleIndex { members.append(("ruleIndex", .int(ruleIndex))) }
        members += [
            ("level", .string(level(finding.severity))),
            ("message", .object([("text", .string(text))])),
            ("locations", .array([.object(location(finding.location))])),
        ]
        if let related = finding.related {
            members.append(("relatedLocations", .array([.object(
                [("id", .int(1))] + location(related) + [("message", .object([("text", .string("the other side"))]))]
            )])))
        }
        // Stable across line moves, like the baseline: rule, file and message.
        members.append(("partialFingerprints", .object([("graphgenFinding/v1", .string(fingerprintHash(finding.fingerprint)))])))
        return .object(members)
    }

    private static func location(_ place: SourceLocation) -> [(String, JSONValue)] {
        [("physicalLocation", .object([
            ("artifactLocation", .object([("uri", .string(uriReference(forPath: place.file)))])),
            ("region", .object([("startLine", .int(max(1, place.line))), ("startColumn", .int(max(1, place.column)))])),
        ]))]
    }

    private static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// Plain-text SARIF messages read `[text](id)` as a link, so literal brackets are escaped.
    static func escapedText(_ text: String) -> String {
        text.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    }

    /// A relative path stays a relative reference; an absolute one becomes a `file://` URI. Bytes outside
    /// RFC 3986's path characters are percent-encoded, so spaces and non-ASCII names stay valid.
    static func uriReference(forPath path: String) -> String {
        let normalized = path.replacingOccurrences(of: "\\", with: "/")
        var encoded = ""
        for byte in normalized.utf8 {
            if isPathCharacter(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        if normalized.hasPrefix("/") { return "file://" + encoded }
        // A first segment with ':' would read as a scheme.
        if let firstSegment = encoded.split(separator: "/", omittingEmptySubsequences: false).first, firstSegment.contains(":") {
            return "./" + encoded
        }
        return encoded
    }

    private static func isPathCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "-._~!$&'()*+,;=:@/".utf8.contains(byte)
        }
    }

    /// FNV-1a of the baseline key: deterministic on every platform.
    static func fingerprintHash(_ text: String) -> String {
        var hash = FNV1a()
        hash.add(text.utf8)
        return hash.hex
    }
}
