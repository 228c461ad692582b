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

extension StubService {
    /// A fault drawn for this request (`failRate`, `redirectRate` unless `redirects` is false, as inside a batch), with
    /// the time a retry may come when it says one.
    /// 429 and 503 ask for a retry after one second, said in seconds or (every other draw) as an HTTP date.
    func injectedFault(_ request: StubRequest, now: Date, redirects: Bool = true) -> (StubResponse, Date?)? {
        if options.failRate > 0 && random.unit() < options.failRate, !options.failStatuses.isEmpty {
            let status = options.failStatuses[min(Int(random.unit() * Double(options.failStatuses.count)), options.failStatuses.count - 1)]
            var response = graphError(status, status == 429 ? "TooManyRequests" : "ServiceUnavailable", "Injected fault (--fail-rate).")
            traffic.faults += 1
            guard status == 429 || status == 503 else { return (response, nil) }
            if random.unit() < 0.5 {
                response.headers.append(("Retry-After", "1"))
                return (response, now.addingTimeInterval(1))
            }
            // An HTTP date has whole seconds: the next whole second after one from now.
            let time = Date(timeIntervalSince1970: (now.timeIntervalSince1970 + 1).rounded(.down) + 1)
            response.headers.append(("Retry-After", Self.httpDate(time)))
            return (response, time)
        }
        if redirects && options.redirectRate > 0 && random.unit() < options.redirectRate {
            traffic.redirects += 1
            var response = StubResponse(status: 307)
            response.headers.append(("Location", link(request, query: request.query)))
            return (response, nil)
        }
        return nil
    }

    /// RFC 9110's IMF-fixdate.
    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
