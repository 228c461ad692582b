/// A request and its response as a page shows them for an operation.
public struct ModelExample: Sendable {
    /// 1-based position among its page's examples.
    public var index: Int
    /// The name the page gives the example (its request's annotation).
    public var name: String?
    public var request: Request?
    public var response: Response?

    public struct Request: Sendable {
        public var method: String
        public var path: PathTemplate
        public var body: JSONNode?
        /// The body as the page writes it; nil when the request has none.
        public var bodyText: String?
        public var location: SourceLocation
    }

    public struct Response: Sendable {
        public var statusCode: Int
        public var body: JSONNode?
        public var bodyText: String?
        /// The `@odata.type` the response's annotation names, located at the annotation.
        public var odataType: Located<String>?
        public var location: SourceLocation
    }
}
