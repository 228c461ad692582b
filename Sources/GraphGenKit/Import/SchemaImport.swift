/// What `graphgen schema import` keeps of a CSDL document.
public struct SchemaImportOptions: Sendable {
    /// Paths to keep (`/deviceAppManagement/**`); none keeps everything.
    public var include: [String] = []
    public var exclude: [String] = []
    /// Keep the derived types of every kept type (for polymorphic responses).
    public var withDerived = false
    public var module: String?
    public var baseURL = "https://graph.microsoft.com"
    public var apiVersion: String?

    public init() {}
}

public struct SchemaImportResult: Sendable {
    public var schema: SchemaDocument
    /// Kept and total counts, one line each.
    public var summary: [String]
    /// What the schema format cannot hold yet, counted and located at the first occurrence.
    public var warnings: [Diagnostic]
}

/// Turns OData CSDL metadata into a GraphGen schema: structured types, enums, navigation with the operations the
/// capability annotations allow, and singletons and entity sets as roots; trimmed to the paths asked for.
///
/// A contained navigation whose target type has an entity set of its own (`group.drive`, `user.chats`) is
/// imported as not contained: its items are addressed through that set (`/drives/{driveId}/…`) rather than
/// expanded again under every owner, so the number of paths grows with the schema, not with the walks through it.
///
/// Types of the container's namespace keep their names; types of a namespace below it are named relative to it
/// (`security.alert` for `microsoft.graph.security.alert`), so `@odata.type` stays the real qualified name.
public enum SchemaImport {
    public static func run(_ document: CSDLDocument, options: SchemaImportOptions) throws -> SchemaImportResult {
        var importer = try Importer(document: document, options: options)
        return try importer.run()
    }
}
