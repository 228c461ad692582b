import Foundation

extension StringProtocol {
    var trimmed: String {
        String(self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension String {
    /// Collapses runs of white space to one space.
    var collapsingWhitespace: String {
        split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }
}
