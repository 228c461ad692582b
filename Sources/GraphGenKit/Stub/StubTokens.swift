import Foundation

/// The tokens the stub's token endpoint issued, each with its expiry.
struct StubTokens {
    /// Any tenant: `POST /{tenant}/oauth2/v2.0/token`, as Microsoft's identity platform is addressed.
    static let pathSuffix = "/oauth2/v2.0/token"

    private var issued: [String: Date] = [:]

    func accepts(_ token: String, at now: Date) -> Bool { issued[token].map { now < $0 } ?? false }

    mutating func issue(_ token: String, expires: Date, now: Date) {
        issued = issued.filter { $0.value > now }
        issued[token] = expires
    }
}

extension StubService {
    /// OAuth 2.0's client-credentials grant (RFC 6749, 4.4): a form with `grant_type=client_credentials` and the
    /// client's id and secret; errors as the RFC writes them (`invalid_client`, `unsupported_grant_type`).
    func issueToken(_ request: StubRequest, now: Date) -> StubResponse {
        func oauthError(_ status: Int, _ code: String, _ description: String) -> StubResponse {
            .json(status, StubJSON.object([StubJSON.member("error", StubJSON.string(code)), StubJSON.member("error_description", StubJSON.string(description))]))
        }
        guard request.method == "POST" else { return oauthError(405, "invalid_request", "The token endpoint takes POST.") }
        guard let clientID = options.clientID, let clientSecret = options.clientSecret else {
            return oauthError(404, "invalid_request", "This stub has no token endpoint (start it with --client-id and --client-secret).")
        }
        guard let text = String(bytes: request.body, encoding: .utf8) else { return oauthError(400, "invalid_request", "The form is not UTF-8.") }
        var form: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let sides = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part) }
            form[decode(sides[0])] = sides.count == 2 ? decode(sides[1]) : ""
        }
        guard form["grant_type"] == "client_credentials" else {
            return oauthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.")
        }
        guard form["client_id"] == clientID, form["client_secret"] == clientSecret else {
            return oauthError(401, "invalid_client", "The client id or secret is wrong.")
        }
        let token = "stub." + random.identifier()
        tokens.issue(token, expires: now.addingTimeInterval(TimeInterval(options.tokenLifetime)), now: now)
        return .json(200, StubJSON.object([
            StubJSON.member("token_type", StubJSON.string("Bearer")),
            StubJSON.member("expires_in", StubJSON.number(options.tokenLifetime)),
            StubJSON.member("access_token", StubJSON.string(token)),
        ]))
    }
}
