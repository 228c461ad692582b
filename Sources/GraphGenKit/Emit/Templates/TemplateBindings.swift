/// A template and the one context type it is rendered with. The emitter's jobs and `TemplateLibrary.render` take the
/// pair, so a context cannot reach a template it was not checked against: that does not compile.
struct TemplateName<Context: TemplateContext>: Sendable {
    /// The template's path below templates/swift, without `.mustache`.
    let name: String

    fileprivate init(_ name: String) { self.name = name }
}

extension TemplateName where Context == NoContext {
    static let package = TemplateName("package.swift")
    static let gitignore = TemplateName("gitignore")
    /// The package's module of a library split into modules: it re-exports them.
    static let exports = TemplateName("exports.swift")
    /// The generated tests' support files, the same in every package.
    static let testSupport = ["ExampleAssertions", "LoopbackServer", "TransportTests", "MiddlewareTests", "RuntimeOptionTests"]
        .map { TemplateName("tests/\($0).swift") }
}

extension TemplateName where Context == RuntimeContext {
    static let runtimeFolder = "runtime/"

    /// One file of the runtime (every template below runtime/ is one).
    static func runtime(_ name: String) -> TemplateName? {
        name.hasPrefix(runtimeFolder) ? TemplateName(name) : nil
    }
}

extension TemplateName where Context == FileTopContext { static let fileTop = TemplateName("file.swift") }
extension TemplateName where Context == ModelFileContext { static let model = TemplateName("model.swift") }
extension TemplateName where Context == ModelTypesContext { static let modelTypes = TemplateName("model-types.swift") }
extension TemplateName where Context == EnumFileContext { static let enumeration = TemplateName("enum.swift") }
extension TemplateName where Context == ParametersFileContext { static let parameters = TemplateName("parameters.swift") }
extension TemplateName where Context == BuilderFileContext { static let builder = TemplateName("builder.swift") }
extension TemplateName where Context == ClientRootsContext { static let clientRoots = TemplateName("client.swift") }
extension TemplateName where Context == DocumentedExamplesContext { static let documentedExamples = TemplateName("examples.swift") }
extension TemplateName where Context == DocumentedExamplesIndexContext { static let documentedExamplesIndex = TemplateName("examples-all.swift") }
extension TemplateName where Context == DocumentedBodiesContext { static let documentedBodies = TemplateName("tests/DocumentedBodies.swift") }
extension TemplateName where Context == ExampleTestsContext { static let exampleTests = TemplateName("tests/ExampleTests.swift") }
extension TemplateName where Context == RequestTestsContext { static let requestTests = TemplateName("tests/RequestTests.swift") }

/// Which context each template is rendered with, so its names can be checked when the library loads, before anything
/// is rendered: read from the typed names above, so the check and the rendering cannot disagree.
enum TemplateBindings {
    static func contextType(of template: String) -> (any TemplateContext.Type)? {
        if TemplateName<RuntimeContext>.runtime(template) != nil { return RuntimeContext.self }
        return byName[template]
    }

    private static func binding<Context>(_ template: TemplateName<Context>) -> (String, any TemplateContext.Type) {
        (template.name, Context.self)
    }

    private static let byName: [String: any TemplateContext.Type] = Dictionary(uniqueKeysWithValues: [
        binding(.package), binding(.gitignore), binding(.exports), binding(.fileTop), binding(.model), binding(.modelTypes), binding(.enumeration),
        binding(.parameters), binding(.builder), binding(.clientRoots), binding(.documentedExamples), binding(.documentedExamplesIndex),
        binding(.documentedBodies), binding(.exampleTests), binding(.requestTests),
    ] + TemplateName<NoContext>.testSupport.map(binding))
}
