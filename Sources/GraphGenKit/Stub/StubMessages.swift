import Foundation

/// A request as the stub sees it: the path still percent-encoded, so a key holding `/` stays one segment.
public struct StubRequest: Sendable {
    public var method: String
    public var encodedPath: String
    public var query: [(name: String, value: String)]
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(method: String, encodedPath: String, query: [(name: String, value: String)] = [], headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method
        self.encodedPath = encodedPath
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// Splits `path?query` as it arrives on the wire; query names and values are percent-decoded, `+` is a space.
    public init(method: String, target: String, headers: [String: String], body: [UInt8]) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var query: [(String, String)] = []
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let sides = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let decode = { (text: Substring) in String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text) }
                query.append((decode(sides[0]), sides.count == 2 ? decode(sides[1]) : ""))
            }
        }
        self.init(method: method, encodedPath: String(parts.first ?? ""), query: query, headers: headers, body: body)
    }
}

public struct StubResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static func json(_ status: Int, _ value: JSONNode) -> StubResponse {
        StubResponse(status: status, headers: [("Content-Type", "application/json")], body: Array(value.compactText.utf8))
    }
}

/// What the stub does besides answering: who may call, what it starts with, and the faults it injects.
public struct StubOptions: Sendable {
    /// The bearer token requests must carry; nil accepts any non-empty token.
    public var token: String?
    /// Start with the documented response bodies as data.
    public var seedExamples = true
    /// The share of requests answered with one of `failStatuses` instead (0…1); 429 and 503 carry `Retry-After`,
    /// in seconds or as an HTTP date.
    public var failRate = 0.0
    public var failStatuses = [429]
    /// The share of requests answered `307 Temporary Redirect` to their own URL.
    public var redirectRate = 0.0
    /// With both set, the API takes only tokens its token endpoint (`POST /{tenant}/oauth2/v2.0/token`, OAuth 2.0
    /// client credentials) issued and that have not expired.
    public var clientID: String?
    public var clientSecret: String?
    /// Seconds an issued token is good for.
    public var tokenLifetime = 3600
    /// Seconds an upload session lasts after it is made.
    public var uploadSessionLifetime = 3600
    /// Makes failures and generated ids repeatable.
    public var randomSeed: UInt64 = 0
    /// Items per page of a list before `@odata.nextLink`.
    public var pageSize = 100
    /// The JSON bytes of a list page's items, past which the page ends early (it always holds one item).
    public var maximumPageBytes = 4 << 20
    public var maximumBodyBytes = 1 << 20
    /// Data requests may store (the bytes of the bodies that made it); more is answered 507.
    public var maximumStoreBytes = 256 << 20

    public init() {}
}

/// A small, seedable generator (SplitMix64): the same seed gives the same faults and ids on every run.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A value in 0..<1.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A GUID-shaped identifier (8-4-4-4-12 hex digits).
    mutating func identifier() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        for word in [next(), next()] {
            for shift in stride(from: 60, through: 0, by: -4) {
                if [8, 13, 18, 23].contains(bytes.count) { bytes.append(UInt8(ascii: "-")) }
                bytes.append(digits[Int((word >> UInt64(shift)) & 0xF)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
