/// A unified line diff computed in Swift, so checks and golden tests need no external `diff`.
public enum LineDiff {
    public static func unified(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = old.isEmpty ? [] : old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.isEmpty ? [] : new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let difference = b.difference(from: a)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // Walk both sides together, producing (tag, text, oldIndex) lines.
        var lines: [(tag: Character, text: String)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) { lines.append(("-", a[i])); i += 1; continue }
            if j < b.count, inserted.contains(j) { lines.append(("+", b[j])); j += 1; continue }
            if i < a.count, j < b.count { lines.append((" ", a[i])); i += 1; j += 1; continue }
            break
        }
        let changed = lines.indices.filter { lines[$0].tag != " " }
        guard !changed.isEmpty else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        var index = 0
        while index < changed.count {
            let start = max(0, changed[index] - context)
            var end = min(lines.count - 1, changed[index] + context)
            while index + 1 < changed.count, changed[index + 1] - context <= end + 1 {
                index += 1
                end = min(lines.count - 1, changed[index] + context)
            }
            let oldStart = lines[..<start].filter { $0.tag != "+" }.count + 1
            let newStart = lines[..<start].filter { $0.tag != "-" }.count + 1
            let hunk = lines[start...end]
            let oldCount = hunk.filter { $0.tag != "+" }.count, newCount = hunk.filter { $0.tag != "-" }.count
            // As diff(1) writes it, an empty side's range starts at the line before the hunk.
            out += "@@ -\(oldCount == 0 ? oldStart - 1 : oldStart),\(oldCount) +\(newCount == 0 ? newStart - 1 : newStart),\(newCount) @@\n"
            for line in hunk { out += "\(line.tag)\(line.text)\n" }
            index += 1
        }
        return out
    }
}
