import Foundation

/// What the stub saw its clients do, told at `GET /_stub/traffic`: enough to prove a client's retries honest.
/// Requests are followed by their `client-request-id` (a client keeps it through its retries and redirects): one
/// sent again before the `Retry-After` it was given is an early retry; one sent again after it succeeded is a
/// repeat. Steps inside a batch carry no id of their own and are counted only as steps.
struct StubTraffic {
    static let path = "/_stub/traffic"
    /// Ids remembered at most, so the stub's memory stays bounded however long it runs.
    static let rememberedIDs = 1_000_000

    var requests = 0
    var faults = 0
    var redirects = 0
    /// Requests that said they were retries (`retry-attempt`).
    var retries = 0
    var earlyRetries = 0
    var repeatedAfterSuccess = 0
    var batches = 0
    var batchSteps = 0
    private var notBefore: [String: Date] = [:]
    private var succeeded: Set<String> = []

    mutating func arrived(_ request: StubRequest, at now: Date) {
        guard request.encodedPath != Self.path else { return }
        requests += 1
        if request.headers["retry-attempt"] != nil { retries += 1 }
        guard let id = request.headers["client-request-id"] else { return }
        if let time = notBefore.removeValue(forKey: id), now < time { earlyRetries += 1 }
        if succeeded.contains(id) { repeatedAfterSuccess += 1 }
    }

    mutating func answered(_ request: StubRequest, with status: Int, notBefore time: Date?) {
        guard let id = request.headers["client-request-id"] else { return }
        if let time, notBefore.count < Self.rememberedIDs { notBefore[id] = time }
        if (200..<300).contains(status), succeeded.count < Self.rememberedIDs { succeeded.insert(id) }
    }

    func report(uploads: [StubUploads.Completed]) -> JSONNode {
        StubJSON.object([
            StubJSON.member("requests", StubJSON.number(requests)),
            StubJSON.member("faults", StubJSON.number(faults)),
            StubJSON.member("redirects", StubJSON.number(redirects)),
            StubJSON.member("retries", StubJSON.number(retries)),
            StubJSON.member("earlyRetries", StubJSON.number(earlyRetries)),
            StubJSON.member("repeatedAfterSuccess", StubJSON.number(repeatedAfterSuccess)),
            StubJSON.member("batches", StubJSON.number(batches)),
            StubJSON.member("batchSteps", StubJSON.number(batchSteps)),
            StubJSON.member("uploads", StubJSON.array(uploads.map { upload in
                StubJSON.object([
                    StubJSON.member("owner", StubJSON.string(upload.owner)),
                    StubJSON.member("bytes", StubJSON.number(Int(upload.bytes))),
                    StubJSON.member("fnv1a64", StubJSON.string(upload.digest)),
                ])
            })),
        ])
    }
}
