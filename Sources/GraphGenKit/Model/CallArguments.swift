/// The arguments of a call segment as written (`period='D7',top=5` inside `getX(…)`): split at commas outside quotes,
/// each a name and its literal, trimmed.
enum CallArguments {
    /// Nil when a part has no `=` (no arguments at all included).
    static func parse(_ text: Substring) -> [(name: String, literal: String)]? {
        var arguments: [(name: String, literal: String)] = []
        var current = "", inQuotes = false
        for character in text + "," {
            if character == "'" { inQuotes.toggle() }
            if character == ",", !inQuotes {
                guard let equals = current.firstIndex(of: "=") else { return nil }
                arguments.append((current[..<equals].trimmed, current[current.index(after: equals)...].trimmed))
                current = ""
            } else {
                current.append(character)
            }
        }
        return arguments
    }
}
