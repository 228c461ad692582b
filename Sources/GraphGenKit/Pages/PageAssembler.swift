/// Reads the meaning of a reference page out of its sections: permissions, HTTP requests, tables, examples.
public enum PageAssembler {
    /// Ends the message of a block left out of a page.
    public static let blockLeftOut = "; the block is left out"

    public static func assemble(_ document: PageDocument) throws -> (page: APIPage, diagnostics: [Diagnostic]) {
        var diagnostics = DiagnosticCollector()
        diagnostics.add(contentsOf: document.warnings)
        var assembler = Assembly(document: document)
        try assembler.run(diagnostics: &diagnostics)
        try diagnostics.throwIfErrors()
        return (assembler.page, diagnostics.diagnostics)
    }
}

private enum SectionRole: Hashable {
    case preamble, permissions, httpRequest, requestHeaders, requestBody, response, examples
    case properties, relationships, members, representation, other

    init(heading: String, level: Int, inExamples: Bool) {
        var name = heading.lowercased()
        // "HTTP request (to replace an existing item)": a qualifier in parentheses does not change the section's role.
        if name.hasSuffix(")"), let open = name.lastIndex(of: "("), open != name.startIndex {
            name = name[..<open].trimmed
        }
        if inExamples && level > 2 { self = .examples; return }
        switch name {
        case "": self = .preamble
        case "permissions", "prerequisites": self = .permissions
        case "http request": self = .httpRequest
        case "request headers": self = .requestHeaders
        case "request body": self = .requestBody
        case "response": self = .response
        case _ where name.hasPrefix("example"): self = .examples
        case "properties": self = .properties
        case "relationships": self = .relationships
        case "members": self = .members
        case "json representation": self = .representation
        default: self = .other
        }
    }
}

private struct Assembly {
    let document: PageDocument
    var page: APIPage

    init(document: PageDocument) {
        self.document = document
        self.page = APIPage(
            file: document.file, format: document.format, kind: .unknown, title: document.title,
            frontMatter: document.frontMatter, summary: nil, baseType: nil, operationKind: nil, permissions: [], httpRequests: [],
            requestHeaders: [], requestBodyType: nil, properties: [], relationships: [], enumMembers: [], response: nil,
            examples: [], representation: nil, suppressions: [])
    }

    private var file: String { document.file }

    mutating func run(diagnostics: inout DiagnosticCollector) throws {
        var roles: Set<SectionRole> = []
        var inExamples = false
        var parent: (role: SectionRole, level: Int)?
        for section in document.sections {
            var role = SectionRole(heading: section.heading.value, level: section.level, inExamples: inExamples)
            // "### Get the photo" under "## HTTP request" is part of it; the same for property and member tables, except
            // a sub-heading about another subject's properties ("### Properties of a policy definition").
            if role == .other, let parent, section.level > parent.level,
               [.httpRequest, .properties, .relationships, .members, .requestBody].contains(parent.role),
               !section.heading.value.lowercased().hasPrefix("properties of ") {
                role = parent.role
            } else if parent == nil || section.level <= parent?.level ?? 0 || role != .other {
                parent = (role, section.level)
            }
            if role == .examples { inExamples = true }
            if inExamples, role == .response || role == .other, section.level > 2 { role = .examples }
            roles.insert(role)
            for block in section.blocks {
                // A block GraphGen cannot read (an example that is not JSON even read leniently) is left out with a
                // warning; the rest of the page still counts.
                do {
                    try read(block, role: role, diagnostics: &diagnostics)
                } catch let error as DiagnosticError {
                    for problem in error.diagnostics {
                        diagnostics.add(.warning(problem.message + PageAssembler.blockLeftOut, at: problem.location, rule: problem.ruleID))
                    }
                }
            }
        }
        page.kind = kind(roles: roles)
        page.operationKind = operationKind()
        try requireSections(diagnostics: &diagnostics)
    }

    private func kind(roles: Set<SectionRole>) -> APIPage.Kind {
        let docType = document.frontMatter.first { $0.key == "doc_type" }?.value ?? ""
        if roles.contains(.httpRequest) || docType == "apiPageType" { return .operation }
        if roles.contains(.members) || docType == "enumPageType" { return .enumeration }
        if roles.contains(.properties) || roles.contains(.representation) || docType == "resourcePageType" { return .resource }
        return .unknown
    }

    private func requireSections(diagnostics: inout DiagnosticCollector) throws {
        let start = document.title?.location ?? SourceLocation(file: file, line: 1)
        switch page.kind {
        case .operation where page.httpRequests.isEmpty:
            throw DiagnosticError(.error("API page has no HTTP request section with a request line", at: start, rule: "page-sections"))
        case .unknown:
            throw DiagnosticError(.error("page has none of the sections a reference page has (HTTP request, Properties, Members)", at: start, rule: "page-sections"))
        default:
            break
        }
    }

    private mutating func read(_ block: PageBlock, role: SectionRole, diagnostics: inout DiagnosticCollector) throws {
        switch (role, block) {
        case (.preamble, .paragraph(let text)):
            if page.baseType == nil, let base = Self.baseType(in: text) { page.baseType = base }
            if text.text.hasPrefix("Inherits from ") || text.text.hasPrefix("Derived from ") {
                break
            } else if page.summary == nil, Self.isSummary(text.text) {
                page.summary = text
            }
        case (.permissions, .table(let table)):
            readPermissions(table)
        case (.httpRequest, .code(let code)):
            // Pages without an Examples heading put the example blocks under HTTP request; a block that
            // starts with a status line, or follows one, is an example, not the request syntax.
            if HTTPBlockParser.isStatusLine(code.text.trimmed) || !page.examples.isEmpty {
                try readExampleBlock(code, diagnostics: &diagnostics)
            } else if code.text.trimmed.isEmpty, code.info.lowercased().hasPrefix("http "), code.info.count > 5 {
                // "```http GET /education/schools" with nothing inside: the request line was written on the fence.
                var onFence = code
                onFence.text = String(code.info.dropFirst(5))
                readRequestLines(onFence, diagnostics: &diagnostics)
            } else {
                readRequestLines(code, diagnostics: &diagnostics)
            }
        case (.requestHeaders, .table(let table)):
            page.requestHeaders += table.rows.compactMap { row in
                guard let name = row.first, !name.text.isEmpty else { return nil }
                return HeaderRow(name: name.text, value: row.dropFirst().first?.text ?? "", location: name.location)
            }
        case (.requestBody, .paragraph(let text)):
            if page.requestBodyType == nil, let type = Self.namedType(in: text, after: ["representation of the", "representation for the", "representation of a", "representation of"]) {
                page.requestBodyType = type
            }
        case (.requestBody, .table(let table)), (.properties, .table(let table)):
            Self.append(propertyRows(table), to: &page.properties)
        case (.relationships, .table(let table)):
            Self.append(propertyRows(table), to: &page.relationships)
        case (.members, .table(let table)):
            page.enumMembers += table.rows.compactMap { row in
                guard let name = row.first, !name.text.isEmpty else { return nil }
                let value = row.count > 2 ? row[1].text : nil
                return EnumMemberRow(name: name.text, value: value?.isEmpty == true ? nil : value, description: row.last?.text ?? "", location: name.location)
            }
        case (.response, .paragraph(let text)):
            if page.response == nil { page.response = Self.responseSummary(text) }
        case (.examples, .code(let code)), (.response, .code(let code)):
            try readExampleBlock(code, diagnostics: &diagnostics)
        case (.representation, .code(let code)), (.properties, .code(let code)):
            if code.info.lowercased() == "json", page.representation == nil {
                // A block the page marks ignored is a fragment, not the representation, unless it reads as JSON.
                page.representation = code.annotation?.blockType == "ignored"
                    ? try? JSONParser.parse(code.text, file: file, startLine: code.location.line)
                    : try JSONParser.parse(code.text, file: file, startLine: code.location.line)
            }
            collectSuppressions(code.annotation)
        default:
            if case .code(let code) = block { collectSuppressions(code.annotation) }
        }
    }

    private mutating func collectSuppressions(_ annotation: Annotation?) {
        guard let annotation else { return }
        page.suppressions += annotation.suppressions.map { Located($0, at: annotation.location) }
    }

    private static func isSummary(_ text: String) -> Bool {
        let skipped = ["Namespace:", "Important:", "Note:", "[!INCLUDE", "> "]
        return !text.isEmpty && !skipped.contains { text.hasPrefix($0) }
    }

    private mutating func readPermissions(_ table: PageTable) {
        for row in table.rows {
            guard let type = row.first, row.count >= 2 else { continue }
            let value = row[1].text
            var permission = PermissionRow(type: type.text, scopes: [], placeholder: nil, notSupported: false, location: row[1].location)
            if value.asciiCaseInsensitiveRange(of: "TODO") != nil || value.isEmpty {
                permission.placeholder = value
            } else if ["not supported", "not available", "not applicable"].contains(where: { value.lowercased().hasPrefix($0) })
                        || ["none", "none.", "n/a"].contains(value.lowercased()) {
                permission.notSupported = true
            } else {
                // Cells may group scopes by resource ("For **user** resource: User.Read, …"): only scope names count.
                var seen: Set<String> = []
                permission.scopes = value.split(whereSeparator: { ",; :".contains($0) }).map { String($0.hasSuffix(".") ? $0.dropLast() : $0) }
                    .filter { Self.isScopeName($0) && seen.insert($0).inserted }
                if permission.scopes.isEmpty { permission.placeholder = value }
            }
            page.permissions.append(permission)
        }
    }

    /// `User.Read.All`, `Sites.Selected`: dotted words; prose ("varies by context") is none.
    static func isScopeName(_ word: String) -> Bool {
        guard let first = word.first, first.isLetter, word.contains("."), !word.hasSuffix(".") else { return false }
        return word.allSatisfy { $0.isLetter || $0.isNumber || ".-_".contains($0) }
    }

    private mutating func readRequestLines(_ code: PageCode, diagnostics: inout DiagnosticCollector) {
        collectSuppressions(code.annotation)
        for (offset, raw) in code.text.lineSlices.enumerated() {
            let line = raw.trimmed
            if line.isEmpty { continue }
            let indent = raw.prefix { $0 == " " || $0 == "\t" }.count
            let location = SourceLocation(file: file, line: code.location.line + offset, column: indent + 1)
            let words = HTTPBlockParser.requestWords(line)
            guard words.count >= 2, RenderedTextPageReader.httpMethods.contains(words[0].uppercased()) else {
                diagnostics.add(.warning("line in the HTTP request section is not 'METHOD /path': '\(line)'", at: location, rule: "request-syntax"))
                continue
            }
            let path = HTTPBlockParser.splitURL(words[1]).path
            page.httpRequests.append(HTTPRequestLine(method: words[0].uppercased(), path: PathTemplate(parsing: path), location: location))
        }
    }

    private mutating func readExampleBlock(_ code: PageCode, diagnostics: inout DiagnosticCollector) throws {
        collectSuppressions(code.annotation)
        guard code.info.lowercased().hasPrefix("http") else { return }
        let parsed: HTTPBlockParser.Parsed?
        if code.annotation?.blockType == "ignored" {
            // The page marks the block as no example (a body fragment, a syntax sketch): read it only when it is a
            // whole request or response.
            var unused = DiagnosticCollector()
            guard let block = try? HTTPBlockParser.parse(code, diagnostics: &unused), unused.diagnostics.isEmpty else { return }
            parsed = block
        } else {
            parsed = try HTTPBlockParser.parse(code, diagnostics: &diagnostics)
        }
        switch parsed {
        case .request(let request)?:
            page.examples.append(Example(index: page.examples.count + 1, request: request, response: nil))
        case .response(let response)?:
            if let last = page.examples.indices.last, page.examples[last].response == nil {
                page.examples[last].response = response
            } else {
                page.examples.append(Example(index: page.examples.count + 1, request: nil, response: response))
            }
        case nil:
            break
        }
    }

    /// A page's table can hold hundreds of thousands of rows: the rows are made into an array of their exact
    /// size, never grown by doubling or copied onto an empty one.
    private func propertyRows(_ table: PageTable) -> [PropertyRow] {
        let names = table.headerNames
        // The first column names the property; a table whose first column is the type lists types ("Derived types").
        guard let typeColumn = names.firstIndex(of: "type"), typeColumn > 0 else { return [] }
        let descriptionColumn = names.firstIndex(of: "description")
        var properties: [PropertyRow] = []
        properties.reserveCapacity(table.rows.expectedCount)
        for row in table.rows {
            guard let name = row.first, !name.text.isEmpty, typeColumn < row.count else { continue }
            let typeCell = row[typeColumn]
            let description = descriptionColumn.flatMap { $0 < row.count ? row[$0].text : nil } ?? ""
            // A row with nothing but its first cell is a label (`**Onboarding**`) or the tail of a row broken across
            // lines, not a property.
            if typeCell.text.isEmpty, description.isEmpty { continue }
            properties.append(PropertyRow(
                name: name.text, type: typeCell.text, typeLink: typeCell.links.first?.target,
                description: description, possibleValues: Self.possibleValues(in: description),
                location: name.location, typeLocation: typeCell.location))
        }
        return properties
    }

    private static func append<Row>(_ rows: [Row], to list: inout [Row]) {
        if list.isEmpty { list = rows } else { list += rows }
    }

    /// Members listed as "Possible values are: a, b, and c." (or "`a` and `b`", "a or b") in either form of a page:
    /// words joined by commas, "and" and "or", up to the first word followed by anything else.
    static func possibleValues(in description: String) -> [String] {
        guard let marker = description.asciiCaseInsensitiveRange(of: "possible values are") else { return [] }
        var rest = description[marker.upperBound...].drop { $0 == ":" || $0 == " " }
        var values: [String] = []
        while true {
            let token = wordPrefix(of: String(rest))
            guard !token.isEmpty else { break }
            values.append(String(token))
            rest = rest.dropFirst(token.count)
            // What joins this word to the next: ",", "and", "or", ", and", ", or"; anything else ends the list.
            var joined = rest.drop { $0 == " " }
            var joiner = false
            if joined.first == "," {
                joined = joined.dropFirst().drop { $0 == " " }
                joiner = true
            }
            for word in ["and ", "or "] where joined.hasPrefix(word) {
                joined = joined.dropFirst(word.count).drop { $0 == " " }
                joiner = true
            }
            guard joiner else { break }
            rest = joined
        }
        return values
    }

    /// The leading letters, digits and underscores of `text`; bytes while they are ASCII, Characters after.
    private static func wordPrefix(of text: String) -> Substring {
        let stop = text.utf8.firstIndex { !$0.isASCIIWordByte } ?? text.endIndex
        if stop == text.endIndex || text.utf8[stop] < 0x80 {
            return text[..<stop]
        }
        return text.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// The base a resource page states: "Inherits from [x]", "Derived from [x]", "The **y** resource is derived from
    /// [x]", "… inherits from [x] and adds …" — the word right after the phrase.
    static func baseType(in text: PageText) -> Located<String>? {
        for phrase in ["inherits from ", "derived from ", "derives from "] {
            guard let range = text.text.asciiCaseInsensitiveRange(of: phrase) else { continue }
            let word = text.text[range.upperBound...].drop { $0 == "[" || $0 == "*" || $0 == "`" }.prefix { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }
            let name = word.split(separator: ".").last.map(String.init) ?? ""
            if !name.isEmpty, name.first?.isLetter == true { return Located(name, at: text.location) }
        }
        return nil
    }

    /// The type a sentence names: its first link, or the word after one of `phrases`.
    static func namedType(in text: PageText, after phrases: [String]) -> Located<String>? {
        // `[!INCLUDE [name](../includes/x.md)]` pulls in shared text; its link names a snippet, not a type.
        guard !text.text.hasPrefix("[!INCLUDE") else { return nil }
        if let link = text.links.first(where: { !$0.target.hasPrefix("http") && !$0.target.hasPrefix("/") && !$0.target.contains("includes/") }) {
            return Located(link.text, at: text.location)
        }
        for phrase in phrases {
            if let range = text.text.asciiCaseInsensitiveRange(of: phrase + " ") {
                let word = text.text[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "." }
                if !word.isEmpty { return Located(String(word), at: text.location) }
            }
        }
        return nil
    }

    static func responseSummary(_ text: PageText) -> ResponseSummary? {
        let words = text.text.split(separator: " ")
        guard let statusIndex = words.firstIndex(where: { $0.count == 3 && Int($0) != nil && $0.first == "2" }) else { return nil }
        let status = Int(words[statusIndex])
        let isCollection = text.text.asciiCaseInsensitiveRange(of: "collection of") != nil
        let type = namedType(in: text, after: ["response code and a collection of", "response code and an updated", "response code and a", "response code and an", "response code and"])?.value
        return ResponseSummary(statusCode: status, typeName: type, isCollection: isCollection, location: text.location)
    }

    private func operationKind() -> Located<OperationKind>? {
        if let first = page.httpRequests.first {
            let last = first.path.segments.last
            let kind: OperationKind
            switch (first.method, last) {
            case ("POST", .literal("$ref")?): kind = .addReference
            case ("DELETE", .literal("$ref")?): kind = .removeReference
            case ("POST", _): kind = .create
            case ("PATCH", _), ("PUT", _): kind = .update
            case ("DELETE", _): kind = .delete
            case ("GET", .parameter?): kind = .get
            default: kind = .list
            }
            return Located(kind, at: first.location)
        }
        return nil
    }
}
