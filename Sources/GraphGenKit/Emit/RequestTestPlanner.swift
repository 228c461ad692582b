import Foundation

/// Turns every documented request example on a navigable path into a generated test that builds it through
/// the request builders and replays it against a loopback server answering with the documented response.
struct RequestTestPlanner {
    let model: APIModel
    let names: TypeNames
    private let walker: NavigationWalker
    private let conformance: ExampleConformance

    /// `conformance` is the model's index, when the caller has made one for other planners too.
    init(model: APIModel, names: TypeNames, conformance: ExampleConformance? = nil) {
        self.model = model
        self.names = names
        self.walker = model.navigation
        self.conformance = conformance ?? ExampleConformance(model: model)
    }

    /// The client's default base, `https://host/version`, and its path part, `/version`.
    var clientBase: String { "\(model.baseURL)/\(model.apiVersion)" }
    var basePath: String { URL(string: clientBase)?.path ?? "/\(model.apiVersion)" }

    /// The tests by type; their bodies go in `bodies`, shared with the example tests.
    func groups(bodies table: inout DocumentedBodyTable) -> [RequestTestsContext] {
        let examples = model.operations.filter(\.pathIsNavigable).flatMap { operation in operation.examples.map { (operation, $0) } }
        // Planning is independent per example and runs on every core; names and bodies are given out in example order.
        let planned = Parallel.map(examples) { operation, example -> (group: String, stem: String, test: RequestTestsContext.Test)? in
            // A path through a composable function's result or a cast needs more than properties and keys in the chain;
            // those are left untested.
            guard let request = example.request, case .success(let walk) = walker.walk(request.path), !walk.throughCall, !walk.throughCast,
                  walk.canonicalPath == operation.path, request.method == operation.method else { return nil }
            return (operation.subjectType.map(names.swift) ?? "Untyped",
                    "test_\(ExampleTestPlanner.fileStem(request.location.file))_example\(example.index)_request",
                    // A documented URL writes keys as they go on the wire; the key methods take them decoded.
                    plan(operation, request: request, response: example.response, keyValues: walk.keyValues.map { $0.removingPercentEncoding ?? $0 }))
        }
        var byType: [String: [RequestTestsContext.Test]] = [:]
        var functionNames = NameAllocator()
        for (index, entry) in planned.enumerated() {
            guard case let (group, stem, plannedTest)? = entry, let request = examples[index].1.request else { continue }
            var test = plannedTest
            test.functionName = functionNames.unique(stem, separator: "_")
            test.body = request.bodyText.map { table.reference($0, at: request.location, typeName: group) } ?? ""
            if let response = examples[index].1.response, let text = response.bodyText {
                test.response = table.reference(text, at: response.location, typeName: group)
            }
            byType[group, default: []].append(test)
        }
        return byType.keys.sorted().map { RequestTestsContext(typeName: $0, className: "", tests: byType[$0] ?? []) }
    }

    /// The builder expression for a path, with the example's key values.
    func builderChain(_ path: PathTemplate, keyValues: [String]) -> String {
        var chain = ""
        var keys = keyValues.makeIterator()
        var keyOf: [String: String] = [:]
        var callMember: String?
        if case .success(let walk) = walker.walk(path) {
            for parameter in walk.parameters { keyOf[parameter.name] = parameter.keyOf }
            callMember = walk.modelCall.map { names.calls[$0.key]?.member ?? $0.name }
        }
        for (index, segment) in path.segments.enumerated() {
            switch segment {
            case .literal("$ref"): chain += ".ref"
            case .literal where index == path.segments.count - 1 && callMember != nil: chain += "." + RequestBuilderPlanner.navigationProperty(callMember ?? "")
            case .literal(let name): chain += "." + RequestBuilderPlanner.navigationProperty(name)
            case .parameter(let name):
                let value = keys.next() ?? "{\(name)}"
                chain += ".\(RequestBuilderPlanner.keyMethod(keyOf[name] ?? name))(\"\(SwiftText.stringLiteralContent(value))\")"
            }
        }
        return chain
    }

    /// The path as the server sees it: decoded (`URL.path`) and percent-encoded (on the wire).
    private func expectedPaths(_ path: PathTemplate, keyValues: [String]) -> (decoded: String, raw: String) {
        var decoded = basePath, raw = basePath
        var keys = keyValues.makeIterator()
        for segment in path.segments {
            switch segment {
            case .literal(let name):
                decoded += "/" + name
                raw += "/" + name
            case .parameter(let name):
                let value = keys.next() ?? "{\(name)}"
                decoded += "/" + value
                raw += "/" + Self.percentEncoded(value)
            }
        }
        return (decoded, raw)
    }

    /// A function call's inline arguments (`preview(color='red',self=2)`) as a JSON object for its parameters struct,
    /// and the alias query the generated `FunctionParameters.aliases()` sends for them; nil when they are not plain
    /// literals of declared parameters (a placeholder such as `'{color}'`, an unknown name, a value of the wrong type).
    func inlineArguments(_ path: PathTemplate, parameters: [CallParameter], owner: String) -> (json: String, query: String)? {
        guard case .literal(let segment)? = path.segments.last, let open = segment.firstIndex(of: "("), segment.hasSuffix(")") else { return nil }
        guard let arguments = CallArguments.parse(segment[segment.index(after: open)..<segment.index(before: segment.endIndex)]) else { return nil }
        var members: [String] = []
        var query: [(String, String)] = []
        for (name, literal) in arguments {
            let json: String
            if literal.count >= 2, literal.hasPrefix("'"), literal.hasSuffix("'") {
                let text = String(literal.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
                guard !(text.hasPrefix("{") && text.hasSuffix("}")) else { return nil }
                json = JSONValue.quote(text)
                query.append((name, "'" + text.replacingOccurrences(of: "'", with: "''") + "'"))
            } else if literal == "true" || literal == "false" {
                json = literal
                query.append((name, literal))
            } else if let integer = Int64(literal) {
                json = literal
                query.append((name, String(integer)))
            } else if let number = Double(literal), number.isFinite {
                json = literal
                query.append((name, String(number)))
            } else {
                return nil
            }
            members.append("\(JSONValue.quote(name)):\(json)")
        }
        let json = "{" + members.joined(separator: ",") + "}"
        guard let node = try? JSONParser.parse(json, file: "arguments", startLine: 1),
              !conformance.check(node, parameters: parameters, owner: owner).contains(where: ExampleTestPlanner.losesData) else { return nil }
        let kept = Set("$,'():".utf8)
        let encoded = query.sorted { $0.0 < $1.0 }.map { "@" + $0.0 + "=" + Self.percentEncoded($0.1, keeping: kept) }
        return (json, encoded.joined(separator: "&"))
    }

    /// The same rule as the generated `RequestPath.appending(key:)`.
    static func percentEncoded(_ value: String, keeping kept: Set<UInt8> = []) -> String {
        var out = ""
        for byte in value.utf8 {
            let character = Character(UnicodeScalar(byte))
            if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || "-._~".contains(character) || kept.contains(byte) {
                out.append(character)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    private func decodes(_ body: JSONNode?, as entity: String?) -> Bool {
        guard let body, let entity else { return true }
        return !conformance.check(body, entity: entity).contains(where: \.breaksDecoding)
    }

    /// A test without its function name, which is given out in example order once every example is planned.
    private func plan(_ operation: ModelOperation, request: ModelExample.Request, response: ModelExample.Response?, keyValues: [String]) -> RequestTestsContext.Test {
        let target = operation.target.map(names.swift) ?? "JSONValue"
        let verb = operation.method.lowercased()
        let paths = expectedPaths(operation.path, keyValues: keyValues)
        let chain = builderChain(operation.path, keyValues: keyValues)
        let status = response?.statusCode ?? operation.status ?? 200
        let hasRequestBody = request.bodyText != nil
        let responseText = response?.bodyText

        let isReference = operation.kind == .addReference
        let call = operation.call
        let parametersType = call.flatMap { names.calls[$0.key]?.parameters }
        // A function's documented URL writes its parameters inline (`f(period='D7')`); the builder sends them as aliases.
        let functionArguments = call.flatMap { call in
            call.kind == .function ? inlineArguments(request.path, parameters: call.parameters, owner: call.name) : nil
        }
        let requestTyped: Bool
        switch operation.kind {
        case .action?, .function?:
            if let call, let body = request.body, call.kind == .action, parametersType != nil {
                requestTyped = !conformance.check(body, parameters: call.parameters, owner: call.name).contains(where: ExampleTestPlanner.losesData)
            } else if call?.kind == .function, parametersType != nil {
                requestTyped = functionArguments != nil
            } else {
                requestTyped = !hasRequestBody && parametersType == nil
            }
        case .create?, .update?: requestTyped = hasRequestBody && decodes(request.body, as: operation.target)
        case .addReference?: requestTyped = request.body?.members?.map(\.key) == ["@odata.id"]
        default: requestTyped = !hasRequestBody
        }
        // Documented to answer 204: the builder method returns nothing, and the example shows no body.
        let answersNothing = [.create, .update].contains(operation.kind) && operation.status == 204
        let responseTyped: Bool
        switch operation.kind {
        case .action?, .function?:
            switch call?.returns {
            case nil: responseTyped = responseText == nil
            case .entity(let name)?, .complex(let name)?: responseTyped = responseText != nil && decodes(response?.body, as: name)
            default: responseTyped = responseText != nil
            }
        case .create? where answersNothing, .update? where answersNothing: responseTyped = responseText == nil
        case .create?, .get?, .update?: responseTyped = responseText != nil && decodes(response?.body, as: operation.target)
        case .list?: responseTyped = responseText != nil
        default: responseTyped = true
        }
        let typed = requestTyped && responseTyped
        // The argument the builder methods take, decoded from the page's JSON: the body, or a function's inline arguments.
        var argumentType: String?, argumentJSON: String?
        if let functionArguments, let parametersType {
            argumentType = parametersType
            argumentJSON = SwiftText.stringLiteralContent(functionArguments.json)
        } else if hasRequestBody && (call == nil || parametersType != nil) {
            argumentType = isReference ? "ReferenceCreate" : parametersType ?? target
        }
        return RequestTestsContext.Test(
            functionName: "",
            title: "\(operation.method) \(operation.path) (\(operation.kind?.rawValue ?? "?"))",
            source: request.location.fileAndLine,
            body: "",
            response: "",
            builderChain: chain,
            typed: typed,
            verb: verb,
            argumentType: argumentType,
            argumentJSON: argumentJSON,
            result: RequestTestsContext.ResultDecoding(OperationResult(operation, names: names)),
            hasRequestBody: hasRequestBody,
            httpMethod: operation.method,
            expectedPath: SwiftText.stringLiteralContent(paths.decoded),
            expectedRawPath: paths.raw == paths.decoded ? nil : SwiftText.stringLiteralContent(paths.raw),
            status: status,
            expectedQuery: typed ? functionArguments.map { SwiftText.stringLiteralContent($0.query) } : nil,
            namedType: typed && operation.kind == .create && hasRequestBody && names.createNamesType(operation.target)
                ? operation.target.map { SwiftText.stringLiteralContent("#\(model.namespace).\($0)") } : nil)
    }
}
