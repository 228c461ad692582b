import Foundation

/// `graphgen schema infer`: pages → a proposed schema, or with `merge`, what the pages imply for an existing one.
public enum InferRun {
    public struct Outcome: Sendable {
        /// The proposed schema (nil with `merge`).
        public var yaml: String?
        /// With `merge`: additions, conflicts and notes, one per line.
        public var mergeReport: String?
        public var conflicts: Bool
        public var summary: String
        /// What the page readers could not use (malformed annotations, stray lines).
        public var warnings: [Diagnostic]
    }

    /// - Parameter output: where the schema will be written; its file name suggests the module when `module` is nil
    ///   (else the working folder's name does).
    public static func run(pages: [String], merge: String?, module: String?, namespace: String?, output: String?) throws -> Outcome {
        let read = try ModelLoader.readPages(pages)
        let defaultModule = output.flatMap(ModuleName.suggested(from:)) ?? ModuleName.suggested(from: FileManager.default.currentDirectoryPath)
        let inferred = SchemaInference(pages: read.pages, options: .init(module: module ?? defaultModule, namespace: namespace)).infer()
        guard let merge else {
            return Outcome(yaml: inferred.yaml, mergeReport: nil, conflicts: false, summary: inferred.summary, warnings: read.warnings)
        }
        let existing = try SchemaDecoder.read(path: merge, displayPath: DisplayPath.of(merge))
        let proposal = try SchemaDecoder.decode(inferred.yaml, file: "(inferred)")
        let report = SchemaMerge.compare(inferred: proposal, existing: existing)
        return Outcome(yaml: nil, mergeReport: report.text, conflicts: !report.conflicts.isEmpty, summary: inferred.summary, warnings: read.warnings)
    }
}
