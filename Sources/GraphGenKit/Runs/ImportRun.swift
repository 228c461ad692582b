import Foundation

/// `graphgen schema import`: CSDL metadata → GraphGen schema YAML, read back through the schema reader before it
/// is returned, so what the import writes is always a schema GraphGen accepts.
public enum ImportRun {
    public struct Outcome: Sendable {
        public var yaml: String
        public var result: SchemaImportResult
    }

    public static func run(csdlPath: String, options: SchemaImportOptions) throws -> Outcome {
        let shown = DisplayPath.of(csdlPath)
        let document = try CSDLDecoder.read(path: csdlPath, displayPath: shown)
        let result = try SchemaImport.run(document, options: options)
        var header = ["Imported by `graphgen schema import` from \(URL(fileURLWithPath: csdlPath).lastPathComponent)."]
        if !options.include.isEmpty { header.append("Kept paths: " + options.include.joined(separator: " ")) }
        if !options.exclude.isEmpty { header.append("Left out: " + options.exclude.joined(separator: " ")) }
        if options.withDerived { header.append("Derived types of kept types are kept.") }
        let yaml = SchemaYAMLWriter.render(result.schema, header: header)
        _ = try SchemaDecoder.decode(yaml, file: "(imported schema)")
        return Outcome(yaml: yaml, result: result)
    }
}
