/// A value a template is rendered with: a struct that declares, once, every name its templates may use and what
/// each name holds. The declaration serves twice: rendering reads values through it (no reflection), and the
/// template library checks every name a template uses against it when the template is loaded.
protocol TemplateContext: Sendable {
    static var templateFields: [String: TemplateField<Self>] { get }
}

extension TemplateContext {
    func templateValue(_ name: String) -> TemplateValue? {
        Self.templateFields[name]?.read(self)
    }

    static func templateShape(of name: String) -> TemplateShape? {
        templateFields[name]?.shape
    }

    static var templateFieldNames: [String] { templateFields.keys.sorted() }
}

/// What a name holds, as far as a template can tell: checked before anything is rendered.
enum TemplateShape: Sendable {
    /// Printed by `{{name}}`; a section over it renders when the text is not empty, with the text as `{{.}}`.
    case text
    /// Like `text`, and absent when nil.
    case optionalText
    case number
    /// A section over it renders when true.
    case flag
    /// A section over it renders once per text, each as `{{.}}`.
    case texts
    /// A section over it renders once per item, with the item's names in scope.
    case list(any TemplateContext.Type)
    /// A section over it renders once when present, with its names in scope.
    case optional(any TemplateContext.Type)

    /// Whether `{{name}}` prints something sensible.
    var isPrintable: Bool {
        switch self {
        case .text, .optionalText, .number, .flag: true
        case .texts, .list, .optional: false
        }
    }
}

/// A name's value at render time.
enum TemplateValue {
    case text(String?)
    case number(Int)
    case flag(Bool)
    case texts([String])
    case list([any TemplateContext])
    case optional((any TemplateContext)?)
}

/// One name of a context: its shape and how to read it.
struct TemplateField<Root>: Sendable {
    let shape: TemplateShape
    let read: @Sendable (Root) -> TemplateValue

    static func text(_ read: @escaping @Sendable (Root) -> String) -> Self {
        Self(shape: .text) { .text(read($0)) }
    }

    static func optionalText(_ read: @escaping @Sendable (Root) -> String?) -> Self {
        Self(shape: .optionalText) { .text(read($0)) }
    }

    static func number(_ read: @escaping @Sendable (Root) -> Int) -> Self {
        Self(shape: .number) { .number(read($0)) }
    }

    static func flag(_ read: @escaping @Sendable (Root) -> Bool) -> Self {
        Self(shape: .flag) { .flag(read($0)) }
    }

    static func texts(_ read: @escaping @Sendable (Root) -> [String]) -> Self {
        Self(shape: .texts) { .texts(read($0)) }
    }

    static func list<Item: TemplateContext>(_ read: @escaping @Sendable (Root) -> [Item]) -> Self {
        Self(shape: .list(Item.self)) { .list(read($0)) }
    }

    static func optional<Item: TemplateContext>(_ read: @escaping @Sendable (Root) -> Item?) -> Self {
        Self(shape: .optional(Item.self)) { .optional(read($0)) }
    }
}

/// What every template can name, whatever file it renders: the package's settings.
struct PackageContext: TemplateContext {
    var header: String
    var access: String
    var module: String
    /// The client's default base URL, as string literal content.
    var defaultBaseURL: String
    /// The runtime parts graphgen.yaml's `runtime:` turned on (each adds a package dependency).
    var runtime: RuntimeFeatures
    /// The library's modules when it is split (`LibraryModules`): nil for one module.
    var modules: LibraryModules?

    static let templateFields: [String: TemplateField<Self>] = [
        "asyncHTTPClient": .flag { $0.runtime.asyncHTTPClient },
        "logging": .flag { $0.runtime.logging },
        "tracing": .flag { $0.runtime.tracing },
        "runtimeDependencies": .flag { !$0.runtime.names.isEmpty },
        "header": .text { $0.header },
        "access": .text { $0.access },
        "module": .text { $0.module },
        "defaultBaseURL": .text { $0.defaultBaseURL },
        "coreModule": .optionalText { $0.modules?.core },
        // Every module the package's module re-exports, and each module above the core with the modules it uses.
        "exportedModules": .texts { $0.modules.map { Array($0.layers.dropLast().joined()) } ?? [] },
        "moduleTargets": .list { package -> [ModuleTarget] in
            guard let modules = package.modules else { return [] }
            return modules.layers.dropFirst().joined().map { ModuleTarget(name: $0, dependencies: modules.imports(of: $0)) }
        },
        // Declared where the runtime keeps them, used by the other modules of a split library: `package`, which reaches
        // across the package's modules; one module needs no word (internal).
        "packageAccess": .text { $0.modules == nil ? "" : "package " },
    ]
}

/// One module of a split library above the core, and the modules it uses (`package.swift`).
struct ModuleTarget: TemplateContext {
    var name: String
    var dependencies: [String]

    static let templateFields: [String: TemplateField<Self>] = [
        "name": .text { $0.name },
        "dependencies": .texts { $0.dependencies },
    ]
}

/// A template that needs nothing beyond the package's settings.
struct NoContext: TemplateContext {
    static let templateFields: [String: TemplateField<Self>] = [:]
}
