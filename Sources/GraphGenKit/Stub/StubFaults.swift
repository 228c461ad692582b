import Foundation

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
