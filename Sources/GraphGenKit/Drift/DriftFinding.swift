/// One disagreement between a page and the schema, or between pages.
public struct DriftFinding: Sendable, Hashable, Comparable {
    public var rule: DriftRuleID
    /// Names both sides: what the page says and what the schema or the other page says.
    public var message: String
    public var location: SourceLocation
    /// The other side's place (schema line or the other page), when there is one.
    public var related: SourceLocation?
    public var hint: String

    public init(rule: DriftRuleID, message: String, location: SourceLocation, related: SourceLocation?, hint: String) {
        self.rule = rule
        self.message = message
        self.location = location
        self.related = related
        self.hint = hint
    }

    public var severity: Diagnostic.Severity { rule.level }

    /// Stable across line moves, for baselines: rule, file and message.
    public var fingerprint: String { "\(rule.rawValue)|\(location.file)|\(message)" }

    public static func < (lhs: DriftFinding, rhs: DriftFinding) -> Bool {
        (lhs.location, lhs.rule, lhs.message) < (rhs.location, rhs.rule, rhs.message)
    }
}

/// Everything a rule may look at: the model, and the pages it was built from (drift compares pages with the
/// model and with each other; the model itself keeps no pages).
struct DriftContext {
    let model: APIModel
    /// In path order, as the model was built from them.
    let pages: [APIPage]
    let conformance: ExampleConformance
    /// Entities by lowercased name, and pages by file: rules look these up per page and per operation.
    private let entitiesByLowercasedName: [String: Int]
    private let pagesByFile: [String: Int]

    init(model: APIModel, pages: [APIPage]) {
        self.model = model
        self.pages = pages.sorted { $0.file < $1.file }
        self.conformance = ExampleConformance(model: model)
        var entities: [String: Int] = [:]
        for (index, entity) in model.entities.enumerated() where entities[entity.name.lowercased()] == nil {
            entities[entity.name.lowercased()] = index
        }
        entitiesByLowercasedName = entities
        var pages: [String: Int] = [:]
        for (index, page) in self.pages.enumerated() { pages[page.file] = index }
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
        Set(operation.sources.map(\.file)).sorted().compactMap { pagesByFile[$0].map { pages[$0] } }
    }
}
