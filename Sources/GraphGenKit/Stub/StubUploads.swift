import Foundation

/// Upload sessions (`createUploadSession`): byte ranges PUT in order to `/_upload/{session}`. The stub keeps no
/// content, only how much arrived and its FNV-1a digest, so a long upload costs it no memory; finished uploads are
/// listed at `GET /_stub/traffic` for a client to check what it sent.
struct StubUploads {
    static let pathPrefix = "/_upload/"
    /// Open sessions at most; a client that opens more gets 507 until some finish or expire.
    static let openLimit = 10_000
    static let completedLimit = 10_000

    struct Session {
        var owner: [String]
        var ownerType: String?
        var expires: Date
        var received: Int64 = 0
        var total: Int64?
        var digest = FNV1a()
    }

    struct Completed {
        var owner: String
        var bytes: Int64
        var digest: String
    }

    var open: [String: Session] = [:]
    private(set) var completed: [Completed] = []

    mutating func finish(_ session: Session) {
        if completed.count == Self.completedLimit { completed.removeFirst() }
        completed.append(Completed(owner: "/" + session.owner.joined(separator: "/"), bytes: session.received, digest: session.digest.hex))
    }
}

extension StubService {
    /// Answers `…/createUploadSession` with a session whose upload URL is on the stub's own host.
    func startUpload(_ segments: [String], request: StubRequest, now: Date) -> StubResponse {
        uploads.open = uploads.open.filter { $0.value.expires > now }
        guard uploads.open.count < StubUploads.openLimit else {
            return graphError(507, "InsufficientStorage", "The stub holds \(StubUploads.openLimit) open upload sessions; finish or cancel some.")
        }
        let id = random.identifier()
        let expires = now.addingTimeInterval(TimeInterval(options.uploadSessionLifetime))
        let owner = Array(segments.dropLast())
        let ownerType = (routesByLength[segments.count] ?? []).first { $0.matches(segments) && $0.operation.call?.name == "createUploadSession" }?.operation.call?.declaringType
        uploads.open[id] = StubUploads.Session(owner: owner, ownerType: ownerType, expires: expires)
        let host = request.headers["host"].map { "http://\($0)" } ?? model.baseURL
        return .json(200, StubJSON.object([
            StubJSON.member("@odata.context", StubJSON.string("\(baseURL)/$metadata#\(model.namespace).uploadSession")),
            StubJSON.member("uploadUrl", StubJSON.string(host + StubUploads.pathPrefix + id)),
            StubJSON.member("expirationDateTime", StubJSON.string(Self.isoDate(expires))),
            StubJSON.member("nextExpectedRanges", StubJSON.array([StubJSON.string("0-")])),
        ]))
    }

    /// `PUT` a range (`Content-Range: bytes 0-327679/1000000`), `GET` the session's state, `DELETE` to cancel.
    func upload(_ request: StubRequest, now: Date) -> StubResponse {
        let id = String(request.encodedPath.dropFirst(StubUploads.pathPrefix.count))
        guard var session = uploads.open[id] else {
            return graphError(404, "itemNotFound", "No upload session '\(id)'.")
        }
        guard session.expires > now else {
            uploads.open[id] = nil
            return graphError(404, "itemNotFound", "The upload session expired at \(Self.isoDate(session.expires)).")
        }
        func state(_ status: Int) -> StubResponse {
            .json(status, StubJSON.object([
                StubJSON.member("expirationDateTime", StubJSON.string(Self.isoDate(session.expires))),
                StubJSON.member("nextExpectedRanges", StubJSON.array([StubJSON.string("\(session.received)-")])),
            ]))
        }
        switch request.method {
        case "GET": return state(200)
        case "DELETE":
            uploads.open[id] = nil
            return StubResponse(status: 204)
        case "PUT": break
        default: return graphError(405, "MethodNotAllowed", "An upload session takes PUT, GET and DELETE.")
        }
        guard let range = request.headers["content-range"].flatMap(Self.contentRange) else {
            return graphError(400, "invalidRange", "A slice needs 'Content-Range: bytes FIRST-LAST/TOTAL'.")
        }
        guard range.first == session.received, range.last - range.first + 1 == Int64(request.body.count),
              session.total == nil || session.total == range.total else {
            var response = state(416)
            response.headers.append(("Content-Range", "bytes */\(session.total.map(String.init) ?? "*")"))
            return response
        }
        session.total = range.total
        session.received += Int64(request.body.count)
        session.digest.add(request.body)
        guard session.received == range.total else {
            uploads.open[id] = session
            return state(202)
        }
        uploads.open[id] = nil
        uploads.finish(session)
        var members = [StubJSON.member("id", StubJSON.string(session.owner.last ?? id))]
        if let address = ownerAddress(session.owner), let stored = store.item(collection: address.collection, id: address.id)?.members {
            members = stored
        }
        if let type = session.ownerType.flatMap(model.entity(named:)), type.properties.contains(where: { $0.name == "size" }) {
            members.removeAll { $0.key == "size" }
            members.append(StubJSON.member("size", StubJSON.number(Int(range.total))))
        }
        let host = request.headers["host"].map { "http://\($0)" } ?? model.baseURL
        var response = StubResponse.json(201, StubJSON.object(members))
        response.headers.append(("Location", "\(host)/\(model.apiVersion)/\(session.owner.joined(separator: "/"))"))
        return response
    }

    /// The collection and key of the item a path names, when it names one.
    private func ownerAddress(_ path: [String]) -> (collection: [String], id: String)? {
        (routesByLength[path.count] ?? []).first { $0.operation.kind == .get && $0.itemKeyIndex != nil && $0.matches(path) }?.itemAddress(path)
    }

    /// `bytes FIRST-LAST/TOTAL` with FIRST ≤ LAST < TOTAL.
    static func contentRange(_ text: String) -> (first: Int64, last: Int64, total: Int64)? {
        guard text.hasPrefix("bytes ") else { return nil }
        let parts = text.dropFirst("bytes ".count).split(separator: "/", maxSplits: 1)
        guard parts.count == 2, let total = Int64(parts[1]) else { return nil }
        let bounds = parts[0].split(separator: "-", maxSplits: 1)
        guard bounds.count == 2, let first = Int64(bounds[0]), let last = Int64(bounds[1]), first >= 0, first <= last, last < total else { return nil }
        return (first, last, total)
    }

    static func isoDate(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
