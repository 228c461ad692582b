/// One disagreement between a page and the schema, or between pages.
public struct DriftFinding: Sendable, Hashable, Comparable {
    public var ruleID: String
    public var severity: Diagnostic.Severity
    /// Names both sides: what the page says and what the schema or the other page says.
    public var message: String
    public var location: SourceLocation
    /// The other side's place (schema line or the other page), when there is one.
    public var related: SourceLocation?
    public var hint: String

    /// Stable across line moves, for baselines: rule, file and message.
    public var fingerprint: String { "\(ruleID)|\(location.file)|\(message)" }

    public static func < (lhs: DriftFinding, rhs: DriftFinding) -> Bool {
        (lhs.location, lhs.ruleID, lhs.message) < (rhs.location, rhs.ruleID, rhs.message)
    }
}

/// Everything a rule may look at.
struct DriftContext {
    let model: APIModel
    let conformance: ExampleConformance
    /// Entities by lowercased name, and pages by file: rules look these up per page and per operation.
    private let entitiesByLowercasedName: [String: Int]
    private let pagesByFile: [String: Int]

    init(model: APIModel) {
        self.model = model
        self.conformance = ExampleConformance(model: model)
        var entities: [String: Int] = [:]
        for (index, entity) in model.entities.enumerated() where entities[entity.name.lowercased()] == nil {
            entities[entity.name.lowercased()] = index
        }
        entitiesByLowercasedName = entities
        var pages: [String: Int] = [:]
        for (index, page) in model.pages.enumerated() { pages[page.file] = index }
        pagesByFile = pages
    }

    /// The entity a page documents: the schema type its body or response names, else its title's subject.
    func entity(of page: APIPage) -> ModelEntity? {
        let words = page.title?.value.split(separator: " ").map(String.init) ?? []
        // "user resource type" names its type first; "Get user", "Create message" second.
        let titled = page.kind == .resource ? [words.first, words.dropFirst().first] : [words.dropFirst().first, words.first]
        let candidates = [page.requestBodyType?.value, page.response?.typeName] + titled
        let named = candidates.compactMap { $0.flatMap { entitiesByLowercasedName[$0.lowercased()] }.map { model.entities[$0] } }
        guard var chosen = named.first else { return nil }
        // "Update mailSearchFolder" answering a mailFolder documents the derived type: the most derived one named wins.
        for other in named.dropFirst() where other.name != chosen.name && model.type(other.name, derivesFrom: chosen.name) { chosen = other }
        return chosen
    }

    /// The pages that document an operation, in path order.
    func pages(documenting operation: ModelOperation) -> [APIPage] {
        Set(operation.sources.map(\.file)).sorted().compactMap { pagesByFile[$0].map { model.pages[$0] } }
    }
}

/// The rules, in the order they run; each returns findings for the whole model.
public enum DriftRules {
    static let all: [(String, @Sendable (DriftContext) -> [DriftFinding])] = [
        ("property tables", PropertyTableRule.check),
        ("enum members", EnumMemberRule.check),
        ("example bodies", ExampleBodyRule.check),
        ("example requests", ExampleRequestRule.check),
        ("status codes", StatusRule.check),
        ("permissions", PermissionRule.check),
        ("pages of one operation", OperationPagesRule.check),
        ("front matter", FrontMatterRule.check),
        ("reading warnings", ReadingWarningsRule.check),
        ("suppressions", SuppressionRule.check),
    ]

    /// Every rule id with what it checks, for `graphgen drift --list-rules` and the SARIF rule table.
    public static let descriptions: [String: String] = [
        "property-missing": "A schema property is missing from the page's property table.",
        "property-extra": "The page's property table has a property the schema does not.",
        "property-duplicate": "The page's property table lists one property twice.",
        "property-type": "The page's property type differs from the schema's.",
        "enum-member-missing": "A page lists fewer enum members than the schema.",
        "enum-member-extra": "A page lists enum members the schema does not have.",
        "example-unknown-property": "An example body has a member the schema's type does not.",
        "example-wrong-type": "An example value has the wrong JSON type for its property.",
        "example-enum-value": "An example value is not a member of its enum.",
        "example-enum-case": "An example value is a member of its enum spelled with other letter case.",
        "example-placeholder": "An example uses a placeholder such as \"String\" instead of a real value.",
        "example-datetime": "An example DateTimeOffset is not RFC 3339 text.",
        "example-odata-type": "An example or annotation names an @odata.type other than the entity's qualified name.",
        "example-value-wrapper": "A single-entity response example wraps the entity in 'value', the shape of a collection response.",
        "example-integer-range": "An example integer does not fit its property's type.",
        "example-request-path": "An example request line is not one of the page's documented HTTP requests.",
        "example-base-url": "An example request URL does not start with the schema's base URL and version.",
        "example-content-type": "An example request has a body but no Content-Type header.",
        "status-mismatch": "The documented success status differs from the example response's status.",
        "ref-status": "An add-reference ($ref) operation documents a status other than 204 No Content.",
        "ref-request-body": "An add-reference ($ref) page documents an entity body instead of an OData reference.",
        "permission-placeholder": "A permission cell holds a placeholder instead of scopes.",
        "permission-missing": "An API page has no permissions table.",
        "permission-disagreement": "Two pages documenting one operation list different scopes.",
        "operation-pages-disagree": "Two pages documenting one operation disagree (status, body type or property table).",
        "front-matter-placeholder": "Front matter holds a placeholder or is empty where a value is expected.",
        "front-matter-title": "The front-matter title differs from the page heading.",
        "path-not-navigable": "A documented path is not a walk of the schema's navigation graph.",
        "path-relative": "A documented path starts at a navigation property rather than a root (read as relative to its type).",
        "property-case": "A property table spells a property with other letter case than the schema.",
        "example-member-case": "An example body spells a property or parameter with other letter case than the schema.",
        "path-case": "A documented path spells a segment with other letter case than the schema; the service accepts it.",
        "path-cast": "A documented path reaches navigation or a call a derived type declares without the type-cast segment before it.",
        "suppression-unknown-rule": "A page's annotation suppresses a rule id that does not exist.",
        "annotation-json": "A page's <!-- { … } --> annotation is not valid JSON, so it is ignored.",
        "example-syntax": "A line in an HTTP example is neither a header nor part of the JSON body.",
        "request-syntax": "A line in the HTTP request section is not 'METHOD /path'.",
        "fence-unclosed": "A fenced code block is never closed, so the rest of the page is read as code.",
        "example-json": "An example body is not JSON even read leniently, so the example is left out.",
        "example-json-lenient": "An example body holds a comment, a trailing comma or a '...' placeholder; it is read past, the rest is checked.",
        "page-sections": "A page has none of the sections a reference page has, so it is left out.",
        "input-encoding": "A page is not UTF-8 text, so it is left out.",
        "input-unreadable": "A page cannot be read, so it is left out.",
        "front-matter": "A page's front matter is not a YAML mapping, so the page is left out.",
        "markdown": "A page's Markdown cannot be read, so the page is left out.",
        "yaml-syntax": "A page's front matter is not valid YAML, so the page is left out.",
        "yaml-duplicate-key": "A page's front matter gives a key twice, so the page is left out.",
        "operation-undeclared": "A page documents an operation the schema's navigation does not declare.",
    ]
}
