import Foundation
import GraphGenTemplates
import Mustache

/// The templates in use: the built-in set, with any of them replaced by files of the same name from an override folder.
public struct TemplateLibrary: Sendable {
    struct Entry: Sendable {
        var name: String
        var file: String
        var text: String
        var compiled: CompiledTemplate
    }

    private var entries: [String: Entry] = [:]
    /// Put before each template on line 1: its output is Swift, never HTML-escaped.
    private static let textPragma = "{{% CONTENT_TYPE: TEXT}}"

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
            // swift-mustache checks the syntax and locates errors; rendering uses the compiled tree. The pragma keeps
            // both the same as before the renderer was compiled: on line 1, it makes that line hold two tags.
            let marked = Self.textPragma + text
            _ = try MustacheTemplate(string: marked)
            let compiled = CompiledTemplate(marked, file: shownAs, prefixLength: Self.textPragma.count)
            for tag in compiled.unsupported {
                collector.add(.error("template syntax: '{{\(tag.value)}}' is not supported (partials, delimiter changes and inheritance are not)", at: tag.location, rule: "template-syntax"))
            }
            entries[name] = Entry(name: name, file: shownAs, text: text, compiled: compiled)
        } catch let error as MustacheTemplate.ParserError {
            let column = error.context.lineNumber == 1 ? max(1, error.context.columnNumber - Self.textPragma.count) : error.context.columnNumber
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
        let missing = TemplateKeys.missing(in: entry.compiled.nodes, context: context)
        if !missing.isEmpty {
            throw DiagnosticError(missing.map { reference in
                .error("template uses '\(reference.name.value)', which its context does not have (it has: \(reference.available.joined(separator: ", ")))", at: reference.name.location, rule: "template-key")
            })
        }
        return entry.compiled.render(context)
    }
}

/// Checks a template's names against the context it is rendered with, the way rendering looks them up:
/// a section's inner names are checked against each item it would render, and not at all when it renders nothing.
enum TemplateKeys {
    struct Missing {
        var name: Located<String>
        var available: [String]
    }

    static func missing(in nodes: [CompiledTemplate.Node], context: [String: Any]) -> [Missing] {
        var result: [Missing] = []
        check(nodes, stack: [context], into: &result)
        return result
    }

    private static func available(_ stack: [Any]) -> [String] {
        Set(stack.compactMap { $0 as? [String: Any] }.flatMap(\.keys)).sorted()
    }

    private static func check(_ nodes: [CompiledTemplate.Node], stack: [Any], into result: inout [Missing]) {
        for node in nodes {
            switch node {
            case .text:
                break
            case .variable(let name, let path):
                if CompiledTemplate.lookup(path, in: stack) == nil { result.append(Missing(name: name, available: available(stack))) }
            case .section(let name, let path, let inverted, let children):
                guard let value = CompiledTemplate.lookup(path, in: stack) else {
                    result.append(Missing(name: name, available: available(stack)))
                    continue
                }
                if inverted {
                    if CompiledTemplate.isFalsy(value) { check(children, stack: stack, into: &result) }
                } else if let dictionary = value as? [String: Any] {
                    check(children, stack: stack + [dictionary], into: &result)
                } else if let items = value as? [Any] {
                    for item in items { check(children, stack: stack + [item], into: &result) }
                } else if !CompiledTemplate.isFalsy(value) {
                    check(children, stack: stack + (value is Bool ? [] : [value]), into: &result)
                }
            }
        }
    }
}
