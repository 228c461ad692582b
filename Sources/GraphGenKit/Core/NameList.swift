/// Names listed in a message, cut short when there are many: a root of Graph's metadata has hundreds of navigation
/// properties, and a message naming all of them hides the one line that matters.
enum NameList {
    static let shownAtMost = 20

    static func text(_ names: [String], whenEmpty: String = "none") -> String {
        guard !names.isEmpty else { return whenEmpty }
        guard names.count > shownAtMost else { return names.joined(separator: ", ") }
        return names.prefix(shownAtMost).joined(separator: ", ") + ", … and \(names.count - shownAtMost) more"
    }
}
