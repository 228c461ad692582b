import Foundation

/// A Mustache template parsed once into a tree and rendered straight from it: variables, sections, inverted sections,
/// comments and pragmas, with Mustache's standalone-line rule, no HTML escaping (the output is Swift), and names looked
/// up in typed contexts (`TemplateContext`). Rendering this way avoids a general engine's per-key casts and reflection, which were
/// most of generation time. Syntax errors are reported when the library loads the template, before this runs.
struct CompiledTemplate: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case variable(Located<String>, path: [String])
        case section(Located<String>, path: [String], inverted: Bool, children: [Node])
    }

    let nodes: [Node]
    /// Tags of kinds this renderer does not handle (partials, delimiter changes, inheritance), with their locations.
    private(set) var unsupported: [Located<String>] = []

    private enum Token {
        case text(Substring)
        /// `sigil` is `#`, `^`, `/`, `!`, `%` or nil for a variable.
        case tag(sigil: Character?, name: String, location: SourceLocation)

        var isStandaloneKind: Bool {
            if case .tag(let sigil?, _, _) = self { return "#^/!%".contains(sigil) }
            return false
        }
    }

    /// - Parameters:
    ///   - text: the template as rendered, with any line-1 prefix already in place.
    ///   - prefixLength: that prefix's length, taken off line-1 columns so locations point into the file.
    init(_ text: String, file: String, prefixLength: Int = 0) {
        var tokens: [Token] = []
        var lineNumber = 1
        var lineStart = text.startIndex
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
            let line = Self.tokens(in: text[lineStart..<lineEnd], line: lineNumber, file: file, shift: lineNumber == 1 ? prefixLength : 0)
            let tags = line.filter { if case .tag = $0 { return true } else { return false } }
            let blank = line.allSatisfy { token in
                if case .text(let part) = token { return part.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" } }
                return true
            }
            if tags.count == 1, tags[0].isStandaloneKind, blank {
                tokens.append(tags[0])
            } else {
                tokens += line
            }
            lineNumber += 1
            lineStart = lineEnd
        }
        var stack: [(name: Located<String>?, path: [String], inverted: Bool, children: [Node])] = [(nil, [], false, [])]
        var unsupported: [Located<String>] = []
        for token in tokens {
            switch token {
            case .text(let part):
                stack[stack.count - 1].children.append(.text(String(part)))
            case .tag(let sigil, let name, let location):
                let located = Located(name, at: location)
                let path = name == "." ? [] : name.split(separator: ".").map(String.init)
                switch sigil {
                case "#"?, "^"?:
                    stack.append((located, path, sigil == "^", []))
                case "/"?:
                    if stack.count > 1, let open = stack.popLast(), let openName = open.name {
                        stack[stack.count - 1].children.append(.section(openName, path: open.path, inverted: open.inverted, children: open.children))
                    }
                case "!"?, "%"?:
                    break
                case ">"?, "<"?, "="?, "$"?:
                    unsupported.append(Located(String(sigil ?? " ") + name, at: location))
                default:
                    stack[stack.count - 1].children.append(.variable(located, path: path))
                }
            }
        }
        nodes = stack.first?.children ?? []
        self.unsupported = unsupported
    }

    /// One line's text and tags; `{{{name}}}` and `{{& name}}` are variables like `{{name}}` (nothing is escaped).
    private static func tokens(in line: Substring, line number: Int, file: String, shift: Int) -> [Token] {
        var result: [Token] = []
        var rest = line
        var column = 1
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { result.append(.text(rest[rest.startIndex..<open.lowerBound])) }
            column += rest.distance(from: rest.startIndex, to: open.lowerBound)
            let triple = rest[open.upperBound...].hasPrefix("{")
            let closer = triple ? "}}}" : "}}"
            guard let close = rest.range(of: closer, range: open.upperBound..<rest.endIndex) else {
                result.append(.text(rest[open.lowerBound...]))
                return result
            }
            let inner = rest[(triple ? rest.index(after: open.upperBound) : open.upperBound)..<close.lowerBound]
            let location = SourceLocation(file: file, line: number, column: max(1, column - shift))
            let trimmed = inner.trimmingCharacters(in: .whitespaces)
            if !triple, let first = trimmed.first, "#^/!%&><=$".contains(first) {
                let name = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
                result.append(.tag(sigil: first == "&" ? nil : first, name: name, location: location))
            } else {
                result.append(.tag(sigil: nil, name: trimmed, location: location))
            }
            column += rest.distance(from: open.lowerBound, to: close.upperBound)
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { result.append(.text(rest)) }
        return result
    }

    /// What a section puts in scope: a context's names, or one text as `{{.}}`.
    enum Frame {
        case context(any TemplateContext)
        case text(String)
    }

    /// Renders with `contexts` in scope, the last innermost.
    func render(_ contexts: [any TemplateContext]) -> String {
        var output = ""
        var stack = contexts.map(Frame.context)
        Self.render(nodes, stack: &stack, into: &output)
        return output
    }

    private static func render(_ nodes: [Node], stack: inout [Frame], into output: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .variable(_, let path):
                switch lookup(path, in: stack) {
                case .text(let text?)?: output += text
                case .number(let number)?: output += String(number)
                case .flag(let flag)?: output += flag ? "true" : "false"
                default: break
                }
            case .section(_, let path, let inverted, let children):
                let value = lookup(path, in: stack)
                if inverted {
                    if isFalsy(value) { render(children, stack: &stack, into: &output) }
                    continue
                }
                switch value {
                case nil, .flag(false)?, .text(nil)?, .optional(nil)?: break
                case .flag(true)?: render(children, stack: &stack, into: &output)
                case .text(let text?)?: if !text.isEmpty { renderPushing(.text(text), children, stack: &stack, into: &output) }
                case .number(let number)?: renderPushing(.text(String(number)), children, stack: &stack, into: &output)
                case .texts(let texts)?: for text in texts { renderPushing(.text(text), children, stack: &stack, into: &output) }
                case .list(let items)?: for item in items { renderPushing(.context(item), children, stack: &stack, into: &output) }
                case .optional(let item?)?: renderPushing(.context(item), children, stack: &stack, into: &output)
                }
            }
        }
    }

    private static func renderPushing(_ frame: Frame, _ nodes: [Node], stack: inout [Frame], into output: inout String) {
        stack.append(frame)
        render(nodes, stack: &stack, into: &output)
        stack.removeLast()
    }

    /// `.` is the innermost value; `a.b` finds `a` in the innermost context that has it, then `b` inside it.
    static func lookup(_ path: [String], in stack: [Frame]) -> TemplateValue? {
        guard let first = path.first else {
            switch stack.last {
            case .context(let context)?: return .optional(context)
            case .text(let text)?: return .text(text)
            case nil: return nil
            }
        }
        for frame in stack.reversed() {
            guard case .context(let context) = frame, var value = context.templateValue(first) else { continue }
            for part in path.dropFirst() {
                guard case .optional(let inner?) = value, let next = inner.templateValue(part) else { return nil }
                value = next
            }
            return value
        }
        return nil
    }

    static func isFalsy(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .flag(false)?, .text(nil)?, .optional(nil)?: true
        case .text(let text?)?: text.isEmpty
        case .texts(let texts)?: texts.isEmpty
        case .list(let items)?: items.isEmpty
        case .flag(true)?, .number?, .optional(_?)?: false
        }
    }
}
