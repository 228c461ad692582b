import Foundation

/// `graphgen schema infer`: pages → a proposed schema, or with `merge`, what the pages imply for an existing one.
public enum InferRun {
    public struct Outcome: Sendable {
        /// The proposed schema (nil with `merge`).
        public var yaml: String?
        /// With `merge`: additions, conflicts and notes, one per line.
        public var mergeReport: String?
        public var conflicts: Bool
        /// With `apply`: whether the merged schema was written (false when nothing was added, or on conflicts).
        public var applied: Bool = false
        public var summary: String
        /// What the page readers could not use (malformed annotations, stray lines).
        public var warnings: [Diagnostic]
    }

    /// - Parameter output: where the schema will be written; its file name suggests the module when `module` is nil
    ///   (else the working folder's name does).
    /// - Parameter apply: with `merge`, rewrite that schema with the additions (not when there are conflicts).
    public static func run(pages: [String], merge: String?, apply: Bool = false, module: String?, namespace: String?, output: String?) throws -> Outcome {
        let read = try ModelLoader.readPages(pages)
        let defaultModule = output.flatMap(ModuleName.suggested(from:)) ?? ModuleName.suggested(from: FileManager.default.currentDirectoryPath)
        let inferred = SchemaInference(pages: read.pages, options: .init(module: module ?? defaultModule, namespace: namespace)).infer()
        try checkReadsBack(inferred.yaml, as: output.map { DisplayPath.of($0) } ?? "(inferred schema)")
        guard let merge else {
            return Outcome(yaml: inferred.yaml, mergeReport: nil, conflicts: false, summary: inferred.summary + "\n" + read.summary.text, warnings: read.warnings + read.summary.pagesLeftOut)
        }
        let existing = try SchemaDecoder.read(path: merge, displayPath: DisplayPath.of(merge))
        let proposal = try SchemaDecoder.decode(inferred.yaml, file: "(inferred)")
        let (report, merged) = SchemaMerge.merge(inferred: proposal, existing: existing)
        var outcome = Outcome(yaml: nil, mergeReport: report.text, conflicts: !report.conflicts.isEmpty, summary: inferred.summary + "\n" + read.summary.text, warnings: read.warnings + read.summary.pagesLeftOut)
        if apply, report.conflicts.isEmpty, !report.additions.isEmpty {
            outcome.applied = try write(merged, over: merge)
        }
        return outcome
    }

    /// Infer never proposes what `generate` would reject: the text is read back through the schema reader and the
    /// model is built from it before anything is written. A failure here is GraphGen's own, reported as such.
    static func checkReadsBack(_ yaml: String, as file: String) throws {
        do {
            let schema = try SchemaDecoder.decode(yaml, file: file)
            let errors = ModelBuilder.build(schema: schema, pages: []).diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty { throw DiagnosticError(errors) }
        } catch let error as DiagnosticError {
            throw DiagnosticError(error.diagnostics.map { problem in
                .error("the inferred schema would not be accepted (\(problem.message)); nothing is written. This is a GraphGen bug: please report it with the pages", at: problem.location, rule: "infer-invalid")
            })
        }
    }

    /// Rewrites the schema deterministically (the writer's layout; the file's leading comment block is kept, other
    /// comments are not), after checking that the result reads back.
    private static func write(_ schema: SchemaDocument, over path: String) throws -> Bool {
        let original = (try? InputFile.readText(path, displayPath: DisplayPath.of(path))) ?? ""
        let leadingComments = original.split(separator: "\n", omittingEmptySubsequences: false).prefix { $0.hasPrefix("#") }
        let text = leadingComments.map { $0 + "\n" }.joined() + SchemaYAMLWriter.render(schema)
        _ = try SchemaDecoder.decode(text, file: DisplayPath.of(path))
        return try TextFile.write(text, to: path)
    }
}
