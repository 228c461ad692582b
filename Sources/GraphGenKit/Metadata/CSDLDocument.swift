/// An OData v4 CSDL (EDMX) document, as declared: names are as written (qualified or aliased), every item located.
public struct CSDLDocument: Sendable {
    public var file: String
    public var schemas: [CSDLSchema]
    /// What the reader noticed but could read past: XML namespaces or a version that are not OData v4's.
    public var warnings: [Diagnostic] = []
}

public struct CSDLSchema: Sendable {
    public var namespace: String
    public var alias: String?
    public var enumTypes: [CSDLEnumType] = []
    public var structuredTypes: [CSDLStructuredType] = []
    public var operations: [CSDLOperation] = []
    public var containers: [CSDLContainer] = []
    /// `<Annotations Target="…">` blocks, by their target as written.
    public var externalAnnotations: [CSDLAnnotationBlock] = []
    /// Elements of the schema GraphGen does not read (`Term`, `TypeDefinition`, …), counted in the import report.
    public var unread: [CSDLUnread] = []
    public var location: SourceLocation
}

public struct CSDLUnread: Sendable {
    public var element: String
    public var name: String?
    public var location: SourceLocation
}

public struct CSDLAnnotation: Sendable {
    public var term: String
    /// The value of a `String`, `Bool`, `EnumMember` or similar attribute, when it has one.
    public var value: String?
    /// `PropertyValue` children of a `Record`, by property name.
    public var record: [String: String]
    /// The records of a `Collection` value (`Core.AlternateKeys`).
    public var records: [CSDLRecord] = []
    public var location: SourceLocation

    /// `Org.OData.Core.V1.Description` → `Description`.
    public var shortTerm: String { term.split(separator: ".").last.map(String.init) ?? term }
}

/// A `Record` in an annotation's value: its property values, and each property holding a collection of records.
public struct CSDLRecord: Sendable {
    public var values: [String: String]
    public var collections: [String: [CSDLRecord]]
}

public struct CSDLAnnotationBlock: Sendable {
    public var target: String
    public var annotations: [CSDLAnnotation]
    public var location: SourceLocation
}

public struct CSDLEnumType: Sendable {
    public struct Member: Sendable {
        public var name: String
        public var value: String?
        public var annotations: [CSDLAnnotation]
        public var location: SourceLocation
    }

    public var name: String
    public var isFlags: Bool
    public var members: [Member]
    public var annotations: [CSDLAnnotation]
    public var location: SourceLocation
}

public struct CSDLStructuredType: Sendable {
    public enum Kind: String, Sendable { case entity, complex }

    public var kind: Kind
    public var name: String
    public var baseType: Located<String>?
    public var isAbstract: Bool
    public var isOpen: Bool
    public var hasStream: Bool
    /// Key property names, when the type declares a key.
    public var key: [String]?
    public var properties: [CSDLProperty]
    public var navigation: [CSDLNavigationProperty]
    public var annotations: [CSDLAnnotation]
    public var location: SourceLocation
}

public struct CSDLProperty: Sendable {
    public var name: String
    public var type: Located<String>
    public var nullable: Bool
    public var annotations: [CSDLAnnotation]
    public var location: SourceLocation
}

public struct CSDLNavigationProperty: Sendable {
    public var name: String
    public var type: Located<String>
    public var nullable: Bool
    public var containsTarget: Bool
    public var annotations: [CSDLAnnotation]
    public var location: SourceLocation
}

public struct CSDLOperation: Sendable {
    public enum Kind: String, Sendable { case action, function }

    public struct Parameter: Sendable {
        public var name: String
        public var type: Located<String>
        public var nullable: Bool
        public var location: SourceLocation
    }

    public var kind: Kind
    public var name: String
    public var isBound: Bool
    public var isComposable: Bool
    public var parameters: [Parameter]
    public var returnType: Located<String>?
    public var location: SourceLocation
}

public struct CSDLContainer: Sendable {
    public struct Entry: Sendable {
        public enum Kind: String, Sendable { case entitySet, singleton }
        public var kind: Kind
        public var name: String
        public var type: Located<String>
        /// `NavigationPropertyBinding`: navigation path → target entity set (or `singleton/path`).
        public var bindings: [(path: String, target: String)]
        public var annotations: [CSDLAnnotation]
        public var location: SourceLocation
    }

    public var name: String
    public var entries: [Entry]
    /// Function and action imports and other container children GraphGen does not read.
    public var unread: [CSDLUnread]
    public var location: SourceLocation
}
