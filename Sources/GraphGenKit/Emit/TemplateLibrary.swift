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
            entries[name] = Entry(name: name, file: shownAs, text: text, template: template)
        } catch let error as MustacheTemplate.ParserError {
            let column = error.context.lineNumber == 1 ? max(1, error.context.columnNumber - 24) : error.context.columnNumber
            collector.add(.error("template syntax: \(error.error)", at: SourceLocation(file: shownAs, line: error.context.lineNumber, column: column), rule: "template-syntax"))
        } catch let error as DiagnosticError {
            collector.add(contentsOf: error.diagnostics)
        } catch {
            collector.add(.error("cannot load template: \(error)", at: SourceLocation(file: shownAs, line: 1), rule: "template-syntax"))
        }
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
        let known = TemplateKeys.keys(in: context)
        let missing = TemplateKeys.references(in: entry.text, file: entry.file).filter { !known.contains($0.value) }
        if !missing.isEmpty {
            throw DiagnosticError(missing.map { reference in
                .error("template uses '\(reference.value)', which its context does not have (it has: \(known.sorted().joined(separator: ", ")))", at: reference.location, rule: "template-key")
            })
        }
        return entry.template.render(context)
    }
}

/// The names a template refers to, and the keys a context provides.
enum TemplateKeys {
    static func keys(in value: Any) -> Set<String> {
        var result: Set<String> = []
        if let dictionary = value as? [String: Any] {
            for (key, child) in dictionary {
                result.insert(key)
                result.formUnion(keys(in: child))
            }
        } else if let array = value as? [Any] {
            for child in array { result.formUnion(keys(in: child)) }
        }
        return result
    }

    /// Every variable or section name in `{{…}}` tags, with its place.
    static func references(in text: String, file: String) -> [Located<String>] {
        var result: [Located<String>] = []
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{"), let close = text.range(of: "}}", range: text.index(index, offsetBy: 2)..<text.endIndex) {
                var inner = text[text.index(index, offsetBy: 2)..<close.lowerBound]
                let location = SourceLocation(file: file, line: line, column: column)
                if let sigil = inner.first, "!>%=<$".contains(sigil) {
                    // Comments, partials, pragmas, delimiters and blocks name no context key.
                } else {
                    inner = inner.drop { "#^/&{".contains($0) }
                    var name = inner.trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "}"))
                    if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
                        name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
                    }
                    for part in name.split(separator: ".") where !part.isEmpty {
                        result.append(Located(String(part), at: location))
                    }
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
        return result
    }
}
