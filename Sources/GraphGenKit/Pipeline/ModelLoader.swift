import Foundation

/// Reads a schema and page folders and builds the model, reporting every input error of the run together.
public enum ModelLoader {
    /// - Parameter root: the folder locations in the model are relative to (default: the working folder).
    public static func load(schemaPath: String, pagePaths: [String], root: String? = nil) throws -> APIModel {
        var errors = DiagnosticCollector()
        // The schema is decoded on its own thread while the pages are read on every core.
        let (pagesRead, schemaRead) = Parallel.pair({ Result { try readPages(pagePaths, root: root) } }, background: {
            Result { try SchemaDecoder.read(path: schemaPath, displayPath: DisplayPath.of(schemaPath, root: root)) }
        })
        var schema: SchemaDocument?
        do {
            schema = try schemaRead.get()
        } catch let error as DiagnosticError {
            errors.add(contentsOf: error.diagnostics)
        }
        var pages: [APIPage] = []
        var warnings: [Diagnostic] = []
        do {
            (pages, warnings) = try pagesRead.get()
        } catch let error as DiagnosticError {
            errors.add(contentsOf: error.diagnostics)
        }
        try errors.throwIfErrors()
        guard let schema else { throw DiagnosticError(errors.diagnostics) }
        return ModelBuilder.build(schema: schema, pages: pages, readingWarnings: warnings)
    }

    /// Reads every page under the given files or folders in parallel; all their errors are thrown together.
    public static func readPages(_ paths: [String], root: String? = nil) throws -> (pages: [APIPage], warnings: [Diagnostic]) {
        var errors = DiagnosticCollector()
        var pages: [APIPage] = []
        var warnings: [Diagnostic] = []
        let results = Parallel.map(try pageFiles(paths)) { file -> Result<(page: APIPage, diagnostics: [Diagnostic]), DiagnosticError> in
            do {
                return .success(try PageReader.read(path: file, displayPath: DisplayPath.of(file, root: root)))
            } catch let error as DiagnosticError {
                return .failure(error)
            } catch {
                return .failure(DiagnosticError(.error("\(error)", at: SourceLocation(file: file, line: 1), rule: "input-unreadable")))
            }
        }
        for result in results {
            switch result {
            case .success(let read):
                pages.append(read.page)
                warnings += read.diagnostics
            case .failure(let error):
                errors.add(contentsOf: error.diagnostics)
            }
        }
        try errors.throwIfErrors()
        return (pages, warnings)
    }

    /// Page files under the given files or folders, sorted; README, LICENSE and NOTICE files are not pages.
    public static func pageFiles(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DiagnosticError(.error("no such file or folder", at: SourceLocation(file: DisplayPath.of(path), line: 1), rule: "input-unreadable"))
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            for relative in DirectoryWalk.files(in: path) {
                let lowered = (relative.split(separator: "/").last.map(String.init) ?? relative).lowercased()
                guard lowered.hasSuffix(".md") || lowered.hasSuffix(".txt") || lowered.hasSuffix(".markdown") else { continue }
                if ["readme", "license", "notice"].contains(where: { lowered.hasPrefix($0) }) { continue }
                files.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
            }
        }
        return Array(Set(files)).sorted()
    }
}
