/// What one reference page says, every item located.
public struct APIPage: Sendable {
    public enum Kind: String, Sendable { case operation, resource, enumeration, unknown }

    public var file: String
    public var format: PageDocument.Format
    public var kind: Kind
    public var title: Located<String>?
    public var frontMatter: [FrontMatterEntry]
    public var summary: PageText?
    /// The type a resource page says it derives from ("Inherits from [mobileLobApp](…)").
    public var baseType: Located<String>?
    public var operationKind: Located<OperationKind>?
    public var permissions: [PermissionRow]
    public var httpRequests: [HTTPRequestLine]
    public var requestHeaders: [HeaderRow]
    /// The type the request body section names ("supply a JSON representation of the X object").
    public var requestBodyType: Located<String>?
    /// Request-body properties on operation pages; the Properties table on resource pages.
    public var properties: [PropertyRow]
    public var relationships: [PropertyRow]
    public var enumMembers: [EnumMemberRow]
    public var response: ResponseSummary?
    public var examples: [Example]
    /// A resource page's JSON representation.
    public var representation: JSONNode?
    /// Rule ids suppressed for the whole page by annotations.
    public var suppressions: [Located<String>]
}

public struct PermissionRow: Sendable, Hashable {
    public var type: String
    public var scopes: [String]
    /// Text such as `**TODO: Provide applicable permissions.**`, kept as written and never read as scopes.
    public var placeholder: String?
    public var notSupported: Bool
    public var location: SourceLocation
}

public struct HTTPRequestLine: Sendable, Hashable {
    public var method: String
    public var path: PathTemplate
    public var location: SourceLocation
}

public struct HeaderRow: Sendable, Hashable {
    public var name: String
    public var value: String
    public var location: SourceLocation
}

public struct PropertyRow: Sendable, Hashable {
    public var name: String
    /// The type as written, link text only: `String`, `resultantAppState`, `Enumeration`, `x collection`.
    public var type: String
    public var typeLink: String?
    public var description: String
    /// Members listed as "Possible values are: …".
    public var possibleValues: [String]
    public var location: SourceLocation
    public var typeLocation: SourceLocation
}

public struct EnumMemberRow: Sendable, Hashable {
    public var name: String
    public var value: String?
    public var description: String
    public var location: SourceLocation
}

public struct ResponseSummary: Sendable, Hashable {
    public var statusCode: Int?
    public var typeName: String?
    public var isCollection: Bool
    public var location: SourceLocation
}

public struct Example: Sendable {
    /// 1-based position among the page's examples.
    public var index: Int
    public var request: ExampleRequest?
    public var response: ExampleResponse?
}

public struct ExampleRequest: Sendable {
    public var method: String
    public var url: String
    public var version: String?
    public var path: PathTemplate
    public var query: String?
    public var headers: [HeaderRow]
    public var body: JSONNode?
    public var bodyText: String?
    public var annotation: Annotation?
    public var location: SourceLocation
}

public struct ExampleResponse: Sendable {
    public var statusCode: Int
    public var reason: String
    public var headers: [HeaderRow]
    public var body: JSONNode?
    public var bodyText: String?
    public var annotation: Annotation?
    public var location: SourceLocation
}
