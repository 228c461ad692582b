import Foundation

/// The one place that turns schema names into Swift identifiers; deterministic, so the same name always maps the same way.
public enum SwiftNames {
    static let keywords = SwiftKeywords.all
    /// Keywords that stay awkward even in backticks; these get a trailing underscore instead.
    static let renamedKeywords: Set<String> = ["self", "Self", "Type", "Protocol", "init", "Any"]

    /// Type names the generated package or Swift already uses.
    public static let reservedTypeNames: Set<String> = Set(RuntimeNames.types).union([
        "String", "Int", "Int16", "Int32", "Int64", "UInt8", "Int8", "Bool", "Double", "Float", "Decimal", "Data", "Date",
        "URL", "UUID", "Error", "Result", "Optional", "Array", "Dictionary", "Set", "Codable", "Decoder", "Encoder",
        "Hashable", "Sendable", "Foundation", "XCTest", "Never", "Void", "Character",
        // Private helpers of the runtime's files, which a model of that name would hide in them.
        "RedirectsReturned", "TaskBox", "HeaderInjector",
        // What the optional runtime parts and their tests name from their packages.
        "HTTPClient", "HTTPClientRequest", "HTTPMethod", "ByteBuffer", "TimeAmount", "Logger", "LogEvent", "LogHandler",
        "InstrumentationSystem", "Injector", "SpanStatus",
        // The model type a request builder's operation protocols are declared with (`typealias Model = User`).
        "Model",
        // Foundation and standard-library types the runtime and tests name (a model called `Calendar` would hide them).
        "Calendar", "Locale", "TimeZone", "URLSession", "URLRequest", "URLResponse", "HTTPURLResponse", "URLComponents",
        "URLQueryItem", "JSONEncoder", "JSONDecoder", "JSONSerialization", "ISO8601DateFormatter", "DateFormatter",
        "NSNumber", "NSNull", "Task", "CodingKey", "Equatable", "Comparable", "Substring", "Unicode", "Range",
        "Encodable", "Decodable", "Identifiable", "AsyncSequence", "Collection", "Sequence", "CustomStringConvertible",
        "RawRepresentable", "CaseIterable", "FixedWidthInteger", "BinaryFloatingPoint", "Hasher", "DecodingError", "NSDecimalNumber",
        "Notification", "Measurement", "Process", "Thread", "Bundle", "FileManager", "Stream", "Host", "Operation",
        // Standard-library protocols a family protocol (`<Model>Protocol`) could be named like.
        "IteratorProtocol", "StringProtocol", "NSObjectProtocol",
    ])

    /// `mobileAppInstallStatus` → `MobileAppInstallStatus`; separators start a new word.
    public static func typeName(_ raw: String) -> String {
        let words = isOneASCIIWord(raw) ? [Substring(raw)] : raw.split { !($0.isLetter || $0.isNumber || $0 == "_") }
        var name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        if name.isEmpty { name = "Unnamed" }
        if let first = name.first, first.isNumber { name = "_" + name }
        if reservedTypeNames.contains(name) || keywords.contains(name) { name += "Model" }
        return name
    }

    /// A property or case name: lower camel case, keywords escaped.
    public static func memberName(_ raw: String) -> String {
        var words = isOneASCIIWord(raw) ? [raw] : raw.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
        if words.isEmpty { words = ["unnamed"] }
        var name = words[0].prefix(1).lowercased() + words[0].dropFirst() + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        if let first = name.first, first.isNumber { name = "_" + name }
        if renamedKeywords.contains(name) { return name + "_" }
        if keywords.contains(name) { return "`\(name)`" }
        return name
    }

    /// Whether `raw` is only ASCII letters, digits and underscores, as nearly every schema name is: then it is one
    /// word, found without asking each Character's Unicode properties.
    private static func isOneASCIIWord(_ raw: String) -> Bool {
        !raw.isEmpty && raw.utf8.allSatisfy(\.isASCIIWordByte)
    }

    /// Member names for one scope, renamed apart from `reserved` and from each other in order of appearance.
    public static func uniqueMemberNames(_ raws: [String], reserved: Set<String>) -> [String] {
        var used = reserved
        return raws.map { raw in
            var name = memberName(raw)
            let bare = withoutBackticks(name)
            if used.contains(bare) || used.contains(name) {
                var counter = 2
                while used.contains("\(bare)\(counter)") { counter += 1 }
                name = "\(bare)\(counter)"
            }
            used.insert(withoutBackticks(name))
            return name
        }
    }

    /// A member name as declared, without the backticks that escape a keyword.
    static func withoutBackticks(_ name: String) -> String {
        name.hasPrefix("`") && name.hasSuffix("`") && name.count > 1 ? String(name.dropFirst().dropLast()) : name
    }
}
