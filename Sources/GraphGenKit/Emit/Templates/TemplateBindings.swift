/// Which context each template is rendered with, so its names can be checked before anything is rendered.
enum TemplateBindings {
    static func contextType(of template: String) -> (any TemplateContext.Type)? {
        if template.hasPrefix("runtime/") { return RuntimeContext.self }
        return byName[template]
    }

    private static let byName: [String: any TemplateContext.Type] = [
        "package.swift": NoContext.self,
        "gitignore": NoContext.self,
        "file.swift": FileTopContext.self,
        "model.swift": ModelFileContext.self,
        "model-types.swift": ModelTypesContext.self,
        "enum.swift": EnumFileContext.self,
        "parameters.swift": ParametersFileContext.self,
        "builder.swift": BuilderFileContext.self,
        "client.swift": ClientRootsContext.self,
        "examples.swift": DocumentedExamplesContext.self,
        "examples-all.swift": DocumentedExamplesIndexContext.self,
        "tests/ExampleAssertions.swift": NoContext.self,
        "tests/LoopbackServer.swift": NoContext.self,
        "tests/TransportTests.swift": NoContext.self,
        "tests/MiddlewareTests.swift": NoContext.self,
        "tests/RuntimeOptionTests.swift": NoContext.self,
        "tests/DocumentedBodies.swift": DocumentedBodiesContext.self,
        "tests/ExampleTests.swift": ExampleTestsContext.self,
        "tests/RequestTests.swift": RequestTestsContext.self,
    ]
}
