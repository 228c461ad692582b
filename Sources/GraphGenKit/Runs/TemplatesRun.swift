import Foundation

/// `graphgen templates dump`: the built-in templates written into a folder, to start an override set from.
public enum TemplatesRun {
    /// Writes every built-in template as `name.mustache` under `folder`; returns how many there are.
    public static func dump(into folder: String) throws -> Int {
        let sources = try TemplateLibrary().sources()
        for source in sources {
            try TextFile.write(source.text, to: (folder as NSString).appendingPathComponent("\(source.name).mustache"))
        }
        return sources.count
    }
}
