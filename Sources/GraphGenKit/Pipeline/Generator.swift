/// Reads the inputs, builds the model and renders every output file in memory.
public enum Generator {
    public static let accessLevels: Set<String> = ["public", "package", "internal"]

    public static func render(model: APIModel, templatesOverride: String?, module: String?, accessLevel: String?) throws -> [GeneratedFile] {
        let access = accessLevel ?? "public"
        guard accessLevels.contains(access) else {
            throw DiagnosticError(.error("access level '\(access)' is not one of: \(accessLevels.sorted().joined(separator: ", "))", at: nil, rule: "usage"))
        }
        if let module, let problem = ModuleName.problem(module) {
            throw DiagnosticError(.error(problem, at: nil, rule: "usage"))
        }
        let templates = try TemplateLibrary(overrides: templatesOverride)
        let options = EmitOptions(module: module ?? model.module, accessLevel: access)
        return try SwiftEmitter(model: model, templates: templates, options: options).render() + [APISurface.file(of: model, module: options.module)]
    }
}
