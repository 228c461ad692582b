import Foundation

extension StubService {
    /// The most requests one `POST /$batch` may hold, as Graph allows.
    static let batchLimit = 20

    /// JSON batching: each step answered in order as its own request (faults included, so a step may be throttled
    /// while the others succeed), a step whose `dependsOn` names a step that did not succeed answered 424.
    func batch(_ request: StubRequest, now: Date) -> StubResponse {
        let body: JSONNode
        switch parsedBody(request) {
        case .success(let node): body = node
        case .failure(let box): return box.response
        }
        guard case .array(let entries)? = body["requests"]?.value else {
            return graphError(400, "BadRequest", "A batch is {\"requests\": [...]}.")
        }
        guard entries.count <= Self.batchLimit else {
            return graphError(400, "BadRequest", "A batch holds at most \(Self.batchLimit) requests; this one has \(entries.count).")
        }
        var steps: [(id: String, request: StubRequest, dependsOn: [String])] = []
        for (index, entry) in entries.enumerated() {
            guard let id = entry["id"]?.string, let method = entry["method"]?.string, let url = entry["url"]?.string else {
                return graphError(400, "BadRequest", "Request \(index + 1) of the batch needs 'id', 'method' and 'url'.")
            }
            guard !steps.contains(where: { $0.id == id }) else { return graphError(400, "BadRequest", "The batch gives the id '\(id)' twice.") }
            var dependsOn: [String] = []
            if case .array(let names)? = entry["dependsOn"]?.value {
                for name in names {
                    guard let dependency = name.string, steps.contains(where: { $0.id == dependency }) else {
                        return graphError(400, "BadRequest", "Request '\(id)' depends on a request not before it in the batch.")
                    }
                    dependsOn.append(dependency)
                }
            }
            var headers = request.headers.filter { ["authorization", "host"].contains($0.key) }
            if case .object(let fields)? = entry["headers"]?.value {
                for field in fields { if let value = field.value.string { headers[field.key.lowercased()] = value } }
            }
            var bytes: [UInt8] = []
            switch entry["body"]?.value {
            case nil, .null?: break
            case .string(let text)?: bytes = Data(base64Encoded: text).map(Array.init) ?? Array(text.utf8)
            case _?: bytes = entry["body"].map { Array($0.compactText.utf8) } ?? []
            }
            let target = "/\(model.apiVersion)" + (url.hasPrefix("/") ? url : "/" + url)
            steps.append((id, StubRequest(method: method, target: target, headers: headers, body: bytes), dependsOn))
        }
        traffic.batches += 1
        var statuses: [String: Int] = [:]
        var responses: [JSONNode] = []
        for step in steps {
            traffic.batchSteps += 1
            let answer: StubResponse
            if step.dependsOn.contains(where: { !(200..<300).contains(statuses[$0] ?? 0) }) {
                answer = graphError(424, "FailedDependency", "A request this one depends on did not succeed.")
            } else if step.request.encodedPath == "/\(model.apiVersion)/$batch" {
                answer = graphError(400, "BadRequest", "A batch cannot hold a batch.")
            } else {
                answer = injectedFault(step.request, now: now, redirects: false)?.0 ?? self.answer(step.request, now: now)
            }
            statuses[step.id] = answer.status
            responses.append(Self.batchEntry(id: step.id, answer))
        }
        return .json(200, StubJSON.object([StubJSON.member("responses", StubJSON.array(responses))]))
    }

    /// A step's answer as a batch response entry: JSON bodies inline, others base64.
    private static func batchEntry(id: String, _ answer: StubResponse) -> JSONNode {
        var members = [StubJSON.member("id", StubJSON.string(id)), StubJSON.member("status", StubJSON.number(answer.status))]
        if !answer.headers.isEmpty {
            members.append(StubJSON.member("headers", StubJSON.object(answer.headers.map { StubJSON.member($0.name, StubJSON.string($0.value)) })))
        }
        if !answer.body.isEmpty {
            let isJSON = answer.headers.contains { $0.name.lowercased() == "content-type" && $0.value.contains("json") }
            let text = String(decoding: answer.body, as: UTF8.self)
            let body = isJSON ? (try? JSONParser.parse(text, file: "response", startLine: 1)) : nil
            members.append(StubJSON.member("body", body ?? StubJSON.string(Data(answer.body).base64EncodedString())))
        }
        return StubJSON.object(members)
    }
}
