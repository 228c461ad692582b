/// What the generated runtime declares, named once: planners choose builder protocols and builders from here, the
/// reserved-name lists are made of it, and builder names reach the templates through their contexts.
/// RuntimeNamesTests checks the runtime and test-support templates declare exactly `types` and these members.
enum RuntimeNames {
    /// The protocol a builder conforms to for one kind of operation (RequestBuilderOperations.swift.mustache).
    enum OperationProtocol: String, CaseIterable, Sendable {
        case listing = "ListingRequestBuilder"
        case reading = "ReadingRequestBuilder"
        case creating = "CreatingRequestBuilder"
        case updating = "UpdatingRequestBuilder"
        case deleting = "DeletingRequestBuilder"
    }

    /// Builders the runtime declares itself (GraphClient.swift.mustache).
    enum Builder: String, CaseIterable, Sendable {
        case mediaContent = "MediaContentRequestBuilder"
        case count = "CountRequestBuilder"
        case typeCastCollection = "TypeCastCollectionRequestBuilder"
        case typeCastItem = "TypeCastItemRequestBuilder"
    }

    /// Every type the runtime, its optional parts and the generated tests' support declare.
    static let types: [String] = OperationProtocol.allCases.map(\.rawValue) + Builder.allCases.map(\.rawValue)
        + SwiftTypes.textTypes.map(\.name) + [
            "GraphRequestBuilder", "GraphModelTypes",
            "JSONValue", "AnyCodingKey", "DateTimeOffset", "CollectionResponse", "ValueResponse",
            "AccessTokenProvider", "StaticAccessToken", "GraphClient", "GraphClientError", "GraphError", "GraphRequest", "GraphResponse",
            "GraphTransport", "RequestPath", "ListQuery", "FunctionParameters", "ODataLiteralForm", "ReferenceCreate",
            "JSONConvertible", "GraphModel", "GraphEnum", "GraphFlags", "JSONInteger", "JSONFloatingPoint",
            "StubTransport", "DocumentedExample", "URLSessionTransport", "Gzip", "DeltaRound",
            "GraphMiddleware", "RequestOptions", "RetryOptions", "RetryMiddleware", "RedirectOptions", "RedirectMiddleware",
            "CompressionMiddleware", "TelemetryMiddleware", "ChaosMiddleware",
            "ClientCredentialsTokenProvider", "TokenRequestError", "BatchRequest", "BatchResponse", "BatchError", "LargeFileUpload", "UploadError",
            "AsyncHTTPClientTransport", "LoggingMiddleware", "TracingMiddleware",
            // The generated tests' support.
            "DocumentedBody", "DocumentedExchange", "LoopbackServer", "TransportTests", "MiddlewareTests", "RuntimeOptionTests",
            "CapturedLogs", "CapturingLogHandler", "SeenRequests",
        ]

    /// Instance members every model has (GraphModel's, and Hashable's `hashValue`): a property must not hide one.
    static let modelMembers: Set<String> = ["odataType", "json", "jsonMember", "setJSONMember", "setNull", "derived", "graphJSON", "hashValue"]
    /// Static members every model has, which a property (an instance member) cannot clash with but a reader may confuse.
    static let modelStaticMembers: Set<String> = ["odataTypeName", "castSegment"]
    /// Members every enumeration has (GraphEnum's and GraphFlags', and RawRepresentable's and CaseIterable's).
    static let enumMembers: Set<String> = ["rawValue", "allCases", "description", "graphJSON", "members", "contains"]
}
