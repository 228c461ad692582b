/// Every id a drift finding carries: the family of rules that reports it, the level it reports at and what it checks.
/// `graphgen drift --list-rules`, the SARIF rule table, config and page suppressions and README's rule table all read it.
public enum DriftRuleID: String, CaseIterable, Sendable, Comparable {
    case propertyMissing = "property-missing"
    case propertyExtra = "property-extra"
    case propertyDuplicate = "property-duplicate"
    case propertyType = "property-type"
    case propertyCase = "property-case"
    case enumMemberMissing = "enum-member-missing"
    case enumMemberExtra = "enum-member-extra"
    case exampleUnknownProperty = "example-unknown-property"
    case exampleWrongType = "example-wrong-type"
    case exampleEnumValue = "example-enum-value"
    case exampleEnumCase = "example-enum-case"
    case examplePlaceholder = "example-placeholder"
    case exampleDateTime = "example-datetime"
    case exampleODataType = "example-odata-type"
    case exampleValueWrapper = "example-value-wrapper"
    case exampleIntegerRange = "example-integer-range"
    case exampleMemberCase = "example-member-case"
    case exampleRequestPath = "example-request-path"
    case exampleBaseUrl = "example-base-url"
    case exampleContentType = "example-content-type"
    case statusMismatch = "status-mismatch"
    case refStatus = "ref-status"
    case refRequestBody = "ref-request-body"
    case permissionPlaceholder = "permission-placeholder"
    case permissionMissing = "permission-missing"
    case permissionDisagreement = "permission-disagreement"
    case operationPagesDisagree = "operation-pages-disagree"
    case frontMatterPlaceholder = "front-matter-placeholder"
    case frontMatterTitle = "front-matter-title"
    case pathNotNavigable = "path-not-navigable"
    case pathCase = "path-case"
    case pathCast = "path-cast"
    case pathRelative = "path-relative"
    case operationUndeclared = "operation-undeclared"
    case annotationJSON = "annotation-json"
    case exampleSyntax = "example-syntax"
    case requestSyntax = "request-syntax"
    case fenceUnclosed = "fence-unclosed"
    case exampleJSON = "example-json"
    case exampleJSONLenient = "example-json-lenient"
    case pageSections = "page-sections"
    case inputEncoding = "input-encoding"
    case inputUnreadable = "input-unreadable"
    case frontMatter = "front-matter"
    case markdown = "markdown"
    case yamlSyntax = "yaml-syntax"
    case yamlDuplicateKey = "yaml-duplicate-key"
    case suppressionUnknownRule = "suppression-unknown-rule"

    public static func < (lhs: DriftRuleID, rhs: DriftRuleID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var family: DriftFamily {
        switch self {
        case .propertyMissing, .propertyExtra, .propertyDuplicate, .propertyType, .propertyCase:
            return .propertyTables
        case .enumMemberMissing, .enumMemberExtra:
            return .enumMembers
        case .exampleUnknownProperty, .exampleWrongType, .exampleEnumValue, .exampleEnumCase, .examplePlaceholder, .exampleDateTime, .exampleODataType, .exampleValueWrapper, .exampleIntegerRange, .exampleMemberCase:
            return .exampleBodies
        case .exampleRequestPath, .exampleBaseUrl, .exampleContentType:
            return .exampleRequests
        case .statusMismatch, .refStatus, .refRequestBody:
            return .statusCodes
        case .permissionPlaceholder, .permissionMissing, .permissionDisagreement:
            return .permissions
        case .operationPagesDisagree:
            return .pagesOfOneOperation
        case .frontMatterPlaceholder, .frontMatterTitle:
            return .frontMatter
        case .pathNotNavigable, .pathCase, .pathCast, .pathRelative, .operationUndeclared, .annotationJSON, .exampleSyntax, .requestSyntax, .fenceUnclosed, .exampleJSON, .exampleJSONLenient, .pageSections, .inputEncoding, .inputUnreadable, .frontMatter, .markdown, .yamlSyntax, .yamlDuplicateKey:
            return .readingWarnings
        case .suppressionUnknownRule:
            return .suppressions
        }
    }

    /// Errors are drift that breaks the generated client (a wrong type), notes are spellings the service accepts.
    public var level: Diagnostic.Severity {
        switch self {
        case .propertyType, .exampleWrongType, .exampleIntegerRange:
            return .error
        case .exampleEnumCase, .pathRelative, .propertyCase, .exampleMemberCase, .pathCase, .pathCast:
            return .note
        default:
            return .warning
        }
    }

    public var summary: String {
        switch self {
        case .propertyMissing: return "A schema property is missing from the page's property table."
        case .propertyExtra: return "The page's property table has a property the schema does not."
        case .propertyDuplicate: return "The page's property table lists one property twice."
        case .propertyType: return "The page's property type differs from the schema's."
        case .enumMemberMissing: return "A page lists fewer enum members than the schema."
        case .enumMemberExtra: return "A page lists enum members the schema does not have."
        case .exampleUnknownProperty: return "An example body has a member the schema's type does not."
        case .exampleWrongType: return "An example value has the wrong JSON type for its property."
        case .exampleEnumValue: return "An example value is not a member of its enum."
        case .exampleEnumCase: return "An example value is a member of its enum spelled with other letter case."
        case .examplePlaceholder: return "An example uses a placeholder such as \"String\" instead of a real value."
        case .exampleDateTime: return "An example DateTimeOffset is not RFC 3339 text."
        case .exampleODataType: return "An example or annotation names an @odata.type other than the entity's qualified name."
        case .exampleValueWrapper: return "A single-entity response example wraps the entity in 'value', the shape of a collection response."
        case .exampleIntegerRange: return "An example integer does not fit its property's type."
        case .exampleRequestPath: return "An example request line is not one of the page's documented HTTP requests."
        case .exampleBaseUrl: return "An example request URL does not start with the schema's base URL and version."
        case .exampleContentType: return "An example request has a body but no Content-Type header."
        case .statusMismatch: return "The documented success status differs from the example response's status."
        case .refStatus: return "An add-reference ($ref) operation documents a status other than 204 No Content."
        case .refRequestBody: return "An add-reference ($ref) page documents an entity body instead of an OData reference."
        case .permissionPlaceholder: return "A permission cell holds a placeholder instead of scopes."
        case .permissionMissing: return "An API page has no permissions table."
        case .permissionDisagreement: return "Two pages documenting one operation list different scopes."
        case .operationPagesDisagree: return "Two pages documenting one operation disagree (status, body type or property table)."
        case .frontMatterPlaceholder: return "Front matter holds a placeholder or is empty where a value is expected."
        case .frontMatterTitle: return "The front-matter title differs from the page heading."
        case .pathNotNavigable: return "A documented path is not a walk of the schema's navigation graph."
        case .pathRelative: return "A documented path starts at a navigation property rather than a root (read as relative to its type)."
        case .propertyCase: return "A property table spells a property with other letter case than the schema."
        case .exampleMemberCase: return "An example body spells a property or parameter with other letter case than the schema."
        case .pathCase: return "A documented path spells a segment with other letter case than the schema; the service accepts it."
        case .pathCast: return "A documented path reaches navigation or a call a derived type declares without the type-cast segment before it."
        case .suppressionUnknownRule: return "A page's annotation suppresses a rule id that does not exist."
        case .annotationJSON: return "A page's <!-- { … } --> annotation is not valid JSON, so it is ignored."
        case .exampleSyntax: return "A line in an HTTP example is neither a header nor part of the JSON body."
        case .requestSyntax: return "A line in the HTTP request section is not 'METHOD /path'."
        case .fenceUnclosed: return "A fenced code block is never closed, so the rest of the page is read as code."
        case .exampleJSON: return "An example body is not JSON even read leniently, so the example is left out."
        case .exampleJSONLenient: return "An example body holds a comment, a trailing comma or a '...' placeholder; it is read past, the rest is checked."
        case .pageSections: return "A page has none of the sections a reference page has, so it is left out."
        case .inputEncoding: return "A page is not UTF-8 text, so it is left out."
        case .inputUnreadable: return "A page cannot be read, so it is left out."
        case .frontMatter: return "A page's front matter is not a YAML mapping, so the page is left out."
        case .markdown: return "A page's Markdown cannot be read, so the page is left out."
        case .yamlSyntax: return "A page's front matter is not valid YAML, so the page is left out."
        case .yamlDuplicateKey: return "A page's front matter gives a key twice, so the page is left out."
        case .operationUndeclared: return "A page documents an operation the schema's navigation does not declare."
        }
    }
}

/// A family of drift rules, checked by one file of Rules/; they run in this order.
public enum DriftFamily: String, CaseIterable, Sendable {
    case propertyTables = "property tables"
    case enumMembers = "enum members"
    case exampleBodies = "example bodies"
    case exampleRequests = "example requests"
    case statusCodes = "status codes"
    case permissions = "permissions"
    case pagesOfOneOperation = "pages of one operation"
    case frontMatter = "front matter"
    case readingWarnings = "reading warnings"
    case suppressions = "suppressions"

    var check: @Sendable (DriftContext) -> [DriftFinding] {
        switch self {
        case .propertyTables: return PropertyTableRule.check
        case .enumMembers: return EnumMemberRule.check
        case .exampleBodies: return ExampleBodyRule.check
        case .exampleRequests: return ExampleRequestRule.check
        case .statusCodes: return StatusRule.check
        case .permissions: return PermissionRule.check
        case .pagesOfOneOperation: return OperationPagesRule.check
        case .frontMatter: return FrontMatterRule.check
        case .readingWarnings: return ReadingWarningsRule.check
        case .suppressions: return SuppressionRule.check
        }
    }
}

extension DriftRuleID: CustomStringConvertible {
    public var description: String { rawValue }
}
