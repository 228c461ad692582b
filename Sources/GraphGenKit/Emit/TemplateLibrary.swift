import Foundation
import GraphGenTemplates
import Mustache

/// The templates in use: the built-in set, with any of them replaced by files of the same name from an override folder.
public struct TemplateLibrary: Sendable {
    struct Entry: Sendable {
        var name: String
        var file: String
        var text: String
        var template: MustacheTemplate
        /// The template's tags, parsed once, for the missing-key check.
        var tags: [TemplateKeys.Node]
    }

    private var entries: [String: Entry] = [:]

    public var names: [String] { entries.keys.sorted() }

    /// - Parameter overrides: a folder whose `*.mustache` files replace built-in ones by relative path.
    public init(overrides: String? = nil) throws {
        guard let builtin = GraphGenTemplates.folder else {
            throw DiagnosticError(.error("the built-in templates are missing (the GraphGen resource bundle was not found)", at: nil, rule: "template-missing"))
        }
        var collector = DiagnosticCollector()
        for (name, path) in try Self.templateFiles(in: builtin.path) {
            load(name: name, path: path, shownAs: "templates/swift/\(name).mustache", into: &collector)
        }
        if let overrides {
            for (name, path) in try Self.templateFiles(in: overrides) {
                load(name: name, path: path, shownAs: DisplayPath.of(path), into: &collector)
            }
        }
        try collector.throwIfErrors()
    }

    private mutating func load(name: String, path: String, shownAs: String, into collector: inout DiagnosticCollector) {
        do {
            let text = try InputFile.readText(path, displayPath: shownAs)
            // Text content type: Swift must not be HTML-escaped. Prepended on line 1 so line numbers stay true.
            let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
            entries[name] = Entry(name: name, file: shownAs, text: text, template: template, tags: TemplateKeys.parse(text, file: shownAs))
        } catch let error as MustacheTemplate.ParserError {
            let column = error.context.lineNumber == 1 ? max(1, error.context.columnNumber - 24) : error.context.columnNumber
            collector.add(.error("template syntax: \(error.error)", at: SourceLocation(file: shownAs, line: error.context.lineNumber, column: column), rule: "template-syntax"))
        } catch let error as DiagnosticError {
            collector.add(contentsOf: error.diagnostics)
        } catch {
            collector.add(.error("cannot load template: \(error)", at: SourceLocation(file: shownAs, line: 1), rule: "template-syntax"))
        }
    }

    /// Every template file a library with these overrides reads: built-in ones, then the overrides.
    public static func files(overrides: String?) throws -> [String] {
        let builtin = try GraphGenTemplates.folder.map { try templateFiles(in: $0.path).map(\.1) } ?? []
        return try builtin + (overrides.map { try templateFiles(in: $0).map(\.1) } ?? [])
    }

    /// `*.mustache` files under a folder, by relative path without the extension.
    static func templateFiles(in folder: String) throws -> [(String, String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
              let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw DiagnosticError(.error("template folder does not exist", at: SourceLocation(file: DisplayPath.of(folder), line: 1), rule: "template-missing"))
        }
        var result: [(String, String)] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".mustache") else { continue }
            result.append((String(relative.dropLast(".mustache".count)), (folder as NSString).appendingPathComponent(relative)))
        }
        return result.sorted { $0.0 < $1.0 }
    }

    /// The texts of the templates, for `graphgen templates dump`.
    public func sources() -> [(name: String, text: String)] {
        names.compactMap { name in entries[name].map { (name, $0.text) } }
    }

    public func hasTemplate(_ name: String) -> Bool { entries[name] != nil }

    /// Renders `name` with `context`; a key the template uses that the context lacks is an error at the template's line.
    public func render(_ name: String, context: [String: Any]) throws -> String {
        guard let entry = entries[name] else {
            throw DiagnosticError(.error("no template named '\(name)' (have: \(names.joined(separator: ", ")))", at: nil, rule: "template-missing"))
        }
        let missing = TemplateKeys.missing(in: entry.tags, context: context)
        if !missing.isEmpty {
            throw DiagnosticError(missing.map { reference in
                .error("template uses '\(reference.name.value)', which its context does not have (it has: \(reference.available.joined(separator: ", ")))", at: reference.name.location, rule: "template-key")
            })
        }
        return entry.template.render(context)
    }
}

/// Checks a template's names against the context it is rendered with, the way Mustache looks them up:
/// a section's inner names are checked against each item it would render, and not at all when it renders nothing.
enum TemplateKeys {
    struct Missing {
        var name: Located<String>
        var available: [String]
    }

    indirect enum Node: Sendable {
        case variable(Located<String>)
        case section(Located<String>, inverted: Bool, children: [Node])
    }

    static func missing(in tags: [Node], context: [String: Any]) -> [Missing] {
        var result: [Missing] = []
        check(tags, stack: [context], into: &result)
        return result
    }

    private static func lookup(_ name: String, in stack: [Any]) -> (found: Bool, value: Any?) {
        if name == "." { return (true, stack.last) }
        let parts = name.split(separator: ".").map(String.init)
        for frame in stack.reversed() {
            guard let dictionary = frame as? [String: Any], var value = dictionary[parts[0]] else { continue }
            for part in parts.dropFirst() {
                guard let next = (value as? [String: Any])?[part] else { return (false, nil) }
                value = next
            }
            return (true, value)
        }
        return (false, nil)
    }

    private static func available(_ stack: [Any]) -> [String] {
        Set(stack.compactMap { $0 as? [String: Any] }.flatMap(\.keys)).sorted()
    }

    private static func check(_ nodes: [Node], stack: [Any], into result: inout [Missing]) {
        for node in nodes {
            switch node {
            case .variable(let name):
                if !lookup(name.value, in: stack).found { result.append(Missing(name: name, available: available(stack))) }
            case .section(let name, let inverted, let children):
                let (found, value) = lookup(name.value, in: stack)
                guard found else {
                    result.append(Missing(name: name, available: available(stack)))
                    continue
                }
                if inverted {
                    if isFalsy(value) { check(children, stack: stack, into: &result) }
                } else if let items = value as? [Any] {
                    for item in items { check(children, stack: stack + [item], into: &result) }
                } else if let dictionary = value as? [String: Any] {
                    check(children, stack: stack + [dictionary], into: &result)
                } else if !isFalsy(value) {
                    check(children, stack: stack, into: &result)
                }
            }
        }
    }

    private static func isFalsy(_ value: Any?) -> Bool {
        switch value {
        case nil: true
        case let flag as Bool: !flag
        case let items as [Any]: items.isEmpty
        case let text as String: text.isEmpty
        default: false
        }
    }

    /// Tags as a tree: `{{#x}}…{{/x}}` and `{{^x}}…{{/x}}` nest; comments, partials and pragmas name no key.
    static func parse(_ text: String, file: String) -> [Node] {
        var stack: [(name: Located<String>?, inverted: Bool, children: [Node])] = [(nil, false, [])]
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{"), let close = text.range(of: "}}", range: text.index(index, offsetBy: 2)..<text.endIndex) {
                let inner = text[text.index(index, offsetBy: 2)..<close.lowerBound]
                let location = SourceLocation(file: file, line: line, column: column)
                let sigil = inner.first ?? " "
                let name = inner.drop { "#^/&{".contains($0) }.trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "}"))
                switch sigil {
                case "!", ">", "%", "=", "<", "$":
                    break
                case "#", "^":
                    stack.append((Located(name, at: location), sigil == "^", []))
                case "/":
                    if stack.count > 1, let open = stack.popLast(), let openName = open.name {
                        stack[stack.count - 1].children.append(.section(openName, inverted: open.inverted, children: open.children))
                    }
                default:
                    stack[stack.count - 1].children.append(.variable(Located(name, at: location)))
                }
                let end = text[close.upperBound...].hasPrefix("}") ? text.index(after: close.upperBound) : close.upperBound
                for character in text[index..<end] {
                    if character == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                index = end
                continue
            }
            if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return stack.first?.children ?? []
    }
}
