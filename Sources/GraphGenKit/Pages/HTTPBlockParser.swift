/// Reads the text of an ```http block: a request or status line, headers, and an optional JSON body.
enum HTTPBlockParser {
    static let knownVersions: Set<String> = ["beta", "v1.0"]

    /// Graph's `beta` and `v1.0`, and the `v2`, `v1.1` style of APIs documented the same way.
    static func isVersionSegment(_ segment: String) -> Bool {
        if knownVersions.contains(segment) { return true }
        let rest = segment.dropFirst()
        return segment.first == "v" && rest.first?.isASCII == true && rest.first?.isNumber == true
            && rest.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." }
    }

    /// The words of a request line, with spaces inside `{…}` taken out first: Graph writes a key that can be given two
    /// ways as `{id | userPrincipalName}`.
    static func requestWords(_ line: String) -> [String] {
        var collapsed = ""
        var depth = 0
        for character in line {
            if character == "{" { depth += 1 } else if character == "}" { depth = max(0, depth - 1) }
            if depth > 0 && (character == " " || character == "\t") { continue }
            collapsed.append(character)
        }
        return collapsed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    enum Parsed {
        case request(ExampleRequest)
        case response(ExampleResponse)
    }

    static func parse(_ code: PageCode, diagnostics: inout DiagnosticCollector) throws -> Parsed? {
        // Lines are split off as they are read, up to the body's first: the body is the rest of the text as it stands.
        var cursor = LineCursor(code.text)
        var lines: [Substring] = []
        while let line = cursor.next() {
            lines.append(line)
            if !line.trimmed.isEmpty { break }
        }
        guard let first = lines.indices.last, !lines[first].trimmed.isEmpty else { return nil }
        let file = code.location.file
        func location(_ index: Int) -> SourceLocation {
            let indent = lines[index].prefix { $0 == " " || $0 == "\t" }.count
            return SourceLocation(file: file, line: code.location.line + index, column: indent + 1)
        }
        var headers: [HeaderRow] = []
        var bodyStart: Int?
        var pastHeaders = false
        while let raw = cursor.next() {
            lines.append(raw)
            let index = lines.count - 1
            let line = raw.trimmed
            if line.isEmpty {
                pastHeaders = !headers.isEmpty || pastHeaders
                continue
            }
            // A body of another media type (text/csv, text/plain, an image) is the page's to show, not JSON to check.
            if pastHeaders, let type = headers.last(where: { $0.name.lowercased() == "content-type" })?.value.lowercased(), !type.contains("json") {
                break
            }
            if let first = line.first, first == "{" || first == "[" {
                bodyStart = index
                break
            }
            if let colon = line.firstIndex(of: ":"), !line[..<colon].contains(" "), colon != line.startIndex {
                headers.append(HeaderRow(name: String(line[..<colon]), value: line[line.index(after: colon)...].trimmed, location: location(index)))
            } else {
                diagnostics.add(.warning("line in HTTP example is neither a header nor a JSON body: '\(line)'", at: location(index), rule: "example-syntax"))
            }
        }
        var body: JSONNode?
        var bodyText: String?
        if let bodyStart {
            let text = code.text[lines[bodyStart].startIndex...].trimmed
            bodyText = text
            let start = location(bodyStart)
            var parser = JSONParser(text, file: file, startLine: start.line, startColumn: start.column, lenient: true)
            body = try parser.parseDocument()
            diagnostics.add(contentsOf: parser.relaxations)
        }
        let startLine = lines[first].trimmed
        let isStatus = Self.isStatusLine(startLine)
        let words = isStatus ? startLine.split(separator: " ").map(String.init) : requestWords(startLine)
        if isStatus {
            if !startLine.hasPrefix("HTTP/") {
                diagnostics.add(.warning("status line '\(startLine)' lacks the HTTP version ('HTTP/1.1 …'); read as a response", at: location(first), rule: "example-syntax"))
            }
            guard words.count >= 2, let status = Int(words[1]) else {
                throw DiagnosticError(.error("status line '\(startLine)' has no status code", at: location(first), rule: "example-syntax"))
            }
            return .response(ExampleResponse(
                statusCode: status, reason: words.dropFirst(2).joined(separator: " "), headers: headers,
                body: body, bodyText: bodyText, annotation: code.annotation, location: location(first)))
        }
        guard words.count >= 2 else {
            throw DiagnosticError(.error("request line '\(startLine)' needs a method and a URL", at: location(first), rule: "example-syntax"))
        }
        let target = splitURL(words[1])
        return .request(ExampleRequest(
            method: words[0].uppercased(), url: words[1], version: target.version, path: PathTemplate(parsing: target.path),
            query: target.query, headers: headers, body: body, bodyText: bodyText, annotation: code.annotation,
            location: location(first)))
    }

    /// `HTTP/1.1 201 Created`, and `HTTP 201 Created` as pages sometimes write it.
    static func isStatusLine(_ line: String) -> Bool {
        if line.hasPrefix("HTTP/") { return true }
        let words = line.split(separator: " ", maxSplits: 2)
        return words.count >= 2 && words[0] == "HTTP" && Int(words[1]) != nil
    }

    /// `https://host/beta/a/b?x` → version "beta", path "/a/b", query "x".
    static func splitURL(_ url: String) -> (version: String?, path: String, query: String?) {
        var rest = Substring(url)
        // Only a scheme at the start: a URL inside the query (`$ref?$id=https://…/users/1`) is not the target.
        if let scheme = rest.range(of: "://"), !rest[..<scheme.lowerBound].contains(where: { $0 == "/" || $0 == "?" }) {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? ""
        }
        var query: String?
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        var segments = rest.split(separator: "/").map(String.init)
        var version: String?
        if let head = segments.first, isVersionSegment(head) {
            version = head
            segments.removeFirst()
        }
        return (version, "/" + segments.joined(separator: "/"), query)
    }
}
