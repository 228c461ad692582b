import Foundation

/// `graphgen generate`: inputs → model → files, then one of: stop early on a current stamp, write the library into
/// bundle files, compare with the output folder (`--check`), or write the folder under its lock.
public enum GenerateRun {
    public struct Settings: Sendable {
        public var schema: String
        public var pages: [String]
        /// The folder locations are shown relative to (the config's folder).
        public var root: String
        public var configFile: String?
        public var output: String
        /// Where the config names the output folder, for errors about it.
        public var outputSetting: SourceLocation?
        public var templates: String?
        public var module: String?
        public var accessLevel: AccessLevel?
        public var runtime = RuntimeFeatures()
        public var check = false
        public var force = false
        /// Write only the library sources, spread over these files, instead of the output folder.
        public var bundleFiles: [String] = []
        /// How many modules hold the types' members (`LibraryModules`): nil to choose by size, 1 for one module.
        /// Bundle files always hold one module.
        public var memberModules: Int?
        /// Drift's baseline and disabled rules: page properties the schema lacks are reported unless drift accepts them.
        public var driftBaseline: String?
        public var driftDisabledRules: Set<DriftRuleID> = []

        public init(schema: String, pages: [String], root: String, configFile: String?, output: String, outputSetting: SourceLocation?,
                    templates: String?, module: String?, accessLevel: AccessLevel?) {
            self.schema = schema
            self.pages = pages
            self.root = root
            self.configFile = configFile
            self.output = output
            self.outputSetting = outputSetting
            self.templates = templates
            self.module = module
            self.accessLevel = accessLevel
        }
    }

    /// Properties a page's table documents that the schema lacks: the generated model cannot have them, so say so.
    /// A baseline that is missing or unreadable accepts nothing here; `graphgen drift` reports what is wrong with it.
    static func missingFromSchema(_ model: APIModel, _ pages: [APIPage], _ settings: Settings) -> [Diagnostic] {
        let baseline = settings.driftBaseline.flatMap { try? DriftBaseline.read(path: $0, displayPath: DisplayPath.of($0, root: settings.root)) } ?? []
        let check = DriftCheck(disabledRules: settings.driftDisabledRules, baseline: baseline)
        return check.run(model, pages: pages, families: [.propertyTables]).findings.filter { $0.rule == .propertyExtra }.map { finding in
            .warning(finding.message + "; the generated model leaves it out until the schema declares it", at: finding.location, rule: finding.rule.rawValue)
        }
    }

    public enum Outcome {
        /// The stamp says nothing changed since the last run.
        case current
        /// How many of the bundle files changed and were written.
        case bundle(written: Int)
        /// `--check`: the plan and a diff; `interrupted` when an earlier run died while writing.
        case checked(plan: OutputWriter.Plan, diff: String, interrupted: Bool, fileCount: Int)
        /// What was written, and what it does to the API when the folder held an earlier API surface that differs.
        case written(plan: OutputWriter.Plan, api: (breaking: Int, additive: Int)?)
    }

    /// Runs generate; `warnings` receives reading warnings before anything is written, `waiting` is called once
    /// when another run holds the output folder.
    public static func run(_ settings: Settings, warnings: ([Diagnostic]) -> Void, pageReading: (PageReadingSummary) -> Void = { _ in },
                           waiting: @escaping () -> Void) throws -> Outcome {
        for path in [settings.output, settings.templates].compactMap({ $0 }) + settings.bundleFiles {
            if let problem = PathText.problem(path) { throw DiagnosticError(.error(problem, at: settings.outputSetting, rule: "output-path")) }
        }
        var stamp: InputStamp?
        if !settings.check && settings.bundleFiles.isEmpty {
            stamp = try InputStamp.forGenerate(configFile: settings.configFile, schema: settings.schema, pages: settings.pages, templatesFolder: settings.templates,
                                               settings: [settings.output, settings.module ?? "-", settings.accessLevel?.rawValue ?? "-",
                                                          settings.memberModules.map(String.init) ?? "-"] + settings.runtime.names)
            if let stamp, stamp.isCurrent(in: settings.output) { return .current }
        }
        // The pages are read for the warnings; the emitters read the model only, so the pages go before rendering. The
        // templates are loaded while the pages are checked against the schema: both are work for one core.
        let (model, templates) = try { () throws -> (APIModel, Result<TemplateLibrary, Error>) in
            let (model, pages) = try ModelLoader.loadWithPages(schemaPath: settings.schema, pagePaths: settings.pages, root: settings.root)
            let (missing, templates) = Parallel.pair({ missingFromSchema(model, pages, settings) }, background: {
                Result { try TemplateLibrary(overrides: settings.templates) }
            })
            warnings(model.diagnostics.filter { $0.severity >= .warning } + missing)
            pageReading(model.pageReading)
            return (model, templates)
        }()
        let files = try Generator.render(model: model, templates: try templates.get(), module: settings.module, accessLevel: settings.accessLevel,
                                         runtime: settings.runtime, memberModules: settings.bundleFiles.isEmpty ? settings.memberModules : 1)
        if !settings.bundleFiles.isEmpty {
            return .bundle(written: try BundleFile.write(files, to: settings.bundleFiles))
        }
        let folder = OutputFolder(path: settings.output, setting: settings.outputSetting)
        let writer = OutputWriter(folder: folder, files: files)
        if settings.check {
            let plan = writer.plan()
            let interrupted = writer.wasInterrupted
            return .checked(plan: plan, diff: plan.isEmpty && !interrupted ? "" : writer.diff(), interrupted: interrupted, fileCount: files.count)
        }
        let lock = try folder.claim(force: settings.force, waiting: waiting)
        let previousSurface = try? String(contentsOfFile: settings.output + "/" + APISurface.fileName, encoding: .utf8)
        let plan = try writer.write(stamp: stamp?.text)
        withExtendedLifetime(lock) {}
        var api: (breaking: Int, additive: Int)?
        if let previousSurface, let surface = files.first(where: { $0.path == APISurface.fileName }), surface.contents != previousSurface {
            api = APISurface.effect(old: previousSurface.split(separator: "\n").map(String.init), new: surface.contents.split(separator: "\n").map(String.init))
        }
        return .written(plan: plan, api: api)
    }
}
