/// Reads the inputs, builds the model and renders every output file in memory.
public enum Generator {
    public static func render(model: APIModel, templatesOverride: String?, module: String?, accessLevel: AccessLevel?,
                              runtime: RuntimeFeatures = RuntimeFeatures(), memberModules: Int? = nil) throws -> [GeneratedFile] {
        try render(model: model, templates: try TemplateLibrary(overrides: templatesOverride), module: module, accessLevel: accessLevel, runtime: runtime,
                   memberModules: memberModules)
    }

    /// With templates loaded by the caller (while other work runs); the settings are checked before they are used.
    static func render(model: APIModel, templates loadTemplates: @autoclosure () throws -> TemplateLibrary, module: String?, accessLevel: AccessLevel?,
                       runtime: RuntimeFeatures, memberModules: Int?) throws -> [GeneratedFile] {
        let access = (accessLevel ?? .public).rawValue
        if let module, let problem = ModuleName.problem(module) {
            throw DiagnosticError(.error(problem, at: nil, rule: "usage"))
        }
        if let memberModules, !LibraryModules.allowedMembers.contains(memberModules) {
            throw DiagnosticError(.error("--member-modules must be from \(LibraryModules.allowedMembers.lowerBound) (one module) to \(LibraryModules.allowedMembers.upperBound), not \(memberModules)",
                                         at: nil, rule: "usage"))
        }
        // Modules of a split reach each other's declarations, which internal ones cannot.
        if let memberModules, memberModules > 1, access == AccessLevel.internal.rawValue {
            throw DiagnosticError(.error("a library in \(memberModules) member modules needs public or package access: an internal library is one module",
                                         at: nil, rule: "usage"))
        }
        let templates = try loadTemplates()
        let options = EmitOptions(module: module ?? model.module, accessLevel: access, runtime: runtime, memberModules: memberModules)
        let emitter = SwiftEmitter(model: model, templates: templates, options: options)
        // The API surface needs only the model and its names, so it is worked out while the files render.
        let (files, surface) = try Parallel.pair({ try emitter.render() }, background: {
            APISurface.file(of: model, module: options.module, names: emitter.names)
        })
        return files + [surface]
    }
}
