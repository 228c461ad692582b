import Foundation

/// Reads a schema and page folders and builds the model, reporting every input error of the run together.
public enum ModelLoader {
    /// - Parameter root: the folder locations in the model are relative to (default: the working folder).
    public static func load(schemaPath: String, pagePaths: [String], root: String? = nil) throws -> APIModel {
        try loadWithPages(schemaPath: schemaPath, pagePaths: pagePaths, root: root).model
    }

    /// The model and the pages it was built from, for drift, which compares the pages with the model.
    public static func loadWithPages(schemaPath: String, pagePaths: [String], root: String? = nil) throws -> (model: APIModel, pages: [APIPage]) {
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
        var read = PagesRead()
        do {
            read = try pagesRead.get()
        } catch let error as DiagnosticError {
            errors.add(contentsOf: error.diagnostics)
        }
        try errors.throwIfErrors()
        guard let schema else { throw DiagnosticError(errors.diagnostics) }
        var model = ModelBuilder.build(schema: schema, pages: read.pages, readingWarnings: read.warnings + read.summary.pagesLeftOut)
        // A schema the model cannot be built from whole (one declaring more paths than a client could hold) stops the run.
        let schemaErrors = model.diagnostics.filter { $0.severity == .error }
        if !schemaErrors.isEmpty { throw DiagnosticError(schemaErrors) }
        model.pageReading = read.summary
        return (model, read.pages)
    }

    /// The pages a run could read, what their readers warned about, and what was left out.
    public struct PagesRead: Sendable {
        public var pages: [APIPage] = []
        public var warnings: [Diagnostic] = []
        public var summary = PageReadingSummary()
    }

    /// Reads every page under the given files or folders in parallel. A page that cannot be read is left out with a
    /// warning under the rule of the reason; only a missing file or folder named in the inputs stops the run.
    public static func readPages(_ paths: [String], root: String? = nil) throws -> PagesRead {
        var read = PagesRead()
        let results = Parallel.map(try pageFiles(paths)) { file -> Result<(page: APIPage, diagnostics: [Diagnostic]), DiagnosticError> in
            do {
                return .success(try PageReader.read(path: file, displayPath: DisplayPath.of(file, root: root)))
            } catch let error as DiagnosticError {
                return .failure(error)
            } catch {
                return .failure(DiagnosticError(.error("\(error)", at: SourceLocation(file: DisplayPath.of(file, root: root), line: 1), rule: "input-unreadable")))
            }
        }
        for result in results {
            switch result {
            case .success(let page):
                read.pages.append(page.page)
                read.warnings += page.diagnostics
                read.summary.blocksLeftOut += page.diagnostics.filter { $0.message.hasSuffix(PageAssembler.blockLeftOut) }
            case .failure(let error):
                guard let first = error.diagnostics.first else { continue }
                read.summary.pagesLeftOut.append(.warning(first.message + "; the page is left out", at: first.location, rule: first.ruleID))
                read.warnings += error.diagnostics.dropFirst().map { .warning($0.message, at: $0.location, rule: $0.ruleID) }
            }
        }
        read.summary.pagesRead = read.pages.count
        return read
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
