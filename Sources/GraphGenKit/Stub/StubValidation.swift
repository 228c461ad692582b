import Foundation

/// Request bodies checked as OData and the schema would have them: JSON, no member twice, members of the type.
extension StubService {
    /// A member name an object in `node` gives twice (the first found), else nil.
    static func duplicateKey(in node: JSONNode) -> String? {
        switch node.value {
        case .object(let members):
            var seen: Set<String> = []
            for member in members {
                if !seen.insert(member.key).inserted { return member.key }
                if let nested = duplicateKey(in: member.value) { return nested }
            }
        case .array(let items):
            for item in items { if let nested = duplicateKey(in: item) { return nested } }
        default:
            break
        }
        return nil
    }

    /// The body as a JSON object, or a 400 saying why not.
    func parsedBody(_ request: StubRequest) -> Result<JSONNode, StubResponseBox> {
        let body: JSONNode
        // Bytes that are not UTF-8 would be stored as U+FFFD: refused, like the service does.
        guard let text = String(bytes: request.body, encoding: .utf8) else {
            return .failure(StubResponseBox(graphError(400, "BadRequest", "The body is not UTF-8 text.")))
        }
        do {
            body = try JSONParser.parse(text, file: "request body", startLine: 1)
        } catch let problem as DiagnosticError {
            return .failure(StubResponseBox(graphError(400, "BadRequest", "The body is not JSON: \(problem.diagnostics.first?.message ?? "")")))
        } catch {
            return .failure(StubResponseBox(graphError(400, "BadRequest", "The body is not JSON.")))
        }
        guard body.members != nil else {
            return .failure(StubResponseBox(graphError(400, "BadRequest", "The body must be a JSON object.")))
        }
        if let key = Self.duplicateKey(in: body) {
            return .failure(StubResponseBox(graphError(400, "BadRequest", "The body gives the member '\(key)' twice.")))
        }
        return .success(body)
    }

    /// The body as JSON, checked against `type` as drift checks examples: unknown members, JSON types, enum members,
    /// dates, GUIDs, integer ranges, and read-only members.
    func validatedBody(_ request: StubRequest, type: String?, creating: Bool) -> Result<JSONNode, StubResponseBox> {
        let body: JSONNode
        switch parsedBody(request) {
        case .success(let node): body = node
        case .failure(let box): return .failure(box)
        }
        guard let type, let entity = model.entity(named: type) else { return .success(body) }
        for finding in conformance.check(body, entity: type) {
            let name = finding.path.joined(separator: ".")
            let message: String?
            switch finding.kind {
            case .unknownProperty: message = "Property '\(name)' does not exist on type '\(model.namespace).\(finding.ownerType)'."
            case .wrongJSONType(let expected): message = "Property '\(name)' must be \(expected); got \(finding.value)."
            case .notEnumMember(let enumName), .enumMemberCase(let enumName): message = "'\(finding.value)' is not a member of \(enumName) (property '\(name)')."
            case .malformedDateTime: message = "Property '\(name)' must be an ISO 8601 DateTimeOffset; got '\(finding.value)'."
            case .integerOutOfRange(let integer): message = "Property '\(name)' is out of range for \(integer): \(finding.value)."
            case .odataTypeMismatch(let expected): message = "'@odata.type' '\(finding.value)' is not \(expected) or a type derived from it."
            case .odataTypeMissingHash: message = "'@odata.type' must start with '#': '\(finding.value)'."
            case .memberCase(let declared): message = "Property '\(name)' does not exist on type '\(model.namespace).\(finding.ownerType)'; the property is '\(declared)'."
            case .placeholderValue: message = nil
            }
            if let message { return .failure(StubResponseBox(graphError(400, "BadRequest", message))) }
        }
        for member in body.members ?? [] {
            guard let property = entity.properties.first(where: { $0.name == member.key }) else { continue }
            if property.readOnly && !(property.name == "id" && !creating) {
                return .failure(StubResponseBox(graphError(400, "BadRequest", "Property '\(member.key)' is read-only and cannot be set.")))
            }
            if property.type == .primitive(.guid), let text = member.value.string, UUID(uuidString: text) == nil {
                return .failure(StubResponseBox(graphError(400, "BadRequest", "Property '\(member.key)' must be a GUID; got '\(text)'.")))
            }
        }
        return .success(body)
    }
}
