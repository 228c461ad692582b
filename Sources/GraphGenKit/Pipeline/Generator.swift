/// Reads the inputs, builds the model and renders every output file in memory.
public enum Generator {
    public static func render(model: APIModel, templatesOverride: String?, module: String?, accessLevel: AccessLevel?) throws -> [GeneratedFile] {
        let access = (accessLevel ?? .public).rawValue
        if let module, let problem = ModuleName.problem(module) {
            throw DiagnosticError(.error(problem, at: nil, rule: "usage"))
        }
        let templates = try TemplateLibrary(overrides: templatesOverride)
        let options = EmitOptions(module: module ?? model.module, accessLevel: access)
        return try SwiftEmitter(model: model, templates: templates, options: options).render() + [APISurface.file(of: model, module: options.module)]
    }
}
