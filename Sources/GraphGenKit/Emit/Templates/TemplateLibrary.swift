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
        for entry in entries.values.sorted(by: { $0.name < $1.name }) {
            guard let contextType = TemplateBindings.contextType(of: entry.name) else {
                collector.add(.error("GraphGen renders no template named '\(entry.name)'; an override replaces a built-in template of the same name (or adds a file under runtime/)", at: SourceLocation(file: entry.file, line: 1), rule: "template-missing"))
                continue
            }
            for problem in TemplateKeys.problems(in: entry.compiled.nodes, contexts: [PackageContext.self, contextType]) {
                collector.add(.error(problem.message, at: problem.name.location, rule: "template-key"))
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

    /// Renders `template` with the package's settings and its context (whose names were checked against the
    /// context's type when the template was loaded).
    func render<Context>(_ template: TemplateName<Context>, package: PackageContext, _ context: Context) throws -> String {
        guard let entry = entries[template.name] else {
            throw DiagnosticError(.error("no template named '\(template.name)' (have: \(names.joined(separator: ", ")))", at: nil, rule: "template-missing"))
        }
        return entry.compiled.render([package, context])
    }
}

/// Checks every name a template uses against the context types it is rendered with, before anything is rendered:
/// a section's inner names against what the section puts in scope, whether or not a render would reach them.
enum TemplateKeys {
    struct Problem: Error {
        var name: Located<String>
        var message: String
    }

    private enum Scope {
        case context(any TemplateContext.Type)
        case text
    }

    static func problems(in nodes: [CompiledTemplate.Node], contexts: [any TemplateContext.Type]) -> [Problem] {
        var result: [Problem] = []
        check(nodes, scopes: contexts.map(Scope.context), into: &result)
        return result
    }

    private static func check(_ nodes: [CompiledTemplate.Node], scopes: [Scope], into result: inout [Problem]) {
        for node in nodes {
            switch node {
            case .text:
                break
            case .variable(let name, let path):
                switch resolve(path, name: name, in: scopes) {
                case .failure(let problem): result.append(problem)
                case .success(nil): break
                case .success(let shape?):
                    if !shape.isPrintable {
                        result.append(Problem(name: name, message: "template prints '\(name.value)', which holds a list or a group of names; use it as a section ({{#\(name.value)}}…{{/\(name.value)}})"))
                    }
                }
            case .section(let name, let path, let inverted, let children):
                switch resolve(path, name: name, in: scopes) {
                case .failure(let problem):
                    result.append(problem)
                case .success(let shape):
                    check(children, scopes: inverted ? scopes : scopes + inner(shape), into: &result)
                }
            }
        }
    }

    /// What a section over a value of this shape puts in scope (nil: `.`, the innermost scope, stays as it is).
    private static func inner(_ shape: TemplateShape?) -> [Scope] {
        switch shape {
        case nil, .flag?: []
        case .text?, .optionalText?, .number?, .texts?: [.text]
        case .list(let type)?, .optional(let type)?: [.context(type)]
        }
    }

    /// The shape a name resolves to; `.` resolves to nil when the innermost scope is text.
    private static func resolve(_ path: [String], name: Located<String>, in scopes: [Scope]) -> Result<TemplateShape?, Problem> {
        guard let first = path.first else {
            if case .text? = scopes.last { return .success(nil) }
            return .failure(Problem(name: name, message: "template uses '.', which is not a text here"))
        }
        for scope in scopes.reversed() {
            guard case .context(let type) = scope, var shape = type.templateShape(of: first) else { continue }
            for part in path.dropFirst() {
                guard case .optional(let innerType) = shape, let next = innerType.templateShape(of: part) else {
                    return .failure(Problem(name: name, message: "template uses '\(name.value)', which its context does not have"))
                }
                shape = next
            }
            return .success(shape)
        }
        let available = Set(scopes.flatMap { scope -> [String] in
            if case .context(let type) = scope { return type.templateFieldNames } else { return [] }
        }).sorted()
        return .failure(Problem(name: name, message: "template uses '\(name.value)', which its context does not have (it has: \(available.joined(separator: ", ")))"))
    }
}
